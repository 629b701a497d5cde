import { titleCaseWord } from './title-case-word.ts';
import type { DocumentAuthor } from '../index/index-format.ts';

/** Words that make a folder name an organization's, not a person's ("white_house", "press_office"). */
const ORGANIZATION_WORDS = new Set(
  ('press office news department ministry ministere ministerie house government council committee commission union agency bureau ' +
    'archive archives documents library university college school party senate congress parliament center centre institute ' +
    'foundation association embassy mission service services group team board national international federal state city county ' +
    'speeches releases statements transcripts remarks briefings interviews wire times post daily journal media network radio tv ' +
    'corp inc ltd company bank fund of the and for et de la le les van der')
    .split(' ')
    .filter((word) => !['de', 'la', 'le', 'van', 'der'].includes(word)),
);
/** Lower-case words that open a family name ("Van Buren", "de Gaulle"). */
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'du', 'da', 'di', 'del', 'della', 'la', 'le', 'ten', 'ter']);
const SUFFIXES: Record<string, string> = { jr: 'Jr.', sr: 'Sr.', ii: 'II', iii: 'III', iv: 'IV' };

/**
 * Who a source folder names, for citing its documents when the catalog does not say: a folder named
 * like a person (`abraham_lincoln`, `franklin-d-roosevelt`, `Martin Van Buren`) is that person; any
 * other folder (a domain such as `state.gov`, `press`, `white_house`) is the organization it names,
 * under its display name.
 */
export function inferAuthor(sourceId: string, sourceName: string): DocumentAuthor {
  return readPersonName(sourceId) ?? { organization: sourceName };
}

/** A person's name written as a folder name, or undefined when it does not read as one. */
export function readPersonName(folder: string): DocumentAuthor | undefined {
  if (/[\d.@]/.test(folder)) return undefined;
  const words = folder.split(/[\s_-]+/).filter((word) => word !== '');
  if (words.length < 2 || words.length > 5) return undefined;
  if (!words.every((word) => /^\p{L}[\p{L}'’]*$/u.test(word))) return undefined;
  if (words.some((word) => ORGANIZATION_WORDS.has(word.toLowerCase()))) return undefined;
  const lower = words.map((word) => word.toLowerCase());
  let suffix: string | undefined;
  if (SUFFIXES[lower.at(-1)!] !== undefined && lower.length > 2) suffix = SUFFIXES[lower.pop()!];
  // "Mc Kinley" as the dataset writes it is one name, McKinley.
  for (let i = lower.length - 2; i >= 0; i -= 1) {
    if ((lower[i] === 'mc' || lower[i] === 'mac') && i === lower.length - 2) lower.splice(i, 2, `${lower[i]}${lower[i + 1]}`);
  }
  if (lower.length < 2) return undefined;
  let familyStart = lower.length - 1;
  while (familyStart > 1 && PARTICLES.has(lower[familyStart - 1]!)) familyStart -= 1;
  const family = lower.slice(familyStart).map(formatNamePart).join(' ');
  const given = lower.slice(0, familyStart).map((word) => (word.length === 1 ? `${word.toUpperCase()}.` : formatNamePart(word))).join(' ');
  if (given.replace(/\W/g, '').length === 0) return undefined;
  return { family, given, ...(suffix === undefined ? {} : { suffix }) };
}

/** `roosevelt` → `Roosevelt`, `mckinley` → `McKinley`, `macarthur` → `MacArthur`, `o'brien` → `O'Brien`. */
function formatNamePart(word: string): string {
  return titleCaseWord(word, { macPrefix: true });
}
