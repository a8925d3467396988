import type { SaveFileRequest } from '../../../renderer/src/host/host';

/** The text of a saved file; a test that saves text reads it back as text. */
export function savedText(request: Pick<SaveFileRequest, 'content'> | undefined): string {
  const content = request?.content ?? '';
  if (typeof content !== 'string') throw new Error('Expected a text file, got bytes.');
  return content;
}
