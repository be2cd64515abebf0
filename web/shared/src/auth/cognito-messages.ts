import { CognitoError } from '../web-errors.ts';

/**
 * Sentences for the Cognito errors a person can act on. Others fall back to Cognito's own
 * message, which is already human-readable. With `preventUserExistenceErrors` Cognito answers a
 * wrong e-mail like a wrong password, so the text does not say which one was wrong.
 */
const MESSAGES: Readonly<Record<string, string>> = {
  NotAuthorizedException: 'Incorrect e-mail or password.',
  UserNotFoundException: 'Incorrect e-mail or password.',
  UsernameExistsException: 'An account with this e-mail already exists. Sign in instead.',
  CodeMismatchException: 'That code is not right. Check the e-mail and try again.',
  ExpiredCodeException: 'That code has expired. Ask for a new one.',
  EnableSoftwareTokenMFAException: 'That authenticator code is not right. Try the current one.',
  LimitExceededException: 'Too many attempts. Wait a few minutes, then try again.',
  TooManyRequestsException: 'Too many attempts. Wait a few minutes, then try again.',
  TooManyFailedAttemptsException: 'Too many attempts. Wait a few minutes, then try again.',
  PasswordResetRequiredException: 'You must reset your password before signing in.',
};

export function describeCognitoError(error: unknown): string {
  if (error instanceof CognitoError) return MESSAGES[error.code] ?? error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
