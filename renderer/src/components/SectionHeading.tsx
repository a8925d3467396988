import { useEffect, useRef, type ReactNode } from 'react';
import Box from '@mui/material/Box';
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
    // One box, so a Stack's spacing falls below the description, not between it and the heading.
    <Box sx={{ mb: 2 }}>
      <Typography id="section-heading" variant="h2" ref={ref} tabIndex={-1} sx={{ '&:focus': { outline: 'none' }, mb: description ? 0.5 : 0 }}>{children}</Typography>
      {description && <Typography color="text.secondary" sx={{ maxWidth: '75ch' }}>{description}</Typography>}
    </Box>
  );
}
