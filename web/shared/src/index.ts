export { CORRELATION_HEADER, GraphqlClient, type GraphqlClientOptions } from './api/graphql-client.ts';
export {
  Authenticator,
  type AuthenticatorOptions,
  type SessionState,
  type SignInStep,
} from './auth/authenticator.ts';
export {
  type AuthChallenge,
  type AuthResult,
  type ChallengeName,
  CognitoClient,
  type CognitoClientOptions,
  type TokenSet,
} from './auth/cognito-client.ts';
export { describeCognitoError } from './auth/cognito-messages.ts';
export { decodeJwtPayload, type Session, sessionFromTokens } from './auth/session.ts';
export { SessionStore } from './auth/session-store.ts';
export { FormDrafts } from './form-drafts.ts';
export {
  loadRuntimeConfig,
  parseRuntimeConfig,
  type RuntimeConfig,
  type RuntimeConfigInput,
  runtimeConfigSchema,
} from './runtime-config.ts';
export { boot } from './ui/boot.tsx';
export { ConfigErrorPage } from './ui/config-error-page.tsx';
export { ConfirmDialog } from './ui/confirm-dialog.tsx';
export { createServices } from './ui/create-services.ts';
export { PageHeading } from './ui/page-heading.tsx';
export { hasNavigated, Link, type Location, matchPath, navigate, useLocation } from './ui/router.tsx';
export { type AppServices, ServicesProvider, useServices, useSessionState } from './ui/services.tsx';
export { SignInForm, type SignInFormProps } from './ui/sign-in-form.tsx';
export { EmptyState, ErrorMessage, Loading } from './ui/status.tsx';
export { type AsyncState, useAsync } from './ui/use-async.ts';
export { useDraft } from './ui/use-draft.ts';
export {
  AccessDeniedError,
  CognitoError,
  describeError,
  type GraphqlErrorEntry,
  GraphqlRequestError,
  RequestFailedError,
  RuntimeConfigError,
  SessionExpiredError,
  WebError,
} from './web-errors.ts';
