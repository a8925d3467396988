import { PlannerDatabase } from '../storage/database';
import { createPlanStore } from '../storage/plan-store';

/** The one database and repository the app uses. */
export const planStore = createPlanStore(new PlannerDatabase());
