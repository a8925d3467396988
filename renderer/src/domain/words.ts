/**
 * Counts in the planner's words, written once so every screen counts the same way (thousands
 * separated, "1 school" but "0 schools").
 */

/** "1 school", "12 schools", "1,200 students"; `many` for words that do not just take an s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
