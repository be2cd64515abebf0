import { Duration, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { IConstruct } from 'constructs';

/**
 * The password policy of both user pools: NIST SP 800-63B favours length; the character
 * classes are kept because the AwsSolutions pack (COG1) and many auditors still ask for them.
 * Reuse of the last 5 passwords is refused (needs the Essentials feature plan or higher).
 */
export const STRONG_PASSWORD_POLICY: cognito.PasswordPolicy = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
  passwordHistorySize: 5,
  tempPasswordValidity: Duration.days(3),
};

/**
 * Records why a pool runs without threat protection (the Plus feature plan): the stage turned
 * it off in `stratum.config.ts` (`advancedSecurity: false`).
 */
export function acknowledgeNoThreatProtection(pool: IConstruct): void {
  const reason =
    'Threat protection needs the Plus feature plan, billed per monthly active user; this non-production stage turns it off in stratum.config.ts (advancedSecurity: false). Production stages enforce it.';
  Validations.of(pool).acknowledge(
    { id: 'AwsSolutions::AwsSolutions-COG3', reason },
    { id: 'AwsSolutions::AwsSolutions-COG8', reason },
  );
}
