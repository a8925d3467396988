import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNotify } from './notifications';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

interface SaveStatus {
  state: SaveState;
  /** Runs a write and tracks it: "Saving…" while it runs, a visible message if it fails. */
  track: <T>(write: Promise<T>) => Promise<T | undefined>;
  /** Like track, for writes whose result is only whether they were saved. */
  save: (write: Promise<unknown>) => Promise<boolean>;
}

const SaveStatusContext = createContext<SaveStatus | null>(null);

export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const pending = useRef(0);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const track = useCallback(async <T,>(write: Promise<T>): Promise<T | undefined> => {
    pending.current += 1;
    setState({ kind: 'saving' });
    try {
      const result = await write;
      pending.current -= 1;
      if (pending.current === 0) setState({ kind: 'saved' });
      return result;
    } catch (error) {
      pending.current -= 1;
      const message = error instanceof Error ? error.message : String(error);
      setState({ kind: 'failed', message });
      notify({ message, severity: 'error' });
      return undefined;
    }
  }, [notify]);
  const save = useCallback(async (write: Promise<unknown>) => (await track(write.then(() => true))) === true, [track]);
  const value = useMemo(() => ({ state, track, save }), [state, track, save]);
  return <SaveStatusContext.Provider value={value}>{children}</SaveStatusContext.Provider>;
}

export function useSaveStatus(): SaveStatus {
  const value = useContext(SaveStatusContext);
  if (!value) throw new Error('useSaveStatus needs a SaveStatusProvider.');
  return value;
}
