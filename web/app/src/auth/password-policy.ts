/**
 * The customer pool's password policy (`STRONG_PASSWORD_POLICY` in
 * infra/src/app/user-pool-security.ts), shown while the user types; a unit test keeps the two
 * equal. Cognito remains the judge: it refuses a weak password whatever this list says.
 */
export const PASSWORD_RULES = [
  { id: 'length', label: 'At least 12 characters', test: (password: string) => password.length >= 12 },
  { id: 'lower', label: 'A lower-case letter', test: (password: string) => /[a-z]/.test(password) },
  { id: 'upper', label: 'An upper-case letter', test: (password: string) => /[A-Z]/.test(password) },
  { id: 'digit', label: 'A digit', test: (password: string) => /\d/.test(password) },
  {
    id: 'symbol',
    label: 'A symbol such as ! @ # $ %',
    // Cognito's symbol set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space.
    test: (password: string) => /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password),
  },
] as const;

export const PASSWORD_MIN_LENGTH = 12;

export const passwordMeetsPolicy = (password: string): boolean =>
  PASSWORD_RULES.every((rule) => rule.test(password));
