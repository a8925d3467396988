export function findChromium(): string | null;
export function ensureChromium(options?: { log?: (message: string) => void }): string;
export function chromiumArgs(): string[];
