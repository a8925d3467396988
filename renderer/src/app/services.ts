import { getHost } from '../host';
import { planStore } from './store';
import type { PlanFileContext } from '../features/plan-file/plan-file-commands';

/** What commands need from the running app: the repository, the shell, the clock. */
export function appServices(): PlanFileContext {
  return { store: planStore, host: getHost(), now: () => new Date(), appVersion: __APP_VERSION__ };
}
