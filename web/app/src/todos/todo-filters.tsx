import type { TodoFilter } from './todo-api.ts';

export interface TodoFiltersProps {
  readonly filter: TodoFilter;
  readonly onChange: (filter: TodoFilter) => void;
}

/** Status and due-date range; kept in the URL's query so a filtered list can be bookmarked. */
export function TodoFilters({ filter, onChange }: TodoFiltersProps) {
  const set = (patch: Partial<Record<keyof TodoFilter, string>>) => {
    const next: Record<string, string> = { ...filter, ...patch };
    onChange(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')) as TodoFilter);
  };
  return (
    <fieldset className="filters">
      <legend>Filter</legend>
      <label>
        Status
        <select value={filter.status ?? ''} onChange={(event) => set({ status: event.target.value })}>
          <option value="">All</option>
          <option value="OPEN">Open</option>
          <option value="DONE">Done</option>
        </select>
      </label>
      <label>
        Due from
        <input
          type="date"
          value={filter.dueFrom ?? ''}
          onChange={(event) => set({ dueFrom: event.target.value })}
        />
      </label>
      <label>
        Due to
        <input
          type="date"
          value={filter.dueTo ?? ''}
          onChange={(event) => set({ dueTo: event.target.value })}
        />
      </label>
    </fieldset>
  );
}

/** Reads the filter from the URL's query, ignoring values the API would refuse. */
export function filterFromSearch(search: URLSearchParams): TodoFilter {
  const status = search.get('status');
  const isDay = (value: string | null): value is string =>
    value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dueFrom = search.get('dueFrom');
  const dueTo = search.get('dueTo');
  return {
    ...(status === 'OPEN' || status === 'DONE' ? { status } : {}),
    ...(isDay(dueFrom) ? { dueFrom } : {}),
    ...(isDay(dueTo) ? { dueTo } : {}),
  };
}
