import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/src/sandbox/sandbox.ts';
import type { BrowserJourney } from '../../src/browser-journey.ts';
import type { JourneySandbox } from '../../src/journey-sandbox.ts';
import { createStaffAccount } from '../../src/staff-account.ts';
import { totp } from '../../src/totp.ts';
import type { CustomerTenant } from './new-user.journey.ts';

/** The part of the internal app's config.json (written at deploy time) this journey reads. */
interface InternalAppConfig {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

/** The number shown after a counter's label in the tenant page's "Totals" (a `<dt>`/`<dd>` pair). */
async function total(journey: BrowserJourney, label: string): Promise<number> {
  const totals = journey.page.getByRole('region', { name: 'Totals' });
  const value = await totals
    .locator('dt', { hasText: label })
    .locator('xpath=following-sibling::dd[1]')
    .textContent();
  return Number(value);
}

/**
 * A member of staff, created with the AWS SDK against the sandbox (staff group, permanent
 * password, TOTP enrolled), signs in to the internal app with e-mail, password and an
 * authenticator code, opens the tenant of the new-user journey and sees its counters and chart
 * catch up with what that user did.
 */
export async function staffJourney(
  journey: BrowserJourney,
  env: JourneySandbox,
  tenant: CustomerTenant,
): Promise<void> {
  const { page } = journey;
  const configResponse = await fetch(`${env.internalAppUrl}/config.json`);
  expect(configResponse.status).toBe(200);
  const config = (await configResponse.json()) as InternalAppConfig;
  const cognito = new CognitoIdentityProviderClient({
    endpoint: env.sandbox.endpoints.awsEndpoint,
    region: env.sandbox.endpoints.region,
    credentials: SANDBOX_CREDENTIALS,
  });
  const staff = await createStaffAccount(cognito, {
    userPoolId: config.userPoolId,
    clientId: config.userPoolClientId,
    email: `grace-${Date.now().toString(36)}@staff.example.com`,
    temporaryPassword: 'Temporary-Pass-1!',
    password: 'Staff-Password-42!',
  });
  cognito.destroy();
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  await page.goto(env.internalAppUrl);
  await heading('Staff sign-in').waitFor();
  await page.getByLabel('E-mail').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const code = page.getByLabel('Authenticator code');
  await code.waitFor();
  await code.fill(totp(staff.totpSecret));
  await journey.milestone('authenticator code');
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading('Tenants').waitFor();
  await page.getByRole('link', { name: tenant.tenantName }).waitFor();
  await journey.milestone('tenants');

  await page.getByRole('link', { name: tenant.tenantName }).click();
  await heading(tenant.tenantName).waitFor();
  // Counters arrive asynchronously (table stream → pipe → bus → analytics): reload until they catch up.
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.getByRole('region', { name: 'Totals' }).waitFor();
        return {
          created: await total(journey, 'Todos created'),
          completed: await total(journey, 'Todos completed'),
        };
      },
      { timeout: 45_000, interval: 2_000 },
    )
    .toEqual({ created: tenant.todosCreated, completed: tenant.todosCompleted });
  const chart = page.getByRole('img', { name: /^Todos created per day, / });
  await chart.waitFor();
  // One bar per day of the period, today's carrying the todos created.
  await page.getByText('Show the numbers as a table').click();
  const today = new Date().toISOString().slice(0, 10);
  const todayRow = page.getByRole('row', { name: new RegExp(`^${today} `) });
  expect(await todayRow.getByRole('cell').nth(1).textContent()).toBe(String(tenant.todosCreated));
  await journey.milestone('tenant counters and chart');
}
