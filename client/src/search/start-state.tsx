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
      {health.data && (
        <p className="start-stats">
          {formatCount(health.data.documents, 'document', 'documents')} ·{' '}
          {formatCount(health.data.passages, 'passage', 'passages')} indexed
        </p>
      )}
      <ul className="start-tips">
        <li>Narrow the results to one or more sources.</li>
        <li>Open a result to read the passage in its document.</li>
        <li>
          <strong>Copy</strong> puts the passage on your clipboard with a citation that links back to it.
        </li>
        <li className="start-tip-keyboard">
          Press <kbd>/</kbd> to jump to the search box.
        </li>
      </ul>
    </div>
  );
}
