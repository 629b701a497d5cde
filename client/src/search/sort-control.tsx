import { useId } from 'react';
import type { SearchSort } from '../../../server/api/types.ts';

const ORDERS: readonly { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];

interface SortControlProps {
  value: SearchSort;
  onChange: (sort: SearchSort) => void;
}

/** The order of the results: best first, or by date to read how a topic evolved (undated documents last). */
export function SortControl({ value, onChange }: SortControlProps) {
  const id = useId();
  return (
    <div className="sort-control">
      <label htmlFor={id}>Sort</label>
      <select id={id} className="field field-small" value={value} onChange={(event) => onChange(event.target.value as SearchSort)}>
        {ORDERS.map((order) => (
          <option key={order.value} value={order.value}>
            {order.label}
          </option>
        ))}
      </select>
    </div>
  );
}
