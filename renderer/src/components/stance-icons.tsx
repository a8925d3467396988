import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';
import LockOpenOutlinedIcon from '@mui/icons-material/LockOpenOutlined';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import RemoveOutlinedIcon from '@mui/icons-material/RemoveOutlined';
import type { SvgIconProps } from '@mui/material/SvgIcon';
import type { StanceValue } from '../domain/schemas';

/** The icon that goes with a stance's word (never alone): a lock, a handshake, an open lock, a dash. */
export function StanceIcon({ stance, ...props }: { stance: StanceValue | null } & SvgIconProps) {
  const Icon = stance === 'tight' ? LockOutlinedIcon : stance === 'shared' ? HandshakeOutlinedIcon : stance === 'loose' ? LockOpenOutlinedIcon : RemoveOutlinedIcon;
  return <Icon aria-hidden focusable="false" {...props} />;
}

/*
 * The same Material icons (LockOutlined, HandshakeOutlined, LockOpenOutlined, RemoveOutlined,
 * East) as bare SVG paths, for the matrix: hundreds of cells render them, and a plain <svg>
 * styled by the grid's class costs far less than an MUI SvgIcon each.
 */
const PATHS = {
  tight: 'M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2M9 6c0-1.66 1.34-3 3-3s3 1.34 3 3v2H9zm9 14H6V10h12zm-6-3c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2',
  shared: 'M12.22 19.85c-.18.18-.5.21-.71 0-.18-.18-.21-.5 0-.71l3.39-3.39-1.41-1.41-3.39 3.39c-.19.2-.51.19-.71 0-.21-.21-.18-.53 0-.71l3.39-3.39-1.41-1.41-3.39 3.39c-.18.18-.5.21-.71 0-.19-.19-.19-.51 0-.71l3.39-3.39-1.42-1.41-3.39 3.39c-.18.18-.5.21-.71 0-.19-.2-.19-.51 0-.71L9.52 8.4l1.87 1.86c.95.95 2.59.94 3.54 0 .98-.98.98-2.56 0-3.54l-1.86-1.86.28-.28c.78-.78 2.05-.78 2.83 0l4.24 4.24c.78.78.78 2.05 0 2.83zm9.61-6.78c1.56-1.56 1.56-4.09 0-5.66l-4.24-4.24c-1.56-1.56-4.09-1.56-5.66 0l-.28.28-.28-.28c-1.56-1.56-4.09-1.56-5.66 0L2.17 6.71C.75 8.13.62 10.34 1.77 11.9l1.45-1.45c-.39-.75-.26-1.7.37-2.33l3.54-3.54c.78-.78 2.05-.78 2.83 0l3.56 3.56c.18.18.21.5 0 .71s-.53.18-.71 0L9.52 5.57l-5.8 5.79c-.98.97-.98 2.56 0 3.54.39.39.89.63 1.42.7.07.52.3 1.02.7 1.42s.9.63 1.42.7c.07.52.3 1.02.7 1.42s.9.63 1.42.7c.07.54.31 1.03.7 1.42.47.47 1.1.73 1.77.73s1.3-.26 1.77-.73z',
  loose: 'M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6h2c0-1.66 1.34-3 3-3s3 1.34 3 3v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2m0 12H6V10h12zm-6-3c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2',
  unset: 'M19 13H5v-2h14z',
  arrow: 'm15 5-1.41 1.41L18.17 11H2v2h16.17l-4.59 4.59L15 19l7-7z',
} as const;

/**
 * A bare SVG icon for the matrix cells, sized and coloured by the grid's `.tl-icon` rule. A plain
 * function, not a component: one fewer React node in each of hundreds of cells.
 */
export function cellIcon(name: StanceValue | 'unset' | 'arrow') {
  return (
    <svg className="tl-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
