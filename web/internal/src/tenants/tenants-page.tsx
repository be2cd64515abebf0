import {
  describeError,
  EmptyState,
  ErrorMessage,
  Link,
  Loading,
  PageHeading,
  useServices,
} from '@stratum/web-shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { StaffApi, type Tenant } from '../staff-api.ts';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly tenants: readonly Tenant[]; readonly next: string | null };

/** Every tenant, oldest first, 50 at a time. */
export function TenantsPage() {
  const { api } = useServices();
  const staff = useMemo(() => new StaffApi(api), [api]);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [moreError, setMoreError] = useState<string>();

  const load = useCallback(() => {
    let current = true;
    setState({ status: 'loading' });
    staff.tenants(null).then(
      (page) => current && setState({ status: 'ready', tenants: page.tenants, next: page.next }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [staff]);
  useEffect(load, [load]);

  const loadMore = async () => {
    if (state.status !== 'ready' || state.next === null) return;
    try {
      const page = await staff.tenants(state.next);
      setState({ status: 'ready', tenants: [...state.tenants, ...page.tenants], next: page.next });
    } catch (error) {
      setMoreError(describeError(error));
    }
  };

  return (
    <main>
      <PageHeading title="Tenants · Stratum staff">Tenants</PageHeading>
      {state.status === 'loading' ? <Loading>Loading tenants…</Loading> : null}
      {state.status === 'error' ? (
        <ErrorMessage onRetry={load}>{describeError(state.error)}</ErrorMessage>
      ) : null}
      {state.status === 'ready' && state.tenants.length === 0 ? (
        <EmptyState>No tenants yet.</EmptyState>
      ) : null}
      {state.status === 'ready' && state.tenants.length > 0 ? (
        <table>
          <caption className="visually-hidden">Tenants</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {state.tenants.map((tenant) => (
              <tr key={tenant.id}>
                <td>
                  <Link to={`/tenants/${encodeURIComponent(tenant.id)}`}>{tenant.name}</Link>
                </td>
                <td>{tenant.createdAt.slice(0, 10)}</td>
                <td>
                  <code>{tenant.id}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {moreError ? <ErrorMessage>{moreError}</ErrorMessage> : null}
      {state.status === 'ready' && state.next !== null ? (
        <button type="button" onClick={loadMore}>
          Load more
        </button>
      ) : null}
    </main>
  );
}
