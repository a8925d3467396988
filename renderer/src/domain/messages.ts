/** How rule failures and errors read to a planner, written once for every field and message. */
import type { z } from 'zod';

/** "Plan name cannot be empty." for a value the schema refuses, or null when it passes. */
export function fieldProblem(schema: z.ZodType, value: unknown, label: string): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : `${label} ${result.error.issues[0]?.message ?? 'is not valid'}.`;
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
