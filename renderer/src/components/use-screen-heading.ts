import { useCallback, useEffect, useRef } from 'react';

/**
 * For a screen's main heading: names the window after the screen and moves the focus to the
 * heading when the screen opens, so a screen-reader user hears where they are and the next Tab
 * starts from the top of the new screen. Give the heading tabIndex={-1}.
 */
export function useScreenHeading(title: string | null): (element: HTMLElement | null) => void {
  useEffect(() => {
    if (title !== null) document.title = `${title} — Roadmap Planner`;
  }, [title]);
  const focused = useRef(false);
  return useCallback((element: HTMLElement | null) => {
    if (element && !focused.current) {
      focused.current = true;
      element.focus({ preventScroll: true });
    }
  }, []);
}
