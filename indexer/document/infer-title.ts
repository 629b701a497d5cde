import { findSpeakerLabel } from '../chunk/find-paragraphs.ts';
import { labelKind } from './kind-labels.ts';

const HEADING_MAX_WORDS = 20;

/**
 * Openings that address an audience: a speech's or a letter's salutation ("Mr. President, Mr.
 * Speaker, Members of the Congress:", "To the Senate and House of Representatives:", "Fellow-Citizens
 * …:", "Ladies and gentlemen,"). Such a line is not a title.
 */
const SALUTATION = /^(?:(?:mr|mrs|ms|madam|madame|monsieur)\.?\s+(?:president|speaker|vice\s+president|chairman|chair|secretary)|to\s+the\s+(?:senate|congress|house|people|members)|fellow[-\s]+citizens|my\s+fellow|gentlemen|ladies\s+and\s+gentlemen|members\s+of|dear\s|excellenc|your\s+(?:excellenc|majest|highness)|mesdames|messieurs|chers|chères|dames\s+en\s+heren|beste\s)/iu;
/** A salutation to a legislature makes the text an address to it. */
const TO_CONGRESS = /\b(?:congress|senate|house\s+of\s+representatives)\b/iu;

/** Words a described title shows in lower case when a container name ends with them ("State of the Union address"). */
const GENERIC_ENDINGS = /\b(Address|Speech|Remarks|Statement|Briefing|Release|Message|Interview|Transcript)$/u;

/**
 * The document's first line when it reads like a heading (short, not a sentence, not a speaker's turn,
 * not a salutation). Otherwise undefined: the opening words of a text are not its title.
 */
export function findHeadingTitle(text: string): string | undefined {
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine === '' || findSpeakerLabel(firstLine) !== undefined || SALUTATION.test(firstLine)) return undefined;
  const isHeading = firstLine.split(/\s+/).length <= HEADING_MAX_WORDS && !/[.;,:]$/.test(firstLine);
  return isHeading ? firstLine : undefined;
}

/** What an untitled document's opening says of its kind: `speech` for one that opens by addressing an audience. */
export function findOpeningKind(text: string): { kind: 'speech'; label: string } | undefined {
  const opening = text.trimStart().slice(0, 300);
  if (!SALUTATION.test(opening)) return undefined;
  const salutation = opening.split(/[:;]/, 1)[0] ?? '';
  return { kind: 'speech', label: TO_CONGRESS.test(salutation) ? 'Address to Congress' : 'Speech' };
}

export interface TitleDescription {
  /** What the document belongs to ("State of the Union Address"). */
  container?: string;
  kind?: string;
  /** A label for the kind when the text shows more than the kind ("Address to Congress"). */
  kindLabel?: string;
  date?: string;
  /** The file's name without its extension, for an undated document. */
  fileName: string;
}

/**
 * A title for a document that gives none, saying what it is rather than quoting it: "State of the
 * Union address, 1941", "Press availability, 2021-03-24", "Speech (lincoln-cooper-union)".
 */
export function describeTitle({ container, kind, kindLabel, date, fileName }: TitleDescription): string {
  const label = container?.replace(GENERIC_ENDINGS, (word) => word.toLowerCase()) ?? kindLabel ?? (kind === undefined ? undefined : labelKind(kind)) ?? 'Document';
  return date === undefined ? `${label} (${fileName})` : `${label}, ${date}`;
}
