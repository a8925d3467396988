import { SectionHeading } from '../plan/SectionHeading';
import type { SectionProps } from '../plan/section-props';

export function WavesSection(_props: SectionProps) {
  return <SectionHeading>Waves</SectionHeading>;
}
