/** A paragraph of a document, as offsets into its text, with the speaker whose turn it is in. */
export interface ParagraphSpan {
  start: number;
  end: number;
  speaker?: string;
}

/**
 * A transcript turn opens with an upper-case label and a colon: "SECRETARY BLINKEN:  Thank you".
 * Two to eight words keep ordinary shouting ("NOTE: ...") from being read as speakers... mostly.
 */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu}\p{M}.'’-]*(?:[ \u00A0]+[\p{Lu}\p{M}.'’-]+){1,7}):[ \u00A0]/u;
/** One-word labels are speakers only when they name a role that transcripts use ("QUESTION:  Minister, ..."). */
const ONE_WORD_LABEL = /^(QUESTION|MODERATOR|OPERATOR|INTERPRETER|PARTICIPANT|AUDIENCE|PRESIDENT|CHAIRMAN|CHAIRWOMAN|CHAIR|Q|A):[ \u00A0]/u;

/**
 * An address that opens a speech in capitals ("GENTLEMEN OF THE CONGRESS:", "TO THE SENATE AND
 * HOUSE OF REPRESENTATIVES:") names who is spoken to, not who speaks.
 */
const SALUTATION = /^TO\b|\b(?:GENTLEMEN|LADIES|MEMBERS|FELLOW|CITIZENS|CONGRESS|SENATE|REPRESENTATIVES)\b/u;

export function findSpeakerLabel(line: string): string | undefined {
  const label = (SPEAKER_LABEL.exec(line) ?? ONE_WORD_LABEL.exec(line))?.[1];
  return label === undefined || SALUTATION.test(label) ? undefined : label;
}

/**
 * Splits a text into paragraphs: blocks of lines separated by blank lines. A line that opens with a
 * speaker label starts a new paragraph even without a blank line before it. The speaker carries
 * over to the following paragraphs until the next label.
 */
export function findParagraphs(text: string): ParagraphSpan[] {
  const paragraphs: ParagraphSpan[] = [];
  let speaker: string | undefined;
  let current: ParagraphSpan | undefined;
  let lineStart = 0;

  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const contentStart = lineStart + (line.length - line.trimStart().length);
    const contentEnd = lineStart + line.trimEnd().length;

    if (contentEnd <= contentStart) {
      current = undefined;
    } else {
      const label = findSpeakerLabel(text.slice(contentStart, contentEnd));
      if (label !== undefined) {
        speaker = label;
        current = undefined;
      }
      if (current) {
        current.end = contentEnd;
      } else {
        current = speaker === undefined ? { start: contentStart, end: contentEnd } : { start: contentStart, end: contentEnd, speaker };
        paragraphs.push(current);
      }
    }
    lineStart = lineEnd + 1;
  }
  return paragraphs;
}
