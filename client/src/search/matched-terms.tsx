import { useContext } from 'react';
import type { MatchedTerm } from '../../../server/api/types.ts';
import { QueryTermsContext } from './query-terms-context.ts';

const HOW: Record<MatchedTerm['match'], { label: string; explain: string }> = {
  exact: { label: 'exact', explain: 'found as written' },
  prefix: { label: 'prefix', explain: 'found as the start of a longer word' },
  fuzzy: { label: 'typo', explain: 'found with a different spelling' },
};

/** Which query words a hit matched and how, so a typo or a completed prefix is never a surprise. */
export function MatchedTerms({ terms }: { terms: MatchedTerm[] | undefined }) {
  const queryTerms = useContext(QueryTermsContext);
  if (!terms || terms.length === 0) return null;
  const found = new Set(terms.map((term) => term.term));
  // A label the query does not list (a synonym matched for a term) says nothing sure about which term is missing.
  const sure = terms.every((term) => queryTerms.includes(term.term));
  const missing = sure ? queryTerms.filter((term) => !found.has(term)) : [];
  return (
    <div className="hit-terms">
      {missing.length > 0 && (
        <p className="hit-missing">
          Missing: {missing.map((term, index) => (
            <span key={term}>
              {index > 0 && ', '}
              <s>{term}</s>
            </span>
          ))}
        </p>
      )}
      <span className="hit-terms-label">Matched</span>
      <ul className="hit-terms-list">
        {terms.map((term) => {
          const how = HOW[term.match];
          // Forms other than the term itself are what the user did not type.
          const other = term.forms.filter((form) => form.toLocaleLowerCase() !== term.term.toLocaleLowerCase());
          return (
            <li key={term.term} className={`term term-${term.match}`} title={`${term.term}: ${how.explain}`}>
              <span className="term-word">{term.term}</span>
              <span className="term-how">{how.label}</span>
              {other.length > 0 && (
                <span className="term-forms">
                  <span aria-hidden="true">→ </span>
                  <span className="visually-hidden">as </span>
                  {other.slice(0, 3).join(', ')}
                  {other.length > 3 && '…'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
