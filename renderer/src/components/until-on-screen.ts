/**
 * Runs `attempt` on each animation frame until it returns true or `frames` frames have passed:
 * for focus that must wait until a live query has brought new data and React has rendered it.
 */
export function untilOnScreen(attempt: () => boolean, frames: number): void {
  if (attempt() || frames <= 0) return;
  requestAnimationFrame(() => untilOnScreen(attempt, frames - 1));
}
