import { SectionHeading } from '../plan/SectionHeading';
import type { SectionProps } from '../plan/section-props';

export function PrioritiesSection(_props: SectionProps) {
  return <SectionHeading>Priorities</SectionHeading>;
}
