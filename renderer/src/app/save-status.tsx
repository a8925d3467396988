import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNotify } from './notifications';
import { errorMessage } from '../domain/messages';
import { failureMessage, isQuotaError } from './failure-message';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

interface SaveStatus {
  /** Runs a one-off write (add, move, delete): "Saving…" while it runs, a message if it fails. */
  track: <T>(write: Promise<T>) => Promise<T | undefined>;
  /**
   * Saves a field. A failure stays on show ("Not saved") until the same field saves, however
   * many other writes succeed meanwhile, because its text is still unsaved.
   */
  save: (field: string, write: Promise<unknown>) => Promise<boolean>;
  /** Resolves once every write started so far has finished. */
  settled: () => Promise<void>;
}

// Two contexts: the functions never change, so the screens that only save do not re-render
// each time the state goes from "Saving…" to "All changes saved"; only the indicator does.
const SaveStatusContext = createContext<SaveStatus | null>(null);
const SaveStateContext = createContext<SaveState>({ kind: 'saved' });

/** The failure of a one-off write: shown until the next write succeeds, since nothing is left unsaved. */
const ACTION = '\u0000action';

export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const inFlight = useRef(new Set<Promise<unknown>>());
  const failures = useRef(new Map<string, string>());
  const [state, setState] = useState<SaveState>({ kind: 'saved' });

  const refresh = useCallback(() => {
    const failed = [...failures.current.values()].at(-1);
    setState(failed !== undefined ? { kind: 'failed', message: failed } : inFlight.current.size > 0 ? { kind: 'saving' } : { kind: 'saved' });
  }, []);

  const run = useCallback(async <T,>(field: string, write: Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> => {
    inFlight.current.add(write);
    refresh();
    try {
      const value = await write;
      failures.current.delete(field);
      failures.current.delete(ACTION);
      return { ok: true, value };
    } catch (error) {
      // A write refused for space also says how much is used and what can be freed (the estimate is a moment away).
      const message = isQuotaError(error) ? await failureMessage(error) : errorMessage(error);
      failures.current.delete(field);
      failures.current.set(field, message);
      notify({ message, severity: 'error' });
      return { ok: false };
    } finally {
      inFlight.current.delete(write);
      refresh();
    }
  }, [notify, refresh]);

  const track = useCallback(async <T,>(write: Promise<T>) => {
    const result = await run(ACTION, write);
    return result.ok ? result.value : undefined;
  }, [run]);

  const save = useCallback(async (field: string, write: Promise<unknown>) => (await run(field, write)).ok, [run]);

  const settled = useCallback(async () => {
    while (inFlight.current.size > 0) await Promise.allSettled([...inFlight.current]);
  }, []);

  const value = useMemo(() => ({ track, save, settled }), [track, save, settled]);
  return (
    <SaveStatusContext.Provider value={value}>
      <SaveStateContext.Provider value={state}>{children}</SaveStateContext.Provider>
    </SaveStatusContext.Provider>
  );
}

/** The current save state, for the indicator. */
export function useSaveState(): SaveState {
  return useContext(SaveStateContext);
}

const nothingPending = () => Promise.resolve();

/**
 * Waits for the text still being saved on this screen, if the screen saves as the planner types
 * (a plan's screen); elsewhere (the library) nothing is ever pending.
 */
export function useSettledSaves(): () => Promise<void> {
  return useContext(SaveStatusContext)?.settled ?? nothingPending;
}

export function useSaveStatus(): SaveStatus {
  const value = useContext(SaveStatusContext);
  if (!value) throw new Error('useSaveStatus needs a SaveStatusProvider.');
  return value;
}
