import {
  type AppServices,
  Link,
  matchPath,
  navigate,
  PageHeading,
  ServicesProvider,
  useLocation,
  useServices,
  useSessionState,
} from '@stratum/web-shared';
import { useEffect } from 'react';
import { ConfirmPage } from './auth/confirm-page.tsx';
import { SignInPage } from './auth/sign-in-page.tsx';
import { SignUpPage } from './auth/sign-up-page.tsx';
import { MembersPage } from './members/members-page.tsx';
import { TodoPage } from './todos/todo-page.tsx';
import { TodosPage } from './todos/todos-page.tsx';

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <Shell />
    </ServicesProvider>
  );
}

function Shell() {
  const session = useSessionState();
  const { pathname, searchParams } = useLocation();
  const signedIn = session.status === 'signedIn';
  const onAuthPage = pathname === '/sign-up' || pathname === '/confirm';

  useEffect(() => {
    if (signedIn && (onAuthPage || pathname === '/')) navigate('/todos', { replace: true });
  }, [signedIn, onAuthPage, pathname]);

  if (!signedIn) {
    if (pathname === '/sign-up') return <SignUpPage />;
    if (pathname === '/confirm') return <ConfirmPage initialEmail={searchParams.get('email') ?? ''} />;
    return <SignInPage confirmedEmail={searchParams.get('confirmed')} />;
  }
  return (
    <>
      <a className="visually-hidden" href="#content">
        Skip to content
      </a>
      <AppHeader email={session.session.email} pathname={pathname} />
      <div id="content">
        <SignedInRoutes pathname={pathname} />
      </div>
    </>
  );
}

function SignedInRoutes({ pathname }: { pathname: string }) {
  const todo = matchPath('/todos/:id', pathname);
  if (todo?.id) return <TodoPage id={todo.id} />;
  if (pathname === '/todos' || pathname === '/' || pathname === '/sign-up' || pathname === '/confirm') {
    return <TodosPage />;
  }
  if (pathname === '/members') return <MembersPage />;
  return (
    <main>
      <PageHeading title="Not found · Stratum">Page not found</PageHeading>
      <Link to="/todos">Go to your todos</Link>
    </main>
  );
}

function AppHeader({ email, pathname }: { email: string; pathname: string }) {
  const { authenticator, drafts } = useServices();
  const current = (prefix: string) => (pathname.startsWith(prefix) ? ('page' as const) : undefined);
  return (
    <header className="app-header">
      <strong>Stratum</strong>
      <nav aria-label="Main">
        <ul>
          <li>
            <Link to="/todos" aria-current={current('/todos')}>
              Todos
            </Link>
          </li>
          <li>
            <Link to="/members" aria-current={current('/members')}>
              Members
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
