/** Record ids are random UUIDs: stable across export and import, unique across machines. */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowTimestamp(now: Date = new Date()): string {
  return now.toISOString();
}
