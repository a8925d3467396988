import Stack from '@mui/material/Stack';
import { PlanBasics } from './PlanBasics';
import { PlanAtAGlance } from './PlanAtAGlance';
import type { SectionProps } from '../../components/section-props';
import { SectionHeading } from '../../components/SectionHeading';

export function OverviewSection({ bundle }: SectionProps) {
  return (
    <Stack component="section" aria-labelledby="section-heading" spacing={3} sx={{ maxWidth: 1200 }}>
      <SectionHeading description="The plan's name, the school system it is for, and the profile the decisions section compares with the survey.">Overview</SectionHeading>
      <PlanBasics plan={bundle.plan} />
      <PlanAtAGlance bundle={bundle} />
    </Stack>
  );
}
