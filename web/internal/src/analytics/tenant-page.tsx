import {
  describeError,
  ErrorMessage,
  Link,
  Loading,
  PageHeading,
  useAsync,
  useServices,
} from '@stratum/web-shared';
import { useMemo, useState } from 'react';
import { COUNTER_LABELS, COUNTER_NAMES, type CounterName, StaffApi } from '../staff-api.ts';
import { DailyBarChart } from './daily-bar-chart.tsx';
import { lastDays } from './date-range.ts';

const RANGES = [7, 30, 90] as const;

/** One tenant: its total counters and a chart of one counter per day over the chosen range. */
export function TenantPage({ tenantId }: { tenantId: string }) {
  const { api } = useServices();
  const staff = useMemo(() => new StaffApi(api), [api]);
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const [counter, setCounter] = useState<CounterName>('todosCreated');
  const { from, to } = lastDays(range);
  const [state, reload] = useAsync(
    () => staff.tenantWithAnalytics(tenantId, from, to),
    `${tenantId}/${from}/${to}`,
  );
  const data = state.status === 'error' ? undefined : state.data;
  const name = data?.tenant?.name ?? 'Tenant';

  return (
    <main>
      <PageHeading title={`${name} · Stratum staff`}>{name}</PageHeading>
      <p>
        <Link to="/">All tenants</Link>
      </p>
      {state.status === 'loading' && !data ? <Loading>Loading analytics…</Loading> : null}
      {state.status === 'error' ? (
        <ErrorMessage onRetry={reload}>{describeError(state.error)}</ErrorMessage>
      ) : null}
      {data && data.tenant === null ? <ErrorMessage>No tenant has the id {tenantId}.</ErrorMessage> : null}
      {data?.tenant ? (
        <>
          <p className="hint">
            Tenant id <code>{data.tenant.id}</code>, created {data.tenant.createdAt.slice(0, 10)}
          </p>
          <section aria-labelledby="totals-heading">
            <h2 id="totals-heading">Totals</h2>
            <dl className="counters">
              {COUNTER_NAMES.map((name) => (
                <div key={name}>
                  <dt>{COUNTER_LABELS[name]}</dt>
                  <dd>{data.analytics.totals[name]}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="daily-heading">
            <h2 id="daily-heading">Per day</h2>
            <div className="filters">
              <label>
                Counter
                <select value={counter} onChange={(event) => setCounter(event.target.value as CounterName)}>
                  {COUNTER_NAMES.map((name) => (
                    <option key={name} value={name}>
                      {COUNTER_LABELS[name]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Period
                <select
                  value={range}
                  onChange={(event) => setRange(Number(event.target.value) as typeof range)}
                >
                  {RANGES.map((days) => (
                    <option key={days} value={days}>
                      Last {days} days
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <DailyBarChart
              title={`${COUNTER_LABELS[counter]} per day, ${from} to ${to}`}
              points={data.analytics.days.map((day) => ({ day: day.day, value: day[counter] }))}
            />
            <details>
              <summary>Show the numbers as a table</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Day</th>
                    <th scope="col">{COUNTER_LABELS[counter]}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.analytics.days.map((day) => (
                    <tr key={day.day}>
                      <td>{day.day}</td>
                      <td>{day[counter]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </>
      ) : null}
    </main>
  );
}
