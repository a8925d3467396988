import { useEffect, useRef, useState } from 'react';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

export type AutosaveTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'> & {
  /** The saved value. */
  value: string;
  /** Why the text cannot be saved, or null. */
  validate?: (text: string) => string | null;
  /**
   * Saves the text; called after a short pause in typing and when the field loses focus.
   * Resolves false when the save failed, so leaving the field again retries it.
   */
  onCommit: (text: string) => Promise<boolean>;
  /** Milliseconds of quiet before saving while typing. */
  delay?: number;
};

/**
 * A text field that saves as the planner types: no Save button to forget. Text that breaks a
 * rule stays in the field with the rule's message and is not saved until it is fixed. Typing
 * still waiting for its pause is saved when the field loses focus, when it leaves the screen,
 * and when the page is hidden or closed.
 */
export function AutosaveTextField({ value, validate, onCommit, delay = 300, helperText, onFocus, ...props }: AutosaveTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastCommitted = useRef(value);
  const pending = useRef<string | null>(null);
  const saving = useRef(0);
  const flushRef = useRef<() => void>(() => undefined);
  // The latest props, for the timer, unmount and pagehide paths that outlive a render.
  const latest = useRef({ validate, onCommit });
  useEffect(() => {
    latest.current = { validate, onCommit };
  });

  // Follow the saved value when it changes elsewhere (undo, import, another window), unless the
  // planner is typing here or a save from here is still on its way (its value would be older).
  useEffect(() => {
    if (!focused.current && saving.current === 0 && value !== lastCommitted.current) {
      setDraft(value);
      lastCommitted.current = value;
    }
  }, [value]);

  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      const text = pending.current;
      pending.current = null;
      if (text === null || text === lastCommitted.current || latest.current.validate?.(text)) return;
      const previous = lastCommitted.current;
      lastCommitted.current = text;
      saving.current += 1;
      void latest.current.onCommit(text).then((saved) => {
        saving.current -= 1;
        if (saved || lastCommitted.current !== text) return;
        // Not saved: the text is still owed, so leaving the field, the screen or the page tries again.
        lastCommitted.current = previous;
        pending.current ??= text;
      });
    };
    flushRef.current = flush;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const problem = validate?.(draft) ?? null;

  return (
    <TextField
      {...props}
      value={draft}
      error={problem !== null}
      helperText={problem ?? helperText}
      onFocus={(event) => {
        focused.current = true;
        onFocus?.(event);
      }}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        pending.current = text;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flushRef.current(), delay);
      }}
      onBlur={() => {
        focused.current = false;
        // Leaving the field saves what it shows, which retries a save that failed.
        pending.current = draft;
        flushRef.current();
      }}
    />
  );
}
