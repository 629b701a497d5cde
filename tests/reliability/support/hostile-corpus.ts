import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A corpus of what a crawler brings home: markup and script in plain text, in Markdown and in HTML,
 * `javascript:` links, entities, right-to-left overrides, zero-width characters, and a megabyte on one
 * line (of words, and of sentences). Each document carries a marker word to find it by. A script that
 * runs sets `window.__pwned`.
 */
export const MARKERS = { text: 'xylophone', markdown: 'zeppelin', html: 'quokka', longLine: 'quasar', longProse: 'nebula' } as const;

export const RLO = '\u202E';
export const PDF = '\u202C';
export const ZWSP = '\u200B';
export const ZWJ = '\u200D';

/** The literal lines of the plain-text document that must come back exactly as written. */
export const HOSTILE_LINES = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">click here</a>',
  '<svg onload="window.__pwned = \'svg\'"><iframe src="javascript:window.__pwned = \'frame\'"></iframe></svg>',
  '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#x3C;script&#x3E; &#60;i&#62;',
  '{{constructor.constructor("window.__pwned = \'template\'")()}} ${window.__pwned = "literal"}',
  `Right-to-left: ${RLO}gnp.exe${PDF} and zero${ZWSP}width and join${ZWJ}er.`,
];

export const HOSTILE_TEXT = [
  `<b onmouseover="window.__pwned = 'title'">${MARKERS.text} dossier</b> <script>window.__pwned = "title"</script>`,
  '',
  `The ${MARKERS.text} memo quotes a web page verbatim, markup and all, and a reader must see it as text.`,
  '',
  ...HOSTILE_LINES.flatMap((line) => [line, '']),
].join('\n');

const HOSTILE_MARKDOWN = `---
title: "<img src=x onerror=\\"window.__pwned = 'md-title'\\"> ${MARKERS.markdown} notes"
url: "javascript:window.__pwned = 'md-url'"
---
The ${MARKERS.markdown} notes hold raw HTML inside Markdown.

<script>window.__pwned = "md-script"</script>

A [link](javascript:window.__pwned='md-link') and ![an image](x" onerror="window.__pwned='md-img') and <img src=x onerror="window.__pwned='md-raw'">.
`;

const HOSTILE_HTML = `<!doctype html>
<html lang="en"><head><title>${MARKERS.html} page &lt;script&gt;</title>
<link rel="canonical" href="https://example.org/quokka)[x](javascript:window.__pwned='html-url')">
<script>window.__pwned = "html-script"</script></head>
<body><main><h1>The ${MARKERS.html} page</h1>
<p onclick="window.__pwned = 'html-attr'">It says &lt;script&gt;alert(1)&lt;/script&gt; as text, &amp; more.</p>
<p><a href="javascript:window.__pwned = 'html-link'">a javascript link</a> <img src=x onerror="window.__pwned = 'html-img'"></p>
</main></body></html>
`;

/** One megabyte of words on a single line, with no sentence end, the marker near the end. */
export function makeLongLine(bytes = 1024 * 1024): string {
  const words = ['campaign', 'treaty', 'harvest', 'tariff', 'railway', 'senate', '<b>bold</b>', 'veto'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes - 100; i += 1) {
    const word = words[i % words.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  parts.splice(parts.length - 5, 0, MARKERS.longLine);
  return parts.join(' ');
}

/** One megabyte of short sentences on a single line, as a text dump without line breaks comes. */
export function makeLongProse(bytes = 1024 * 1024): string {
  const sentence = 'The senate passed the bill today. Mr. Smith objected. ';
  return `${sentence.repeat(Math.floor(bytes / sentence.length))}The ${MARKERS.longProse} vote came last.`;
}

/** Writes the hostile corpus (one source folder, `hostile`) into `corpusDir`; without the megabyte lines on request. */
export async function writeHostileCorpus(corpusDir: string, { megabyteLines = true } = {}): Promise<void> {
  const folder = join(corpusDir, 'hostile');
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'markup.txt'), HOSTILE_TEXT);
  await writeFile(join(folder, 'markup.md'), HOSTILE_MARKDOWN);
  await writeFile(join(folder, 'markup.html'), HOSTILE_HTML);
  if (!megabyteLines) return;
  await writeFile(join(folder, 'long-line.txt'), makeLongLine());
  await writeFile(join(folder, 'long-prose.txt'), makeLongProse());
}
