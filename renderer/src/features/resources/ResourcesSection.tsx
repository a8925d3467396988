import { SectionHeading } from '../plan/SectionHeading';
import type { SectionProps } from '../plan/section-props';

export function ResourcesSection(_props: SectionProps) {
  return <SectionHeading>Resources</SectionHeading>;
}
