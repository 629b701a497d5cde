import { InternalLink } from '../url/internal-link.tsx';

/** Offered above the results when the search text reads as a quote. */
export function QuoteOffer({ checkView }: { checkView: string }) {
  return (
    <div className="quote-offer">
      <span>This reads like a quote.</span>
      <InternalLink search={checkView} className="button button-small">
        Check this quote
      </InternalLink>
      <span className="quote-offer-hint">Who said it, when, and whether it was quoted right.</span>
    </div>
  );
}
