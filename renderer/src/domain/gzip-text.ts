/**
 * Text to gzip bytes and back, with the platform's CompressionStream (browsers, Electron and
 * Node 18+ all have it). A plan's native file text shrinks about eight times, which is what lets
 * years of revisions sit beside the plan.
 */

export const DAMAGED_DATA_MESSAGE = 'This revision could not be read: its data is damaged.';

/** The UTF-8 bytes of `text`, gzipped. */
export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return pipeThrough(new TextEncoder().encode(text), new CompressionStream('gzip'));
}

/**
 * The text gzipped in `bytes`. Rejects with DAMAGED_DATA_MESSAGE when the bytes are not a whole
 * gzip stream (cut short, altered) or do not hold UTF-8 text, so a caller can say which revision
 * it was instead of showing a decoder's message.
 */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  try {
    // A copy: the stream takes bytes over an ArrayBuffer, and a stored array may sit on another kind.
    const plain = await pipeThrough(new Uint8Array(bytes), new DecompressionStream('gzip'));
    // fatal: bytes that are not UTF-8 are damage, not text with replacement characters.
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (error) {
    throw new Error(DAMAGED_DATA_MESSAGE, { cause: error });
  }
}

async function pipeThrough(bytes: Uint8Array<ArrayBuffer>, transform: ReadableWritablePair<Uint8Array<ArrayBuffer>, BufferSource>): Promise<Uint8Array<ArrayBuffer>> {
  // pipeThrough carries a failure of the transform to the reader, so it rejects once, here,
  // instead of also leaving a writer's rejected promise unhandled.
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.byteLength;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
