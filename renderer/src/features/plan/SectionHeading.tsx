import { useEffect, useRef, type ReactNode } from 'react';
import Typography from '@mui/material/Typography';

/**
 * The h2 of the open section (id "section-heading"). It takes the focus when the planner
 * switches sections, so the next Tab starts at the top of the new section.
 */
export function SectionHeading({ children, description }: { children: ReactNode; description?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only when the planner came here from the section navigation, not when the plan opens.
    if (document.activeElement?.closest('[data-section-nav]')) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <Typography id="section-heading" variant="h2" ref={ref} tabIndex={-1} sx={{ '&:focus': { outline: 'none' }, mb: description ? 0.5 : 2 }}>{children}</Typography>
      {description && <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '75ch' }}>{description}</Typography>}
    </>
  );
}
