import Button, { type ButtonProps } from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { ariaKeyShortcut, isMac, shortcutLabel, type Keys } from './keyboard-shortcuts';

/** A button that also names its keyboard shortcut, in a tooltip and for screen readers. */
export function ShortcutButton({ keys, title, ...props }: ButtonProps & { keys: Keys; title: string }) {
  const mac = isMac();
  return (
    <Tooltip describeChild title={`${title} (${shortcutLabel(keys, mac)})`}>
      <Button {...props} aria-keyshortcuts={ariaKeyShortcut(keys, mac)} />
    </Tooltip>
  );
}
