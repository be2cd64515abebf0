import { Link, navigate, PageHeading, SignInForm, useSessionState } from '@stratum/web-shared';

/**
 * Shown in place of any page while signed out, so the URL (and the form drafts of that page)
 * are still there after sign-in: an expired session resumes where it stopped.
 */
export function SignInPage({ confirmedEmail }: { confirmedEmail?: string | null }) {
  const state = useSessionState();
  const expired = state.status === 'signedOut' && state.reason === 'expired';
  return (
    <main className="narrow">
      <PageHeading title="Sign in · Stratum">Sign in</PageHeading>
      {expired ? (
        <p role="alert" className="notice">
          Your session has expired. Sign in again to continue; your unsaved changes are kept.
        </p>
      ) : null}
      {confirmedEmail ? (
        <p role="status" className="notice">
          Your e-mail is confirmed. Sign in to start.
        </p>
      ) : null}
      <SignInForm onUnconfirmed={(email) => navigate(`/confirm?email=${encodeURIComponent(email)}`)} />
      <p>
        New here? <Link to="/sign-up">Create an account</Link>
      </p>
    </main>
  );
}
