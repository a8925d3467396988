import type { Ref } from 'react';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Typography from '@mui/material/Typography';
import { routeHref } from '../app/router';

/** What a link to a plan that is no longer in the library shows: the plan screen's and a report's. */
export function PlanNotFound({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <Container component="main" sx={{ py: 6 }}>
      <Typography variant="h1" gutterBottom ref={headingRef} tabIndex={-1} sx={{ '&:focus': { outline: 'none' } }}>Plan not found</Typography>
      <Typography sx={{ mb: 2 }}>This plan is not in your library. It may have been deleted for good.</Typography>
      <Button variant="contained" href={routeHref({ screen: 'library' })}>Back to your plans</Button>
    </Container>
  );
}
