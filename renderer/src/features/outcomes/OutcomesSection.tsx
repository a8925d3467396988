import Typography from '@mui/material/Typography';
import { SectionHeading } from '../plan/SectionHeading';
import type { SectionProps } from '../plan/section-props';

export function OutcomesSection({ bundle }: SectionProps) {
  return (
    <section aria-labelledby="section-heading">
      <SectionHeading>Vision \& outcomes</SectionHeading>
      <Typography>{bundle.plan.name}</Typography>
    </section>
  );
}
