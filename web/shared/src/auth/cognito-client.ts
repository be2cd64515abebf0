import * as z from 'zod';
import { CognitoError } from '../web-errors.ts';

export interface CognitoClientOptions {
  /** `https://cognito-idp.<region>.amazonaws.com/`, or the sandbox's AWS endpoint. */
  readonly endpoint: string;
  /** The app client (without secret) of the user pool. */
  readonly clientId: string;
  readonly fetch?: typeof fetch;
}

export interface TokenSet {
  readonly idToken: string;
  readonly accessToken: string;
  /** Absent from a refresh answer: the refresh token stays the same. */
  readonly refreshToken?: string;
}

/** The challenges this client answers; any other is reported as unsupported. */
export type ChallengeName = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

export interface AuthChallenge {
  readonly name: ChallengeName;
  readonly session: string;
  readonly username: string;
}

export type AuthResult =
  | { readonly kind: 'tokens'; readonly tokens: TokenSet }
  | { readonly kind: 'challenge'; readonly challenge: AuthChallenge };

const SUPPORTED_CHALLENGES = new Set<string>(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'MFA_SETUP']);

const authResponse = z.object({
  AuthenticationResult: z
    .object({ IdToken: z.string(), AccessToken: z.string(), RefreshToken: z.string().optional() })
    .optional(),
  ChallengeName: z.string().optional(),
  Session: z.string().optional(),
  ChallengeParameters: z.record(z.string(), z.string()).optional(),
});

const signUpResponse = z.object({
  UserConfirmed: z.boolean(),
  CodeDeliveryDetails: z.object({ Destination: z.string().optional() }).optional(),
});

const errorResponse = z.object({ __type: z.string().optional(), message: z.string().optional() }).loose();

/**
 * The few operations of Cognito's JSON API that a browser app needs, called with `fetch`
 * (the AWS SDK would add ~60 KB to each bundle for the same requests). Only public,
 * unsigned operations: the app clients have no secret.
 *
 * @example
 * ```ts
 * const cognito = new CognitoClient({ endpoint: config.cognitoEndpoint, clientId: config.userPoolClientId });
 * const result = await cognito.signIn('ada@example.com', 'correct horse battery staple');
 * if (result.kind === 'tokens') session.start(result.tokens);
 * ```
 */
export class CognitoClient {
  readonly #endpoint: string;
  readonly #clientId: string;
  readonly #fetch: typeof fetch;

  constructor(options: CognitoClientOptions) {
    this.#endpoint = options.endpoint;
    this.#clientId = options.clientId;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Registers a user with e-mail as the user name; Cognito e-mails a confirmation code. */
  async signUp(email: string, password: string): Promise<{ confirmed: boolean; destination?: string }> {
    const body = await this.#call('SignUp', {
      ClientId: this.#clientId,
      Username: email,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
    });
    const parsed = parseAnswer(signUpResponse, body, 'SignUp');
    const destination = parsed.CodeDeliveryDetails?.Destination;
    return destination
      ? { confirmed: parsed.UserConfirmed, destination }
      : { confirmed: parsed.UserConfirmed };
  }

  async confirmSignUp(email: string, code: string): Promise<void> {
    await this.#call('ConfirmSignUp', { ClientId: this.#clientId, Username: email, ConfirmationCode: code });
  }

  async resendConfirmationCode(email: string): Promise<void> {
    await this.#call('ResendConfirmationCode', { ClientId: this.#clientId, Username: email });
  }

  /** `USER_PASSWORD_AUTH`: the flow both app clients allow and the offline sandbox supports. */
  async signIn(email: string, password: string): Promise<AuthResult> {
    const body = await this.#call('InitiateAuth', {
      ClientId: this.#clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    });
    return this.#authResult(body, email);
  }

  /** Answers a challenge, e.g. `{ NEW_PASSWORD: '...' }` or `{ SOFTWARE_TOKEN_MFA_CODE: '123456' }`. */
  async respond(challenge: AuthChallenge, answers: Readonly<Record<string, string>>): Promise<AuthResult> {
    const body = await this.#call('RespondToAuthChallenge', {
      ClientId: this.#clientId,
      ChallengeName: challenge.name,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, ...answers },
    });
    return this.#authResult(body, challenge.username);
  }

  /** MFA_SETUP, step 1: a TOTP secret for the user's authenticator app. */
  async associateSoftwareToken(session: string): Promise<{ secretCode: string; session: string }> {
    const body = await this.#call('AssociateSoftwareToken', { Session: session });
    const parsed = parseAnswer(
      z.object({ SecretCode: z.string(), Session: z.string() }),
      body,
      'AssociateSoftwareToken',
    );
    return { secretCode: parsed.SecretCode, session: parsed.Session };
  }

  /** MFA_SETUP, step 2: proves the authenticator app works; returns the session for the challenge answer. */
  async verifySoftwareToken(session: string, code: string, deviceName: string): Promise<string> {
    const body = await this.#call('VerifySoftwareToken', {
      Session: session,
      UserCode: code,
      FriendlyDeviceName: deviceName,
    });
    const parsed = parseAnswer(z.object({ Session: z.string() }), body, 'VerifySoftwareToken');
    return parsed.Session;
  }

  /** `REFRESH_TOKEN_AUTH`: new ID and access tokens for a refresh token. */
  async refresh(refreshToken: string): Promise<TokenSet> {
    const body = await this.#call('InitiateAuth', {
      ClientId: this.#clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    const result = this.#authResult(body, '');
    if (result.kind !== 'tokens')
      throw new CognitoError('UnexpectedChallenge', 'Refreshing the session asked for a challenge.');
    return result.tokens;
  }

  /** Revokes the refresh token and the tokens issued from it (the clients enable token revocation). */
  async revoke(refreshToken: string): Promise<void> {
    await this.#call('RevokeToken', { ClientId: this.#clientId, Token: refreshToken });
  }

  #authResult(body: unknown, username: string): AuthResult {
    const parsed = parseAnswer(authResponse, body, 'InitiateAuth');
    const result = parsed.AuthenticationResult;
    if (result) {
      const tokens: TokenSet = { idToken: result.IdToken, accessToken: result.AccessToken };
      return {
        kind: 'tokens',
        tokens: result.RefreshToken ? { ...tokens, refreshToken: result.RefreshToken } : tokens,
      };
    }
    const name = parsed.ChallengeName;
    if (!name || !parsed.Session)
      throw new CognitoError('InvalidResponse', 'Cognito answered without tokens.');
    if (!SUPPORTED_CHALLENGES.has(name)) {
      throw new CognitoError('UnsupportedChallenge', `This app cannot answer the ${name} sign-in challenge.`);
    }
    // Cognito names the user by its internal id in challenges after an alias (e-mail) sign-in.
    const challengeUser = parsed.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
    return {
      kind: 'challenge',
      challenge: { name: name as ChallengeName, session: parsed.Session, username: challengeUser },
    };
  }

  async #call(operation: string, payload: Readonly<Record<string, unknown>>): Promise<unknown> {
    let response: Response;
    try {
      response = await this.#fetch(this.#endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
        },
        body: JSON.stringify(payload),
      });
    } catch (cause) {
      throw new CognitoError('NetworkError', `The sign-in service could not be reached (${String(cause)}).`);
    }
    const text = await response.text();
    const body: unknown = text === '' ? {} : safeJson(text);
    if (response.ok) return body;
    const error = errorResponse.safeParse(body);
    const type =
      (error.success ? error.data.__type : undefined) ?? response.headers.get('x-amzn-errortype') ?? '';
    // `__type` may carry a namespace (`com.amazonaws...#NotAuthorizedException`) or a suffix (`:http://...`).
    const code = type.split('#').pop()?.split(':')[0] || `Http${response.status}`;
    const message =
      (error.success ? error.data.message : undefined) ?? `${operation} failed with HTTP ${response.status}.`;
    throw new CognitoError(code, message, response.status);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, operation: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new CognitoError('InvalidResponse', `Cognito's ${operation} answer was not understood.`);
  return parsed.data;
}
