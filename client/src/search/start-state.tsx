import { useHealth } from '../api/health.ts';
import { formatCount } from './format-count.ts';

/** What a blank search shows: what the archive holds and how to use it. */
export function StartState() {
  const health = useHealth();

  return (
    <div className="start">
      <h2 className="start-title">Find the passage, cite the source</h2>
      <p className="start-lede">
        Press releases, speeches and transcripts, searchable word for word. Results appear as you type.
      </p>
      <p className="start-stats">
        {health.data
          ? `${formatCount(health.data.documents, 'document', 'documents')} · ${formatCount(health.data.passages, 'passage', 'passages')} indexed`
          : '\u00A0'}
      </p>
      <ul className="start-tips">
        <li>Narrow the results by source, speaker, language or year.</li>
        <li>Open a result to read the passage in its document, with your words marked.</li>
        <li>
          <strong>Copy</strong> puts the passage on your clipboard with a citation: plain text, Markdown, APA, Chicago or MLA. Select words inside a passage to copy just those.
        </li>
        <li>
          <strong>Collect</strong> keeps passages in your clipboard tray across searches, to copy or download them
          all at once.
        </li>
        <li className="start-tip-keyboard">
          Press <kbd>/</kbd> to search, <kbd>j</kbd> and <kbd>k</kbd> to move between results, <kbd>c</kbd> to copy.
        </li>
      </ul>
    </div>
  );
}
