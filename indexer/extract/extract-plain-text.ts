import { decodeTextFile } from '../corpus/decode-text-file.ts';
import { extractedOne, type ExtractResult } from './extracted-text.ts';

/** A `.txt` file: the text is the document; all its labels come from the catalog or inference. */
export function extractPlainText(bytes: Uint8Array, path: string): ExtractResult {
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) return decoded;
  return extractedOne({ path, pages: [decoded.text], paged: false, metadata: {} });
}
