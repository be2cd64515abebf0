import { type FormEvent, useState } from 'react';
import type { AuthChallenge } from '../auth/cognito-client.ts';
import { describeCognitoError } from '../auth/cognito-messages.ts';
import { CognitoError } from '../web-errors.ts';
import { useServices } from './services.tsx';
import { ErrorMessage } from './status.tsx';

export interface SignInFormProps {
  /** Called when Cognito says the account exists but its e-mail is not confirmed yet. */
  readonly onUnconfirmed?: (email: string) => void;
}

type Step =
  | { readonly kind: 'password' }
  | { readonly kind: 'challenge'; readonly challenge: AuthChallenge }
  | {
      readonly kind: 'mfaSetup';
      readonly challenge: AuthChallenge;
      readonly secret: string;
      readonly session: string;
    };

/**
 * E-mail and password, then whatever challenge Cognito asks for: a new password (accounts
 * created by an administrator), a TOTP code, or the TOTP enrolment that the staff pool requires.
 */
export function SignInForm({ onUnconfirmed }: SignInFormProps) {
  const { authenticator } = useServices();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (cause) {
      if (cause instanceof CognitoError && cause.code === 'UserNotConfirmedException' && onUnconfirmed) {
        onUnconfirmed(email.trim());
        return;
      }
      setError(describeCognitoError(cause));
    } finally {
      setBusy(false);
    }
  };

  const next = async (result: Awaited<ReturnType<typeof authenticator.signIn>>) => {
    setAnswer('');
    if (result.kind === 'signedIn') return;
    if (result.challenge.name === 'MFA_SETUP') {
      const { secretCode, session } = await authenticator.cognito.associateSoftwareToken(
        result.challenge.session,
      );
      setStep({ kind: 'mfaSetup', challenge: result.challenge, secret: secretCode, session });
    } else {
      setStep({ kind: 'challenge', challenge: result.challenge });
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (step.kind === 'password') {
        await next(await authenticator.signIn(email, password));
      } else if (step.kind === 'mfaSetup') {
        const session = await authenticator.cognito.verifySoftwareToken(
          step.session,
          answer.trim(),
          'Authenticator',
        );
        await next(await authenticator.respond({ ...step.challenge, session }, {}));
      } else if (step.challenge.name === 'NEW_PASSWORD_REQUIRED') {
        await next(await authenticator.respond(step.challenge, { NEW_PASSWORD: answer }));
      } else {
        await next(await authenticator.respond(step.challenge, { SOFTWARE_TOKEN_MFA_CODE: answer.trim() }));
      }
    });
  };

  return (
    <form onSubmit={onSubmit} aria-label="Sign in" noValidate>
      {step.kind === 'password' ? (
        <>
          <label>
            E-mail
            <input
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </label>
          <label>
            Password
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </label>
        </>
      ) : (
        <ChallengeFields step={step} answer={answer} onAnswer={setAnswer} />
      )}
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : step.kind === 'password' ? 'Sign in' : 'Continue'}
      </button>
    </form>
  );
}

function ChallengeFields({
  step,
  answer,
  onAnswer,
}: {
  step: Exclude<Step, { kind: 'password' }>;
  answer: string;
  onAnswer: (value: string) => void;
}) {
  if (step.kind === 'challenge' && step.challenge.name === 'NEW_PASSWORD_REQUIRED') {
    return (
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          required
          value={answer}
          onChange={(event) => onAnswer(event.target.value)}
        />
      </label>
    );
  }
  return (
    <>
      {step.kind === 'mfaSetup' ? (
        <p>
          Add this key to your authenticator app, then enter the code it shows: <code>{step.secret}</code>
        </p>
      ) : null}
      <label>
        Authenticator code
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          required
          value={answer}
          onChange={(event) => onAnswer(event.target.value)}
        />
      </label>
    </>
  );
}
