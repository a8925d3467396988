import { PlannerDatabase } from '../storage/database';
import { createPlanStore } from '../storage/plan-store';

/**
 * The one database and repository the app uses. Creating them touches no storage: Dexie opens
 * the database on its first query, and every open first checks which schema wrote the database
 * (storage/database-version.ts), so one written by a newer version is never opened, changed or
 * wiped; every query then fails with the 'newer-version' message, and the app shell shows why.
 */
export const planStore = createPlanStore(new PlannerDatabase());
