import { parse } from 'node-html-parser';
import { normalizeDate } from '../metadata/find-date.ts';
import { compactMetadata, extractedOne, type ExtractResult } from './extracted-text.ts';
import { htmlToText } from './html-to-text.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: what Word writes for an encrypted .docx, and for an old binary .doc. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * A `.docx` file, through mammoth: Word's paragraphs become paragraphs, its headings stay lines of
 * their own (so the first one can be the title). Mammoth goes through HTML, and the HTML goes
 * through the same text layout as web pages. Images are dropped without being decoded.
 */
export async function extractDocx(bytes: Uint8Array, path: string): Promise<ExtractResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (startsWith(bytes, OLE_MAGIC)) {
    return { ok: false, reason: 'password-protected .docx (or an old .doc renamed): save an unprotected copy as .docx' };
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return { ok: false, reason: 'not a .docx file (a .docx is a zip archive; this is not one)' };
  // Loaded on first use: a corpus without Word files should not pay for mammoth.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    return { ok: false, reason: `damaged or truncated .docx (${firstLine(error)})` };
  }
  return extractedOne({ path, pages: [htmlToText(parse(html), { collapseSpaces: false })], paged: false, metadata: await readCoreProperties(bytes) });
}

/**
 * Word's document properties (`docProps/core.xml`): the title and the date the document was created,
 * as Word declares them. A file without them, or with a part that cannot be read, declares nothing.
 */
async function readCoreProperties(bytes: Uint8Array) {
  const { default: JSZip } = await import('jszip');
  try {
    const xml = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')?.async('string');
    if (xml === undefined) return {};
    const field = (name: string) => new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1];
    const title = decodeXmlText(field('dc:title'));
    return compactMetadata({ ...(title === undefined ? {} : { title }), date: normalizeDate(field('dcterms:created')) });
  } catch {
    return {};
  }
}

function decodeXmlText(text: string | undefined): string | undefined {
  return text?.replace(/&(lt|gt|quot|apos|amp);/g, (_entity, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? 'unknown error';
}
