import { describe, expect, it } from 'vitest';
import { DAMAGED_DATA_MESSAGE, gunzipText, gzipText } from '../../../renderer/src/domain/gzip-text';

describe('gzip text', () => {
  it('gives back the same text, any characters included, and makes repetitive text much smaller', async () => {
    const text = `${'Peña Elementary joins in Wave 2 — “slow and steady”. 🚌\n'.repeat(2_000)}end`;
    const bytes = await gzipText(text);
    // gzip's magic number: other tools (and a later version of the app) can read these bytes.
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    expect(bytes.byteLength).toBeLessThan(new TextEncoder().encode(text).byteLength / 20);
    expect(await gunzipText(bytes)).toBe(text);
    expect(await gunzipText(await gzipText(''))).toBe('');
  });

  it('rejects damaged bytes with a sentence: altered, cut short, not gzip at all, not UTF-8 inside', async () => {
    const bytes = await gzipText('{"format":"roadmap-planner.plan"}'.repeat(50));
    const altered = bytes.slice();
    const middle = Math.floor(altered.length / 2);
    altered[middle] = (altered[middle] ?? 0) ^ 0xff;
    const notUtf8 = await gzipBytes(new Uint8Array([0x50, 0x65, 0xf1, 0x61])); // "Peña" in Windows-1252
    for (const damaged of [altered, bytes.slice(0, bytes.length - 9), new TextEncoder().encode('plain text'), new Uint8Array(), notUtf8]) {
      await expect(gunzipText(damaged)).rejects.toThrow(DAMAGED_DATA_MESSAGE);
    }
    expect(DAMAGED_DATA_MESSAGE).toBe('This revision could not be read: its data is damaged.');
  });
});

async function gzipBytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
