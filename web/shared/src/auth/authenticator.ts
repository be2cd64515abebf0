import { AccessDeniedError, CognitoError, SessionExpiredError } from '../web-errors.ts';
import type { AuthChallenge, AuthResult, CognitoClient } from './cognito-client.ts';
import { type Session, sessionFromTokens } from './session.ts';
import type { SessionStore } from './session-store.ts';

export type SessionState =
  | { readonly status: 'signedIn'; readonly session: Session }
  | { readonly status: 'signedOut'; readonly reason: 'initial' | 'signedOut' | 'expired' };

export type SignInStep =
  | { readonly kind: 'signedIn'; readonly session: Session }
  | { readonly kind: 'challenge'; readonly challenge: AuthChallenge };

export interface AuthenticatorOptions {
  readonly cognito: CognitoClient;
  readonly store: SessionStore;
  /** A Cognito group the user must belong to (the staff app requires `staff`). */
  readonly requiredGroup?: string;
  /** Tokens this close to expiry are refreshed before use. @default 60_000 ms */
  readonly refreshMarginMs?: number;
  readonly now?: () => number;
}

/**
 * Owns the signed-in session of an app: sign-in with its challenges, token refresh (one at a
 * time, however many requests ask), expiry and sign-out. React subscribes to its state.
 */
export class Authenticator {
  readonly #cognito: CognitoClient;
  readonly #store: SessionStore;
  readonly #requiredGroup: string | undefined;
  readonly #refreshMarginMs: number;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  #state: SessionState;
  #refreshing: Promise<Session> | undefined;

  constructor(options: AuthenticatorOptions) {
    this.#cognito = options.cognito;
    this.#store = options.store;
    this.#requiredGroup = options.requiredGroup;
    this.#refreshMarginMs = options.refreshMarginMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    const stored = this.#store.load();
    this.#state =
      stored && this.#isAllowed(stored)
        ? { status: 'signedIn', session: stored }
        : { status: 'signedOut', reason: 'initial' };
  }

  get state(): SessionState {
    return this.#state;
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): SessionState => this.#state;

  get cognito(): CognitoClient {
    return this.#cognito;
  }

  async signIn(email: string, password: string): Promise<SignInStep> {
    return this.#complete(await this.#cognito.signIn(email.trim(), password));
  }

  async respond(challenge: AuthChallenge, answers: Readonly<Record<string, string>>): Promise<SignInStep> {
    return this.#complete(await this.#cognito.respond(challenge, answers));
  }

  /** An ID token valid for at least the refresh margin, refreshed first if needed. */
  async idToken(): Promise<string> {
    const state = this.#state;
    if (state.status !== 'signedIn') throw new SessionExpiredError();
    if (state.session.expiresAt - this.#now() > this.#refreshMarginMs) return state.session.idToken;
    return (await this.refresh()).idToken;
  }

  /**
   * Refreshes the tokens; concurrent callers share one request. A refused refresh token ends
   * the session (state `expired`) and throws SessionExpiredError.
   */
  refresh(): Promise<Session> {
    const state = this.#state;
    if (state.status !== 'signedIn') return Promise.reject(new SessionExpiredError());
    this.#refreshing ??= this.#cognito
      .refresh(state.session.refreshToken)
      .then((tokens) => {
        const session = sessionFromTokens(tokens, state.session.refreshToken);
        this.#setSignedIn(session);
        return session;
      })
      .catch((cause: unknown) => {
        // A network failure is not an expiry: the user may retry once online again.
        if (cause instanceof CognitoError && cause.code === 'NetworkError') throw cause;
        this.expire();
        throw new SessionExpiredError({ cause });
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  /** Ends the session because it can no longer be used; form drafts are kept for after sign-in. */
  expire(): void {
    this.#store.clear();
    this.#setState({ status: 'signedOut', reason: 'expired' });
  }

  /** Signs out here and revokes the refresh token at Cognito (best effort: the local session ends anyway). */
  async signOut(): Promise<void> {
    const state = this.#state;
    this.#store.clear();
    this.#setState({ status: 'signedOut', reason: 'signedOut' });
    if (state.status === 'signedIn') {
      await this.#cognito.revoke(state.session.refreshToken).catch(() => undefined);
    }
  }

  #complete(result: AuthResult): SignInStep {
    if (result.kind === 'challenge') return result;
    const session = sessionFromTokens(result.tokens);
    if (!this.#isAllowed(session)) {
      void this.#cognito.revoke(session.refreshToken).catch(() => undefined);
      throw new AccessDeniedError(`This account is not a member of the ${this.#requiredGroup} group.`);
    }
    this.#setSignedIn(session);
    return { kind: 'signedIn', session };
  }

  #isAllowed(session: Session): boolean {
    return this.#requiredGroup === undefined || session.groups.includes(this.#requiredGroup);
  }

  #setSignedIn(session: Session): void {
    this.#store.save(session);
    this.#setState({ status: 'signedIn', session });
  }

  #setState(state: SessionState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener();
  }
}
