import {
  describeCognitoError,
  ErrorMessage,
  Link,
  navigate,
  PageHeading,
  useServices,
} from '@stratum/web-shared';
import { type FormEvent, useState } from 'react';

/** Enter the code Cognito e-mailed (in the sandbox: the mail inbox that `npm start` prints). */
export function ConfirmPage({ initialEmail }: { initialEmail: string }) {
  const { authenticator } = useServices();
  const [email, setEmail] = useState(initialEmail);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (cause) {
      setError(describeCognitoError(cause));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await authenticator.cognito.confirmSignUp(email.trim(), code.trim());
      navigate(`/?confirmed=${encodeURIComponent(email.trim())}`);
    });
  };

  return (
    <main className="narrow">
      <PageHeading title="Confirm your e-mail · Stratum">Confirm your e-mail</PageHeading>
      <p>We sent a confirmation code to your e-mail address. Enter it below.</p>
      <form onSubmit={submit} aria-label="Confirm your e-mail" noValidate>
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
          Confirmation code
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </label>
        {error ? <ErrorMessage>{error}</ErrorMessage> : null}
        {notice ? <p role="status">{notice}</p> : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            Confirm
          </button>
          <button
            type="button"
            disabled={busy || email.trim() === ''}
            onClick={() =>
              act(async () => {
                await authenticator.cognito.resendConfirmationCode(email.trim());
                setNotice('A new code is on its way.');
              })
            }
          >
            Send a new code
          </button>
        </div>
      </form>
      <p>
        <Link to="/">Back to sign in</Link>
      </p>
    </main>
  );
}
