import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSaveStatus } from './save-status';
import { useNotify } from './notifications';
import { planStore } from './store';
import { afterRedo, afterUndo, EMPTY_UNDO, pushEdit, type UndoState } from './undo-stack';
import { useShortcuts } from '../components/keyboard-shortcuts';
import { changeOf, type CommandContext, type CommandResult, type PlanCommand } from './commands';
import { changedOutOfSight } from './change-places';
import { planRoute, routeHref, type PlanSection } from './router';
import { localDay } from '../domain/revisions';
import { StorageError } from '../storage/storage-error';

/** Runs a command; resolves true once it is saved, false if it failed (the failure has been reported). */
export type RunCommand = <R extends CommandResult>(command: PlanCommand<R>) => Promise<boolean>;

export interface PlanHistory {
  /**
   * Runs one command on the plan: shows "Saving…", reports a failure, and records the edit so
   * it can be undone.
   */
  run: RunCommand;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** What Undo and Redo would do, in words, or null when there is nothing to do. */
export interface UndoLabels {
  undoLabel: string | null;
  redoLabel: string | null;
}

// The functions never change, so sections that edit do not re-render when the stacks do; only
// the Undo and Redo buttons read the labels.
const PlanHistoryContext = createContext<PlanHistory | null>(null);
const UndoLabelsContext = createContext<UndoLabels>({ undoLabel: null, redoLabel: null });

const context: CommandContext = { store: planStore, now: () => new Date() };
const APP = { name: 'Roadmap Planner', version: __APP_VERSION__ };

/**
 * Undo and redo for every edit inside one plan, built on the ChangeSets the store returns.
 * Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes, except in a text field, where
 * those keys undo and redo typing.
 */
export function PlanHistoryProvider({ planId, section, children }: { planId: string; section: PlanSection; children: ReactNode }) {
  const { track, save } = useSaveStatus();
  // Read when an undo lands, so the callbacks stay the same as the planner moves between sections.
  const where = useRef({ planId, section });
  useEffect(() => {
    where.current = { planId, section };
  }, [planId, section]);
  const notify = useNotify();
  const [state, setState] = useState<UndoState>(EMPTY_UNDO);
  const stateRef = useRef(state);
  const busy = useRef<Promise<unknown>>(Promise.resolve());
  // The plan as it was before the day's first change is kept in History, once a day: the edit
  // waits for it the first time, and never again that day. Keeping it may fail (a full disk):
  // the edit goes ahead, since the planner's work matters more than the extra revision.
  const dayKept = useRef<{ key: string; kept: Promise<unknown> } | null>(null);
  const keepDay = useCallback((): Promise<unknown> => {
    const day = localDay(new Date());
    const key = `${where.current.planId}|${day.from}`;
    if (dayKept.current?.key !== key) {
      dayKept.current = { key, kept: planStore.saveDailyRevision(where.current.planId, day, APP).catch(() => undefined) };
    }
    return dayKept.current.kept;
  }, []);

  const update = useCallback((next: (s: UndoState) => UndoState) => {
    stateRef.current = next(stateRef.current);
    setState(stateRef.current);
  }, []);

  /** Undo and redo run one at a time, after any write still on its way. */
  const serial = useCallback((step: () => Promise<void>) => {
    const run = busy.current.then(step, step);
    busy.current = run.catch(() => undefined);
    return run;
  }, []);

  const step = useCallback(function run(direction: 'undo' | 'redo'): Promise<void> {
    return serial(async () => {
      const entry = (direction === 'undo' ? stateRef.current.undo : stateRef.current.redo).at(-1);
      if (!entry) return;
      // A refusal because another window changed the same records since is not a failed save
      // (nothing is left unsaved), so it is told apart from one here.
      const outcome = await track(planStore.applyChange(entry.change, direction, entry.label).then(
        () => null,
        (error: unknown) => { if (error instanceof StorageError && error.reason === 'conflict') return error; throw error; },
      ));
      if (outcome === undefined) return;
      if (outcome !== null) {
        // The entry is dropped: it can never apply while the other window's change stands, and
        // kept on top it would block every older undo. Other failures keep it, to try again.
        update((s) => (direction === 'undo' ? { ...s, undo: s.undo.filter((e) => e.id !== entry.id) } : { ...s, redo: s.redo.filter((e) => e.id !== entry.id) }));
        notify({ message: outcome.message, severity: 'warning' });
        return;
      }
      update(direction === 'undo' ? afterUndo : afterRedo);
      // An undo that changes another section says where, with a link there.
      const elsewhere = changedOutOfSight(entry.change, where.current.section);
      const verb = direction === 'undo' ? 'Undone' : 'Redone';
      const message = elsewhere ? `${verb} on ${elsewhere.label}: ${entry.label}.` : `${verb}: ${entry.label}.`;
      const link = elsewhere ? { label: `Show ${elsewhere.label}`, href: routeHref(planRoute(where.current.planId, elsewhere.section)) } : undefined;
      if (direction === 'undo') {
        notify({ message, severity: 'info', link, action: { label: 'Redo', run: () => void run('redo'), shortcut: false } });
      } else {
        notify({ message, severity: 'info', link });
      }
    });
  }, [track, update, notify, serial]);
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  const run = useCallback(async <R extends CommandResult>(command: PlanCommand<R>): Promise<boolean> => {
    const { label, field, announce } = command;
    const write = keepDay().then(() => command.write(context));
    busy.current = busy.current.then(() => write).catch(() => undefined);
    let result: R | undefined;
    if (field) {
      const captured: { value?: R } = {};
      const ok = await save(field, write.then((value) => { captured.value = value; }));
      result = ok ? captured.value : undefined;
    } else {
      result = await track(write);
    }
    if (result === undefined) return false;
    update((s) => pushEdit(s, { label, change: changeOf(result), mergeKey: field ?? null }, Date.now()));
    if (announce) {
      const entryId = stateRef.current.undo.at(-1)?.id;
      notify({
        message: typeof announce === 'function' ? announce(result) : announce,
        action: {
          label: 'Undo',
          // The Undo key is the plan's own; this button undoes this edit while it is the latest.
          shortcut: false,
          run: () => { if (stateRef.current.undo.at(-1)?.id === entryId) void undo(); },
        },
      });
    }
    return true;
  }, [save, track, update, notify, undo, keepDay]);

  useShortcuts([
    { keys: 'mod+z', inTextFields: false, run: () => void undo() },
    { keys: 'mod+shift+z', inTextFields: false, run: () => void redo() },
    { keys: 'mod+y', inTextFields: false, run: () => void redo() },
  ]);

  const value = useMemo<PlanHistory>(() => ({ run, undo, redo }), [run, undo, redo]);
  const undoLabel = state.undo.at(-1)?.label ?? null;
  const redoLabel = state.redo.at(-1)?.label ?? null;
  const labels = useMemo<UndoLabels>(() => ({ undoLabel, redoLabel }), [undoLabel, redoLabel]);
  return (
    <PlanHistoryContext.Provider value={value}>
      <UndoLabelsContext.Provider value={labels}>{children}</UndoLabelsContext.Provider>
    </PlanHistoryContext.Provider>
  );
}

export function useUndoLabels(): UndoLabels {
  return useContext(UndoLabelsContext);
}

export function usePlanHistory(): PlanHistory {
  const value = useContext(PlanHistoryContext);
  if (!value) throw new Error('usePlanHistory needs a PlanHistoryProvider.');
  return value;
}

/** Runs the plan's commands: `await run(command)` is true once it is saved. */
export function useRunCommand(): RunCommand {
  return usePlanHistory().run;
}
