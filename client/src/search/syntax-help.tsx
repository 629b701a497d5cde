import { useId, useRef, useState } from 'react';
import type { ArchiveSummary } from '../../../server/api/types.ts';
import { useHealth } from '../api/health.ts';
import { useDismiss } from '../layout/use-dismiss.ts';

interface SyntaxExample {
  example: string;
  meaning: string;
}

/** A filter value as the query language takes it: one word as is, several in quotes. */
const filterValue = (value: string) => (/\s/.test(value) ? `"${value}"` : value);
const lastWord = (text: string) => text.trim().split(/\s+/).pop() ?? text;

/** The examples, with the archive's own sources, speakers and years where it has them. */
export function listSyntaxExamples(archive: ArchiveSummary | undefined): SyntaxExample[] {
  const source = archive?.sources[0];
  const speaker = archive?.speakers[0];
  const firstYear = archive?.firstDate?.slice(0, 4);
  const lastYear = archive?.lastDate?.slice(0, 4);
  const examples: SyntaxExample[] = [
    { example: '"joint statement"', meaning: 'the exact phrase' },
    { example: 'sanctions -oil', meaning: 'without passages that say “oil”' },
    { example: 'syria OR iraq', meaning: 'either word' },
    { example: 'intern*', meaning: 'words that start with “intern”' },
  ];
  if (source) examples.push({ example: `source:${filterValue(source.value)}`, meaning: `from ${source.label} only` });
  if (speaker) examples.push({ example: `speaker:${filterValue(lastWord(speaker.label).toLowerCase())}`, meaning: `said by ${speaker.label}` });
  if (firstYear && lastYear) {
    examples.push({ example: `year:${firstYear}`, meaning: `dated ${firstYear}; a range: year:${firstYear}..${lastYear}` });
    examples.push({ example: `date:>=${lastYear}-01`, meaning: `dated January ${lastYear} or later` });
  } else {
    examples.push({ example: 'year:2021', meaning: 'dated 2021; a range: year:2019..2021' });
    examples.push({ example: 'date:>=2021-03', meaning: 'dated March 2021 or later' });
  }
  return examples;
}

/** A short reminder of the query syntax and of how the engine matches, behind a "?" next to the search box. */
export function SyntaxHelp() {
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const health = useHealth();
  const examples = listSyntaxExamples(health.data?.archive);

  useDismiss(open, rootRef, (returnFocus) => {
    setOpen(false);
    if (returnFocus) toggleRef.current?.focus();
  });

  return (
    <div className="syntax-help" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="header-icon-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label="Search syntax"
        onClick={() => setOpen(!open)}
      >
        ?
      </button>
      <div id={panelId} className="popover syntax-panel" hidden={!open}>
        <p className="syntax-title">Search syntax</p>
        <dl className="syntax-list">
          {examples.map(({ example, meaning }) => (
            <div key={example}>
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p className="syntax-foot">
          Every word must match, in any of its forms (<i>negotiate</i> finds <i>negotiations</i>). With three words or
          more, passages missing one of them come after those that have them all, and their card says which word is
          missing. While you type, the last word also matches as the start of a word; after a space or Enter it is a
          whole word. A word the archive does not hold tolerates a typo.
        </p>
        <p className="syntax-foot">
          Paste a quote (in quotation marks, or more than a dozen words) to check who said it and whether it was
          quoted right.
        </p>
        <p className="syntax-foot">
          Keys: <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>c</kbd> copy ·{' '}
          <kbd>Esc</kbd> close
        </p>
      </div>
    </div>
  );
}
