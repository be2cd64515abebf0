/**
 * The browser journeys of issue 6, in the system Chromium driven by playwright-core, against the
 * real synthesized `local` stage started here: a new customer (sign-up to due-soon e-mail), a
 * member of staff (the new customer's tenant counters), an anonymous visitor of the staff app.
 * One sandbox for the three: starting it is most of the cost, and the staff journey reads the
 * tenant the new user founded. Screenshots: e2e/artifacts/<journey>/NN-<step>.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, runJourney } from '../src/browser-journey.ts';
import { type JourneySandbox, startJourneySandbox } from '../src/journey-sandbox.ts';
import { anonymousJourney } from './journeys/anonymous.journey.ts';
import { type CustomerTenant, newUserJourney } from './journeys/new-user.journey.ts';
import { staffJourney } from './journeys/staff.journey.ts';

let env: JourneySandbox;
let browser: Browser;
let customer: CustomerTenant | undefined;

beforeAll(async () => {
  // In parallel; whichever started is stopped by afterAll even when the other failed.
  const [started, launched] = await Promise.allSettled([startJourneySandbox(), launchChromium()]);
  if (started.status === 'fulfilled') env = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  if (started.status === 'rejected') throw started.reason;
  if (launched.status === 'rejected') throw launched.reason;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await env?.stop();
}, 60_000);

describe('browser journeys', () => {
  it('new user: sign up, verify from the inbox, todos, image thumbnail, due-soon e-mail', async () => {
    await runJourney(browser, 'new-user', (journey) =>
      newUserJourney(journey, env, (tenant) => {
        customer = tenant;
      }),
    );
  }, 150_000);

  it("staff: TOTP sign-in to the internal app, the new user's tenant counters and chart", async () => {
    const tenant = customer;
    if (!tenant) throw new Error('the new-user journey created no tenant to look at (it failed first)');
    await runJourney(browser, 'staff', (journey) => staffJourney(journey, env, tenant));
  }, 90_000);

  it('anonymous: the internal app shows the sign-in page only; deep links and staff chunks are refused', async () => {
    await runJourney(browser, 'anonymous', (journey) => anonymousJourney(journey, env));
  }, 60_000);
});
