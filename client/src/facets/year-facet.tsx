import { useId, type MouseEvent } from 'react';
import type { FacetValue } from '../../../server/api/types.ts';
import { formatNumber, roundEstimate } from '../search/format-count.ts';
import type { YearRange } from '../url/url-state.ts';
import { binYears, describeYearCoverage, isInRange, readYears, type YearBin } from './year-bins.ts';

interface YearFacetProps {
  values: FacetValue[];
  /** Matches the counts were taken over that have no date (`SearchResponse.undated`). */
  undated?: number;
  selected: YearRange | null;
  onChange: (range: YearRange | null) => void;
  /** The counts are the server's estimates: a bar's title says "about". */
  estimated?: boolean;
}

/**
 * Years as a compact histogram (click a bar for its years, shift-click to extend the
 * range) with From/To lists that do the same from the keyboard and for screen readers.
 */
export function YearFacet({ values, undated, selected, onChange, estimated = false }: YearFacetProps) {
  const headingId = useId();
  const years = readYears(values);
  const bins = binYears(years);
  const first = years[0]?.year;
  const last = years.at(-1)?.year;
  if (first === undefined || last === undefined) return null;
  const coverage = describeYearCoverage(years, undated, estimated);
  const highest = Math.max(...bins.map((bin) => bin.count), 1);
  const from = selected?.from ?? first;
  const to = selected?.to ?? last;

  function choose(range: YearRange) {
    const ordered = range.from <= range.to ? range : { from: range.to, to: range.from };
    // The whole span is the same as no filter, and reads better as none.
    onChange(ordered.from <= first! && ordered.to >= last! ? null : ordered);
  }

  function handleBarClick(event: MouseEvent, bin: YearBin) {
    if (event.shiftKey && selected) choose({ from: Math.min(selected.from, bin.from), to: Math.max(selected.to, bin.to) });
    else if (selected && selected.from === bin.from && selected.to === bin.to) onChange(null);
    else choose({ from: bin.from, to: bin.to });
  }

  return (
    <section className="facet" aria-labelledby={headingId}>
      <div className="facet-header">
        <h3 id={headingId} className="facet-heading">
          Years
        </h3>
        {selected && (
          <button type="button" className="link-button" aria-label="Clear years" onClick={() => onChange(null)}>
            Clear
          </button>
        )}
      </div>
      {first === last ? (
        // One year has nothing to narrow to; say which it is, and how many matches have a date at all.
        <p className="facet-empty">{coverage}</p>
      ) : (
        <>
          {coverage && <p className="facet-empty">{coverage}</p>}
          <div className="histogram" aria-hidden="true">
            {/* Bars and options are keyed by position: another search's years then update them in place. */}
            {bins.map((bin, index) => (
              <div
                key={index}
                className={isInRange(bin, selected) ? 'histogram-bar histogram-bar-selected' : 'histogram-bar'}
                title={`${bin.from === bin.to ? bin.from : `${bin.from}–${bin.to}`}: ${estimated ? `about ${formatNumber(roundEstimate(bin.count))}` : formatNumber(bin.count)}`}
                onClick={(event) => handleBarClick(event, bin)}
              >
                {/* Set through the DOM style object, which the page's CSP (no inline style attributes) allows. */}
                <div className="histogram-fill" style={{ height: `${bin.count === 0 ? 0 : Math.max(8, (bin.count / highest) * 100)}%` }} />
              </div>
            ))}
          </div>
          <div className="year-range">
            <YearSelect label="From year" years={years} value={from} onChange={(year) => choose({ from: year, to })} />
            <span aria-hidden="true">–</span>
            <YearSelect label="To year" years={years} value={to} onChange={(year) => choose({ from, to: year })} />
          </div>
        </>
      )}
    </section>
  );
}

interface YearSelectProps {
  label: string;
  years: { year: number }[];
  value: number;
  onChange: (year: number) => void;
}

function YearSelect({ label, years, value, onChange }: YearSelectProps) {
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <select className="field" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {years.map(({ year }, index) => (
          <option key={index} value={year}>
            {year}
          </option>
        ))}
      </select>
    </label>
  );
}
