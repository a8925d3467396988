/**
 * File names made from what planners type (a plan's name), safe on every file system:
 * Windows, macOS and Linux, local disks and shared drives.
 */

/** Windows refuses these as names, whatever the extension: CON, CON.txt, com1 … */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Characters no file system or shell handles well in a name. */
const FORBIDDEN = /[\\/:*?"<>|]+/g;
/** Bidirectional controls, which can make a name read differently from what it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g;
/** At most this many characters of the plan's name, so the whole name stays well under 255 bytes. */
const STEM_MAX_CHARS = 100;
const STEM_MAX_BYTES = 150;

const encoder = new TextEncoder();

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 32 || (code >= 0x7f && code <= 0x9f);
}

/**
 * The plan's name as the start of a file name: control and forbidden characters become
 * spaces, runs of spaces one space, no leading or trailing dots or spaces, at most
 * 100 characters and 150 UTF-8 bytes (never cutting a character in two), and never a
 * name Windows reserves. `fallback` when nothing is left.
 */
export function safeFileStem(name: string, fallback = 'plan'): string {
  const printable = [...name.normalize('NFC')].map((ch) => (isControl(ch) ? ' ' : ch)).join('');
  const cleaned = printable.replace(BIDI_CONTROLS, '').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ');
  let stem = '';
  let bytes = 0;
  for (const ch of [...cleaned.trim()].slice(0, STEM_MAX_CHARS)) {
    bytes += encoder.encode(ch).length;
    if (bytes > STEM_MAX_BYTES) break;
    stem += ch;
  }
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!stem) return fallback;
  // "nul.backup" is as reserved as "nul": Windows looks at the part before the first dot.
  const dot = stem.indexOf('.');
  const head = dot < 0 ? stem : stem.slice(0, dot);
  return WINDOWS_RESERVED.test(head.trim()) ? `${head.trimEnd()}_${dot < 0 ? '' : stem.slice(dot)}` : stem;
}

/** "Riverside roadmap – Calendar.ics": a file shared from a plan, named for the plan and what it holds. */
export function shareFileName(planName: string, what: string, extension: string): string {
  return `${safeFileStem(planName)} – ${what}.${extension}`;
}
