import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, hasUnreadable, unreadableMessage, unreadableMessages } from '../../../renderer/src/domain/text-encoding';
import { parseCsv } from '../../../renderer/src/domain/roster-csv';

/** Bytes from a string of ASCII with \xNN escapes written as numbers. */
const bytes = (...parts: (string | number)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))));

describe('decodeText', () => {
  it('reads Windows-1252 bytes (as Excel on Windows saves CSV) as Windows-1252, and says why', () => {
    // "Peña", "Muñoz", "café" and “quoted” in Windows-1252: ñ is 0xF1, é is 0xE9, curly quotes 0x93/0x94.
    const file = bytes('Pe', 0xf1, 'a,Mu', 0xf1, 'oz,caf', 0xe9, ',', 0x93, 'quoted', 0x94, '\r\n');
    const decoded = decodeText(file);
    expect(decoded.text).toBe('Peña,Muñoz,café,“quoted”\r\n');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.reason).toBe('Read as Windows-1252 (Excel on Windows), because the file is not UTF-8.');
    expect(hasUnreadable(decoded.text)).toBe(false);
  });

  it('reads UTF-8 as UTF-8, with and without a byte-order mark, and drops the mark', () => {
    const utf8 = new TextEncoder().encode('School Name\nPeña Elementary\n“Café” Academy\n');
    const plain = decodeText(utf8);
    expect(plain).toEqual({ text: 'School Name\nPeña Elementary\n“Café” Academy\n', encoding: 'utf-8', reason: 'Read as UTF-8.' });
    const withBom = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
    expect(withBom.text).toBe(plain.text);
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.reason).toBe('Read as UTF-8, because the file starts with a UTF-8 byte-order mark.');
    // Chosen by hand, the mark is dropped too.
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'utf-8').text).toBe(plain.text);
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(bytes('Name,Students\nLincoln,412\n')).encoding).toBe('utf-8');
  });

  it('follows the planner’s choice, and UTF-8 chosen for Windows-1252 bytes leaves a flagged replacement character', () => {
    const file = bytes('Pe', 0xf1, 'a Elementary');
    const asUtf8 = decodeText(file, 'utf-8');
    expect(asUtf8.text).toBe('Pe\uFFFDa Elementary');
    expect(asUtf8.reason).toBe('Read as UTF-8, as chosen.');
    expect(hasUnreadable(asUtf8.text)).toBe(true);
    expect(unreadableMessage(asUtf8.text)).toBe('“Pe\uFFFDa Elementary” has a character that could not be read: check the file’s encoding.');
    // UTF-8 bytes read as Windows-1252 by choice give the familiar "PeÃ±a".
    const asWindows = decodeText(new TextEncoder().encode('Peña'), 'windows-1252');
    expect(asWindows.text).toBe('PeÃ±a');
    expect(asWindows.encoding).toBe('windows-1252');
    // ISO-8859-1 reads ñ alike, but 0x93/0x94 as control characters, which are flagged.
    const latin1 = decodeText(bytes('Pe', 0xf1, 'a ', 0x93, 'x', 0x94), 'iso-8859-1');
    expect(latin1.text).toBe('Peña \u0093x\u0094');
    expect(latin1.reason).toBe('Read as ISO-8859-1 (Latin-1), as chosen.');
    expect(hasUnreadable(latin1.text)).toBe(true);
  });

  it('reads every Windows-1252 byte from 0x80 to 0xFF as the WHATWG table says', () => {
    const all = new Uint8Array(128).map((_, i) => 0x80 + i);
    const text = decodeText(all, 'windows-1252').text;
    expect(text.length).toBe(128);
    expect(text.slice(0, 4)).toBe('€\u0081‚ƒ');
    expect(text.slice(0x11, 0x18)).toBe('‘’“”•–—');
    expect(text.slice(0x1f, 0x21)).toBe('Ÿ\u00A0');
    expect(text.slice(0x60)).toBe(Array.from({ length: 32 }, (_, i) => String.fromCharCode(0xe0 + i)).join(''));
  });

  it('flags bytes no encoding can read: invalid UTF-8 that Windows-1252 leaves undefined', () => {
    // 0x81 and 0x8D are undefined in Windows-1252; 0xC3 0x28 is invalid UTF-8.
    const file = bytes('A', 0x81, 'B', 0x8d, 'C', 0xc3, 0x28);
    const auto = decodeText(file);
    expect(auto.encoding).toBe('windows-1252');
    expect(hasUnreadable(auto.text)).toBe(true);
    expect(hasUnreadable(decodeText(file, 'utf-8').text)).toBe(true);
    expect(hasUnreadable('Peña Elementary “North”')).toBe(false);
  });

  it('reads UTF-16 with its byte-order mark (Excel’s "Unicode Text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...[...'Peña'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeText(le)).toMatchObject({ text: 'Peña', encoding: 'utf-16le' });
    const be = new Uint8Array([0xfe, 0xff, ...[...'Peña'].flatMap((c) => [0, c.charCodeAt(0)])]);
    expect(decodeText(be)).toMatchObject({ text: 'Peña', encoding: 'utf-16be' });
  });

  it('reads a long Windows-1252 file whole, across its internal chunks', () => {
    const line = bytes('Pe', 0xf1, 'a Elementary,', 0x93, 'K-5', 0x94, '\r\n');
    const file = new Uint8Array(Array.from({ length: 2000 }, () => [...line]).flat());
    const text = decodeText(file).text;
    expect(text).toBe('Peña Elementary,“K-5”\r\n'.repeat(2000));
  });

  it('lists a flag for each kept value that holds an unreadable character, and none for clean ones', () => {
    expect(unreadableMessages(['Pe\uFFFDa Elementary', 'MVU-101', 'K-5'])).toEqual(['“Pe\uFFFDa Elementary” has a character that could not be read: check the file’s encoding.']);
    expect(unreadableMessages(['Peña Elementary', '', 'K-5'])).toEqual([]);
  });

  it('reads the Windows-1252 roster fixture into a roster with Peña Elementary', () => {
    const file = new Uint8Array(readFileSync(new URL('../../fixtures/roster-windows-1252.csv', import.meta.url)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(file)).toThrow();
    const decoded = decodeText(file);
    expect(decoded.encoding).toBe('windows-1252');
    const parsed = parseCsv(decoded.text);
    expect(parsed.rows.map((r) => r.cells[0])).toContain('Peña Elementary');
    expect(hasUnreadable(decoded.text)).toBe(false);
  });
});
