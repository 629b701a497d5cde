import { decodeTextFile, type DecodeResult } from '../corpus/decode-text-file.ts';

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the first bytes. */
const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;
const CHARSET_SNIFF_BYTES = 2048;

/**
 * Decodes an HTML file. UTF-8 unless the page declares another charset that Node can decode
 * (old web captures are often windows-1252): the page's own declaration is explicit, not a guess.
 */
export function decodeHtml(bytes: Uint8Array): DecodeResult {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_SNIFF_BYTES));
  const charset = DECLARED_CHARSET.exec(head)?.[1]?.toLowerCase();
  if (!charset || charset === 'utf-8' || charset === 'utf8') return decodeTextFile(bytes);
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    return { ok: false, reason: `declares the unknown charset "${charset}" (re-save it as UTF-8)` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid ${charset} text, as its <meta charset> declares (re-save it as UTF-8)` };
  }
}
