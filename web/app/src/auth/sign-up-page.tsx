import {
  describeCognitoError,
  ErrorMessage,
  Link,
  navigate,
  PageHeading,
  useServices,
} from '@stratum/web-shared';
import { type FormEvent, useId, useState } from 'react';
import { passwordMeetsPolicy } from './password-policy.ts';
import { PasswordRules } from './password-rules.tsx';

/** Self sign-up with e-mail and password; Cognito e-mails a code, confirmed on the next page. */
export function SignUpPage() {
  const { authenticator } = useServices();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const rulesId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passwordMeetsPolicy(password)) {
      setError('The password does not meet every rule below.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await authenticator.cognito.signUp(email.trim(), password);
      navigate(result.confirmed ? '/' : `/confirm?email=${encodeURIComponent(email.trim())}`);
    } catch (cause) {
      setError(describeCognitoError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="narrow">
      <PageHeading title="Create an account · Stratum">Create an account</PageHeading>
      <form onSubmit={submit} aria-label="Create an account" noValidate>
        <label>
          E-mail
          <input
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={rulesId}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <PasswordRules id={rulesId} password={password} />
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/">Sign in</Link>
      </p>
    </main>
  );
}
