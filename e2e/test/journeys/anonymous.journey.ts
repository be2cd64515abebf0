import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { BrowserJourney } from '../../src/browser-journey.ts';
import type { JourneySandbox } from '../../src/journey-sandbox.ts';

/** The staff screens' chunks of the build the sandbox serves (web/internal/vite.config.ts puts them there). */
const STAFF_CHUNKS = resolve(import.meta.dirname, '../../../web/internal/dist/staff');

/** Text that only the staff screens render (tenant page, user look-up), never the sign-in shell. */
const STAFF_ONLY_TEXT = ['Show the numbers as a table', 'E-mail or user id'];

/** Status of a `fetch` made by the page itself (its cookies, its origin), as a script would load a chunk. */
const statusOf = (journey: BrowserJourney, path: string): Promise<number> =>
  journey.page.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).status, path);

/**
 * A visitor without a staff session: the internal app shows the sign-in page and nothing else;
 * deep links land on it; the staff screens' code is refused by the edge guard, with no cookie or a
 * forged one, and is not in the shell's bundle either.
 */
export async function anonymousJourney(journey: BrowserJourney, env: JourneySandbox): Promise<void> {
  const { page } = journey;
  const base = env.internalAppUrl;
  const chunks = readdirSync(STAFF_CHUNKS).filter((file) => file.endsWith('.js'));
  expect(chunks.length, `staff chunks in ${STAFF_CHUNKS} (npm run build:web)`).toBeGreaterThan(0);
  const signInShown = async () => {
    await page.getByRole('heading', { level: 1, name: 'Staff sign-in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  };

  await page.goto(base);
  await signInShown();
  await journey.milestone('sign-in only');

  for (const deepLink of ['/tenants/any-tenant', '/users']) {
    const response = await page.goto(`${base}${deepLink}`);
    expect(new URL(page.url()).pathname, `${deepLink} redirects to the sign-in shell`).toBe('/');
    expect(response?.status()).toBe(200);
    await signInShown();
  }
  await journey.milestone('deep link lands on sign-in');

  for (const chunk of chunks) {
    expect(await statusOf(journey, `/staff/${chunk}`), `/staff/${chunk} without a token`).toBe(403);
  }
  // The shell's own script is public, and carries none of the staff screens.
  const shellScripts = await page
    .locator('script[src^="/assets/"]')
    .evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? ''));
  expect(shellScripts.length).toBeGreaterThan(0);
  for (const src of shellScripts) {
    const code = await page.evaluate(async (url) => (await fetch(url)).text(), src);
    for (const text of STAFF_ONLY_TEXT) expect(code, `${src} contains "${text}"`).not.toContain(text);
  }

  // A forged token (well-formed, unsigned) is no better than none.
  await journey.context.addCookies([
    {
      name: 'stratum_staff_token',
      value: 'eyJhbGciOiJSUzI1NiJ9.eyJjb2duaXRvOmdyb3VwcyI6WyJzdGFmZiJdfQ.c2ln',
      url: base,
    },
  ]);
  for (const chunk of chunks) {
    expect(await statusOf(journey, `/staff/${chunk}`), `/staff/${chunk} with a forged token`).toBe(403);
  }
  await page.goto(`${base}/tenants/any-tenant`);
  expect(new URL(page.url()).pathname).toBe('/');
  await signInShown();
  await journey.milestone('forged token refused');
}
