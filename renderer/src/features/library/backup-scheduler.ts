/**
 * When the open plan is backed up in the desktop app. Every saved change moves the plan's change
 * time; backing up each one would write a file per keystroke, so the scheduler sends at most one
 * backup every 5 minutes while the planner edits (the change that comes inside the 5 minutes is
 * sent when they are up), and at once on the first change of a day, so each day that saw work
 * has a backup from its start. The main process keeps its own, shorter limit and answers
 * "too soon" if asked early; the scheduler then waits until the time it names.
 */
import type { WriteBackupResult } from '../../host/host';

export const BACKUP_EVERY_MS = 5 * 60_000;

function localDay(at: Date): string {
  return `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;
}

export class BackupScheduler {
  private lastSent: number | null = null;
  private lastDay: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> | null = null;
  private disposed = false;

  constructor(
    /** Reads the plan as it is now and hands it to the host. */
    private readonly send: () => Promise<WriteBackupResult>,
    /** Told once per failure; the next change tries again. */
    private readonly onError: (error: unknown) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The plan changed (and is saved). */
  changed(): void {
    if (this.disposed || this.timer !== null) return;
    const at = this.now();
    const due = this.lastSent === null || localDay(at) !== this.lastDay || at.getTime() - this.lastSent >= BACKUP_EVERY_MS;
    if (due) void this.fire();
    else this.schedule((this.lastSent ?? 0) + BACKUP_EVERY_MS - at.getTime());
  }

  /** The planner leaves the plan: a change still waiting for its turn is backed up now. */
  flush(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    void this.fire();
  }

  /** Stops the timer without sending. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Settles when the backup on its way (if any) has been answered; for tests and leaving. */
  idle(): Promise<void> {
    return this.sending ?? Promise.resolve();
  }

  private schedule(delayMs: number): void {
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.fire();
    }, Math.max(0, delayMs));
  }

  private async fire(): Promise<void> {
    // One at a time: a change while a backup is on its way waits for the next turn.
    if (this.sending) {
      await this.sending;
      if (this.timer === null) this.schedule(BACKUP_EVERY_MS);
      return;
    }
    const at = this.now();
    this.lastSent = at.getTime();
    this.lastDay = localDay(at);
    this.sending = (async () => {
      try {
        const result = await this.send();
        if (result.status === 'too-soon' && this.timer === null) {
          this.schedule(Date.parse(result.nextAt) - this.now().getTime() + 1000);
        }
      } catch (error) {
        this.onError(error);
      } finally {
        this.sending = null;
      }
    })();
    await this.sending;
  }
}
