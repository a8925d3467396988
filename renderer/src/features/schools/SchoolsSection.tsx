import { SectionHeading } from '../plan/SectionHeading';
import type { SectionProps } from '../plan/section-props';

export function SchoolsSection(_props: SectionProps) {
  return <SectionHeading>Schools</SectionHeading>;
}
