import { Marked } from 'marked';
import { parse } from 'node-html-parser';
import { decodeTextFile } from '../corpus/decode-text-file.ts';
import { normalizeDate } from '../metadata/find-date.ts';
import { normalizeLanguage } from '../metadata/detect-language.ts';
import { compactMetadata, extractedOne, type ExtractResult } from './extracted-text.ts';
import { htmlToText } from './html-to-text.ts';
import { readFrontMatter } from './read-front-matter.ts';

/**
 * Markdown is rendered and its visible text kept, so a reader sees "Remarks" rather than "## Remarks"
 * and a link's words rather than its address. `breaks` keeps every source line a line: transcripts
 * written without blank lines still start each speaker's turn on a line of its own.
 */
const markdown = new Marked({ gfm: true, breaks: true });

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

/** A `.md` file: YAML front matter (`title`, `date`, `source`, `url`, `lang`) and the rendered text. */
export function extractMarkdown(bytes: Uint8Array, path: string): ExtractResult {
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) return decoded;
  const frontMatter = readFrontMatter(decoded.text);
  if (!frontMatter.ok) return frontMatter;
  const { fields, body } = frontMatter;
  const html = markdown.parse(body, { async: false });
  const metadata = compactMetadata({
    title: asString(fields.title),
    date: normalizeDate(fields.date),
    source: asString(fields.source),
    url: asString(fields.url),
    lang: normalizeLanguage(asString(fields.lang ?? fields.language)),
  });
  return extractedOne({ path, pages: [htmlToText(parse(html, { comment: false, blockTextElements: { pre: true } }))], paged: false, metadata });
}
