import { parse as parseYaml } from 'yaml';

export type FrontMatter = { ok: true; fields: Record<string, unknown>; body: string } | { ok: false; reason: string };

/** A YAML block between `---` lines at the very top of a Markdown file. */
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits a Markdown file into its front matter fields and its body. A file without front matter has
 * no fields; front matter that is not a YAML mapping is a problem to report, not text to index.
 */
export function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { ok: true, fields: {}, body: text };
  let fields: unknown;
  try {
    fields = parseYaml(match[1]!);
  } catch (error) {
    const firstLine = (error as Error).message.split('\n', 1)[0];
    return { ok: false, reason: `front matter is not valid YAML: ${firstLine}` };
  }
  if (fields !== null && (typeof fields !== 'object' || Array.isArray(fields))) {
    return { ok: false, reason: 'front matter is not a list of "key: value" fields' };
  }
  return { ok: true, fields: (fields ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}
