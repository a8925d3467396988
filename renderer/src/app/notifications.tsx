import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Snackbar from '@mui/material/Snackbar';
import { ariaKeyShortcut, isMac, shortcutLabel, useShortcuts } from '../components/keyboard-shortcuts';

export interface Notice {
  message: string;
  severity?: 'success' | 'info' | 'warning' | 'error';
  /** An action such as Undo, offered beside the message. */
  action?: {
    label: string;
    run: () => void | Promise<void>;
    /** False where a screen's own Ctrl/Cmd+Z does the undoing (the plan's undo history). */
    shortcut?: boolean;
  };
  /** A link after the message, to where the change it reports can be seen. */
  link?: { label: string; href: string };
}

type Notify = (notice: Notice) => void;

const NotifyContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

/** One message at a time at the bottom of the window; messages with an action stay longer. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<(Notice & { key: number }) | null>(null);
  const notify = useCallback<Notify>((notice) => setCurrent({ ...notice, key: Date.now() }), []);
  const close = useCallback(() => setCurrent(null), []);
  const runAction = useCallback(() => {
    const run = current?.action?.run;
    close();
    void run?.();
  }, [current, close]);
  // The Undo on screen is also one key press away, wherever the focus is (but in a text field,
  // where the same keys undo typing).
  // Only while such an Undo is on show: otherwise the keys belong to the screen (a plan's own
  // undo history) and must not be taken.
  const undoOnShow = current?.action?.label === 'Undo' && current.action.shortcut !== false;
  useShortcuts([{ keys: 'mod+z', inTextFields: false, run: runAction }], undoOnShow);
  const value = useMemo(() => notify, [notify]);
  const severity = current?.severity ?? 'success';
  return (
    <NotifyContext.Provider value={value}>
      {children}
      {/* Messages sit in a landmark of their own, like the rest of the page. */}
      <Box component="aside" aria-label="Messages">
        <Snackbar
          key={current?.key}
          open={current !== null}
          autoHideDuration={current?.action || severity === 'error' ? 12_000 : 5_000}
          onClose={(_event, reason) => { if (reason !== 'clickaway') close(); }}
          anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        >
          <Alert
            severity={severity}
            variant="filled"
            onClose={close}
            role={severity === 'error' ? 'alert' : 'status'}
            action={current?.action ? (
              <Button
                color="inherit"
                size="small"
                onClick={runAction}
                aria-keyshortcuts={current.action.label === 'Undo' ? ariaKeyShortcut('mod+z', isMac()) : undefined}
                title={current.action.label === 'Undo' ? `Undo (${shortcutLabel('mod+z', isMac())})` : current.action.label === 'Redo' ? `Redo (${shortcutLabel('mod+shift+z', isMac())})` : undefined}
              >
                {current.action.label}
              </Button>
            ) : undefined}
            sx={{ alignItems: 'center', '& .MuiAlert-action': { pt: 0 } }}
          >
            {current?.message}
            {current?.link && (
              <>
                {' '}
                <Link href={current.link.href} color="inherit" onClick={close} sx={{ fontWeight: 700 }}>{current.link.label}</Link>
              </>
            )}
          </Alert>
        </Snackbar>
      </Box>
    </NotifyContext.Provider>
  );
}
