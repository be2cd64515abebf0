import { describeError, ErrorMessage, Link, PageHeading, useServices } from '@stratum/web-shared';
import { type FormEvent, useMemo, useState } from 'react';
import { StaffApi, type StaffUserView } from '../staff-api.ts';

type Result =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly user: StaffUserView }
  | { readonly kind: 'notFound'; readonly query: string }
  | { readonly kind: 'error'; readonly message: string };

/** Finds a customer by e-mail or user id, with their tenant. */
export function UserLookupPage() {
  const { api } = useServices();
  const staff = useMemo(() => new StaffApi(api), [api]);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<Result>({ kind: 'none' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = query.trim();
    if (value === '') return;
    setBusy(true);
    try {
      const user = await staff.findUser(value);
      setResult(user ? { kind: 'found', user } : { kind: 'notFound', query: value });
    } catch (error) {
      setResult({ kind: 'error', message: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <PageHeading title="User look-up · Stratum staff">User look-up</PageHeading>
      <form onSubmit={submit} aria-label="Find a user">
        <label>
          E-mail or user id
          <input value={query} onChange={(event) => setQuery(event.target.value)} required />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>
            Find user
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {result.kind === 'notFound' ? <p>No user matches {result.query}.</p> : null}
        {result.kind === 'error' ? <ErrorMessage>{result.message}</ErrorMessage> : null}
        {result.kind === 'found' ? (
          <section aria-labelledby="user-heading">
            <h2 id="user-heading">{result.user.displayName}</h2>
            <dl>
              <dt>E-mail</dt>
              <dd>{result.user.email}</dd>
              <dt>User id</dt>
              <dd>
                <code>{result.user.id}</code>
              </dd>
              <dt>Role</dt>
              <dd>{result.user.role === 'OWNER' ? 'Owner' : 'Member'}</dd>
              <dt>Joined</dt>
              <dd>{result.user.joinedAt.slice(0, 10)}</dd>
              <dt>Tenant</dt>
              <dd>
                <Link to={`/tenants/${encodeURIComponent(result.user.tenant.id)}`}>
                  {result.user.tenant.name}
                </Link>
              </dd>
            </dl>
          </section>
        ) : null}
      </div>
    </main>
  );
}
