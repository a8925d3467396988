import type { PlanBundle } from '../domain/schemas';

/** What every section of the plan screen is given: the whole plan as stored, kept live. */
export interface SectionProps {
  bundle: PlanBundle;
}
