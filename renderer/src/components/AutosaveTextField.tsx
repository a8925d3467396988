import { useEffect, useRef, useState } from 'react';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

export type AutosaveTextFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'onBlur' | 'error'> & {
  /** The saved value. */
  value: string;
  /** Why the text cannot be saved, or null. */
  validate?: (text: string) => string | null;
  /** Saves the text; called after a short pause in typing and when the field loses focus. */
  onCommit: (text: string) => Promise<unknown>;
  /** Milliseconds of quiet before saving while typing. */
  delay?: number;
};

/**
 * A text field that saves as the planner types: no Save button to forget. Text that breaks a
 * rule stays in the field with the rule's message and is not saved until it is fixed.
 */
export function AutosaveTextField({ value, validate, onCommit, delay = 300, helperText, ...props }: AutosaveTextFieldProps) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastCommitted = useRef(value);

  // Follow the saved value when it changes elsewhere (undo, import, another window) unless the planner is typing here.
  useEffect(() => {
    if (!focused.current && value !== lastCommitted.current) {
      setDraft(value);
      lastCommitted.current = value;
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const problem = validate?.(draft) ?? null;

  const commit = (text: string) => {
    clearTimeout(timer.current);
    if (text === lastCommitted.current || validate?.(text)) return;
    lastCommitted.current = text;
    void onCommit(text);
  };

  return (
    <TextField
      {...props}
      value={draft}
      error={problem !== null}
      helperText={problem ?? helperText}
      onFocus={() => { focused.current = true; }}
      onChange={(event) => {
        const text = event.target.value;
        setDraft(text);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(text), delay);
      }}
      onBlur={() => {
        focused.current = false;
        commit(draft);
      }}
    />
  );
}
