/**
 * Reading a text file's bytes as text: UTF-8 when they are UTF-8, otherwise Windows-1252 (what Excel on
 * Windows writes for "CSV (Comma delimited)"), or the encoding the planner picks. Pure TypeScript: no UI.
 */

/** What the planner picks in "Text encoding". */
export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252' | 'iso-8859-1';

/** The encoding the bytes were read as. */
export type TextEncodingName = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'utf-16le' | 'utf-16be';

export const ENCODING_CHOICES: readonly EncodingChoice[] = ['auto', 'utf-8', 'windows-1252', 'iso-8859-1'];

export const ENCODING_CHOICE_LABELS: Record<EncodingChoice, string> = {
  auto: 'Automatic',
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

export interface DecodedText {
  /** The text, without a byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** One sentence for the planner: which encoding, and why. */
  reason: string;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Windows-1252's bytes 0x80–0x9F, per the WHATWG Encoding Standard (the rest are ISO-8859-1, byte = code point).
 * Written out rather than left to `TextDecoder('windows-1252')`: Node's decoder reads that label as ISO-8859-1,
 * so curly quotes (0x93/0x94) would differ between the app and its tests.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Every byte as one character: Windows-1252, or ISO-8859-1 (byte = code point). */
function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-1'): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (encoding === 'windows-1252' && b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] ?? b : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  // ignoreBOM: keep a byte-order mark in the text so it can be seen and dropped here, the same in every runtime.
  const text = new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Decodes a file's bytes.
 * - `auto`: a UTF-16 byte-order mark means UTF-16 (Excel's "Unicode Text"); bytes that are valid UTF-8 are
 *   UTF-8 (a UTF-8 byte-order mark is dropped); anything else is read as Windows-1252.
 * - `utf-8`: UTF-8, with every byte sequence that is not UTF-8 read as the replacement character U+FFFD.
 * - `windows-1252`: every byte as Windows-1252 (0x93/0x94 are curly quotes; 0xF1 is ñ).
 * - `iso-8859-1`: every byte as the character of the same number (0x80–0x9F are control characters).
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  if (choice === 'utf-8') {
    return { text: decodeUtf8(bytes, false), encoding: 'utf-8', reason: 'Read as UTF-8, as chosen.' };
  }
  if (choice === 'windows-1252' || choice === 'iso-8859-1') {
    return { text: decodeSingleByte(bytes, choice), encoding: choice, reason: `Read as ${ENCODING_LABELS[choice]}, as chosen.` };
  }
  for (const [encoding, bom] of [['utf-16le', [0xff, 0xfe]], ['utf-16be', [0xfe, 0xff]]] as const) {
    if (startsWith(bytes, bom)) {
      return { text: new TextDecoder(encoding).decode(bytes), encoding, reason: `Read as ${ENCODING_LABELS[encoding]}, because the file starts with its byte-order mark.` };
    }
  }
  try {
    const text = decodeUtf8(bytes, true);
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    return { text, encoding: 'utf-8', reason: bom ? 'Read as UTF-8, because the file starts with a UTF-8 byte-order mark.' : 'Read as UTF-8.' };
  } catch {
    return {
      text: decodeSingleByte(bytes, 'windows-1252'),
      encoding: 'windows-1252',
      reason: `Read as ${ENCODING_LABELS['windows-1252']}, because the file is not UTF-8.`,
    };
  }
}

/**
 * Whether text holds a character that could not be read: the replacement character U+FFFD, or a C1 control
 * character (U+0080–U+009F), which is what a byte Windows-1252 leaves undefined (0x81, 0x8D…) decodes to.
 */
export function hasUnreadable(text: string): boolean {
  return /[\uFFFD\u0080-\u009F]/.test(text);
}

/** The sentence flagging a value that holds a character that could not be read. */
export function unreadableMessage(text: string): string {
  return `“${text}” has a character that could not be read: check the file’s encoding.`;
}

/** For the values kept from one row, the sentence flagging each that holds a character that could not be read. */
export function unreadableMessages(values: readonly string[]): string[] {
  return values.filter(hasUnreadable).map(unreadableMessage);
}
