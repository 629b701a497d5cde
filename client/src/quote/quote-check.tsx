import type { QuoteSource } from '../../../server/api/types.ts';
import { useQuoteCheck } from '../api/quote.ts';
import type { CitablePassage } from '../citation/citable-passage.ts';
import { copyPassage } from '../citation/copy-passage.ts';
import { CopyStatusText } from '../citation/copy-status-text.tsx';
import { formatLongDate } from '../citation/format-date.ts';
import { ErrorNotice } from '../layout/error-notice.tsx';
import { InternalLink } from '../url/internal-link.tsx';
import { formatUrlSearch } from '../url/url-state.ts';
import { describeVerdict } from './describe-verdict.ts';
import { QuoteDiff } from './quote-diff.tsx';

interface QuoteCheckProps {
  /** The quote as pasted. */
  text: string;
  /** The view of the same text as a search. */
  searchView: string;
}

/** The source's own words for the quote, cited like a passage: what "copy the correct quote" copies. */
function citableQuote(source: QuoteSource): CitablePassage {
  return {
    id: source.id,
    docId: source.docId,
    text: source.quoted,
    title: source.title,
    source: source.source,
    sourceName: source.sourceName,
    ...(source.speaker === undefined ? {} : { speaker: source.speaker }),
    ...(source.date === undefined ? {} : { date: source.date }),
    ...(source.citation?.url === undefined ? {} : { url: source.citation.url }),
    ...(source.citation?.page === undefined ? {} : { page: source.citation.page }),
  };
}

/** Who said it, when, where, and was it quoted right. */
export function QuoteCheck({ text, searchView }: QuoteCheckProps) {
  const check = useQuoteCheck(text);
  return (
    <section className="quote-check" aria-labelledby="quote-check-heading">
      <div className="quote-check-head">
        <h2 id="quote-check-heading">Quote check</h2>
        <InternalLink search={searchView}>Search these words instead</InternalLink>
      </div>
      {check.isPending ? (
        <p role="status">Checking the quote…</p>
      ) : check.isError ? (
        <ErrorNotice title="The quote could not be checked." message={check.error.message} onRetry={() => void check.refetch()} isRetrying={check.isFetching} />
      ) : (
        <QuoteAnswer response={check.data} />
      )}
    </section>
  );
}

function QuoteAnswer({ response }: { response: NonNullable<ReturnType<typeof useQuoteCheck>['data']> }) {
  const { title, detail } = describeVerdict(response);
  const source = response.source;
  return (
    <>
      <div className={`quote-verdict quote-verdict-${response.verdict}`} role="status">
        <p className="quote-verdict-title">{title}</p>
        <p>{detail}</p>
      </div>
      {source && (
        <>
          <SourceLine source={source} />
          {response.diff && (
            <>
              <h3 className="quote-subhead">The quote against the source</h3>
              <QuoteDiff diff={response.diff} />
              <p className="quote-legend">
                <del>struck through</del>: the quote's words that differ · <ins>underlined</ins>: the source's words · […]: left out, as the quote marks
              </p>
            </>
          )}
          <h3 className="quote-subhead">The source's words</h3>
          <blockquote className="quote-correct">{source.quoted}</blockquote>
          <div className="quote-actions">
            <button type="button" className="button" onClick={() => void copyPassage(citableQuote(source), undefined, source.quoted, source.id)}>
              Copy the correct quote with its citation
            </button>
            <CopyStatusText target={source.id} />
          </div>
          {response.others && response.others.length > 0 && (
            <>
              <h3 className="quote-subhead">Also in</h3>
              <ul className="quote-others">
                {response.others.map((other) => (
                  <li key={other.source.id}>
                    <SourceLine source={other.source} compact />
                    <span className="quote-other-verdict">{other.verdict === 'exact' ? 'the same words' : 'nearly the same words'}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}

/** Speaker (or source), date, title, and a link to the passage in the reader. */
function SourceLine({ source, compact = false }: { source: QuoteSource; compact?: boolean }) {
  const who = source.citation?.speakerName ?? source.sourceName;
  return (
    <p className={compact ? 'quote-source quote-source-compact' : 'quote-source'}>
      <span className="quote-source-who">{who}</span>
      {source.speaker !== undefined && <span className="quote-source-where"> ({source.sourceName})</span>}
      {source.date !== undefined && <span className="quote-source-date"> · {formatLongDate(source.date)}</span>}
      {' · '}
      <InternalLink search={formatUrlSearch({ doc: source.docId, passage: source.id })}>{source.title}</InternalLink>
    </p>
  );
}
