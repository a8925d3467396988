export function findChromium(): string | null;
export function ensureChromium(options?: { log?: (message: string) => void }): string;
export function chromiumArgs(): string[];
export const FILE_READERS: { command: string; package: string }[];
export function ensureFileReaders(options?: { log?: (message: string) => void }): string[];
