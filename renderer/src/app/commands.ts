/**
 * A user action on a plan, as a value: what Undo calls it, how typing in one field merges into
 * one undo step, and the one store write it makes (one transaction). Each feature keeps its
 * commands in its own `commands.ts`; sections run them with `useRunCommand()` (plan-history.tsx),
 * and tests run `write` against a store on fake IndexedDB.
 */
import type { ChangeSet } from '../storage/transactions';
import type { PlanStore } from '../storage/plan-store';

/** What a command's write is given: the repository and the clock. */
export interface CommandContext {
  store: PlanStore;
  now: () => Date;
}

/** What a write returns: its ChangeSet, alone or beside other results (counts, ids). */
export type CommandResult = ChangeSet | { change: ChangeSet };

export interface PlanCommand<R extends CommandResult = CommandResult> {
  /** The undo label, in the planner's words: "Set Curriculum to Tight in Pilot". */
  label: string;
  /**
   * The field being typed in (`phase.<id>.goal`): quick edits to it merge into one undo step,
   * and a failed save stays on show until this field saves. Absent for one-off actions.
   */
  field?: string;
  /** A message with Undo once it is done (deletions, imports); a function words it from what the write returned. */
  announce?: string | ((result: R) => string);
  /** The write: one call to the store, one transaction. */
  write: (ctx: CommandContext) => Promise<R>;
}

/** A record as a command's label names it: its id and the name the planner knows it by. */
export interface Named {
  id: string;
  name: string;
}

/** A command that adds a record, with the id the record takes (chosen before the write, so a section can focus it). */
export type AddCommand<R extends CommandResult = CommandResult> = PlanCommand<R> & { id: string };

/** The ChangeSet of a write's result. */
export const changeOf = (result: CommandResult): ChangeSet => ('change' in result ? result.change : result);
