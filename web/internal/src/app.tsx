import {
  type AppServices,
  Link,
  Loading,
  matchPath,
  PageHeading,
  ServicesProvider,
  SignInForm,
  useLocation,
  useServices,
  useSessionState,
} from '@stratum/web-shared';
import { lazy, Suspense } from 'react';
import { StaffChunkBoundary } from './staff-chunk-boundary.tsx';

// The staff screens are lazy chunks, emitted under /staff/ (vite.config.ts): the edge guard serves
// them only with a staff token, so an anonymous visitor gets the sign-in shell's code and nothing else.
const TenantPage = lazy(() => import('./analytics/tenant-page.tsx').then((m) => ({ default: m.TenantPage })));
const TenantsPage = lazy(() =>
  import('./tenants/tenants-page.tsx').then((m) => ({ default: m.TenantsPage })),
);
const UserLookupPage = lazy(() =>
  import('./users/user-lookup-page.tsx').then((m) => ({ default: m.UserLookupPage })),
);
const DeadLetterQueuesPage = lazy(() =>
  import('./operations/dead-letter-queues-page.tsx').then((m) => ({ default: m.DeadLetterQueuesPage })),
);

/** The Cognito group of the staff pool that the app and the API's authorizer require. */
export const STAFF_GROUP = 'staff';

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <Shell />
    </ServicesProvider>
  );
}

/** Without a staff session nothing but the sign-in page renders (the API refuses the data anyway). */
function Shell() {
  const session = useSessionState();
  const { pathname } = useLocation();
  if (session.status !== 'signedIn') return <StaffSignInPage expired={session.reason === 'expired'} />;
  return (
    <>
      <a className="visually-hidden" href="#content">
        Skip to content
      </a>
      <StaffHeader email={session.session.email} pathname={pathname} />
      <div id="content">
        <StaffChunkBoundary key={pathname}>
          <Suspense fallback={<Loading>Loading…</Loading>}>
            <StaffRoutes pathname={pathname} />
          </Suspense>
        </StaffChunkBoundary>
      </div>
    </>
  );
}

function StaffRoutes({ pathname }: { pathname: string }) {
  const tenant = matchPath('/tenants/:id', pathname);
  if (tenant?.id) return <TenantPage tenantId={tenant.id} />;
  if (pathname === '/' || pathname === '/tenants') return <TenantsPage />;
  if (pathname === '/users') return <UserLookupPage />;
  if (pathname === '/dead-letters') return <DeadLetterQueuesPage />;
  return (
    <main>
      <PageHeading title="Not found · Stratum staff">Page not found</PageHeading>
      <Link to="/">All tenants</Link>
    </main>
  );
}

function StaffSignInPage({ expired }: { expired: boolean }) {
  return (
    <main className="narrow">
      <PageHeading title="Staff sign-in · Stratum">Staff sign-in</PageHeading>
      {expired ? (
        <p role="alert" className="notice">
          Your session has expired. Sign in again to continue.
        </p>
      ) : null}
      <SignInForm />
    </main>
  );
}

function StaffHeader({ email, pathname }: { email: string; pathname: string }) {
  const { authenticator, drafts } = useServices();
  const isTenants = pathname === '/' || pathname.startsWith('/tenants');
  return (
    <header className="app-header">
      <strong>Stratum staff</strong>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link to="/" aria-current={isTenants ? 'page' : undefined}>
              Tenants
            </Link>
          </li>
          <li>
            <Link to="/users" aria-current={pathname === '/users' ? 'page' : undefined}>
              User look-up
            </Link>
          </li>
          <li>
            <Link to="/dead-letters" aria-current={pathname === '/dead-letters' ? 'page' : undefined}>
              Dead-letter queues
            </Link>
          </li>
        </ul>
      </nav>
      <div className="actions">
        <span className="hint">{email}</span>
        <button
          type="button"
          onClick={() => {
            drafts.clearAll();
            void authenticator.signOut();
          }}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
