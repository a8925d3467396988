import { useEffect, useState } from 'react';

/**
 * `value`, once it has stayed the same for `delayMs`. For a panel that follows the focus or an
 * edit: moving or typing quickly does not render it for every step on the way.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
