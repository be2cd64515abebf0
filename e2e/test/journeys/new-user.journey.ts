import { expect } from 'vitest';
import type { BrowserJourney } from '../../src/browser-journey.ts';
import { type JourneySandbox, runScheduleNow } from '../../src/journey-sandbox.ts';
import { noisePng } from '../../src/test-png.ts';

/** What the staff journey needs to find this user's tenant and check its counters. */
export interface CustomerTenant {
  readonly email: string;
  /** The tenant a new user founds is named after the e-mail's local part (services/identity-triggers). */
  readonly tenantName: string;
  /** Todos this journey created and completed (what the analytics counters must reach). */
  todosCreated: number;
  todosCompleted: number;
}

const PASSWORD = 'Correct-Horse-Battery-9';
const DUE_SOON_ENTRY = 'services/due-soon/src/handler.ts';

const day = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** An `<img>` as the page sees it (the e2e code is type-checked without the DOM library). */
type LoadedImage = { readonly naturalWidth: number };

/** The size label of the media list (web/app/src/media/media-list.tsx). */
const sizeLabel = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A new customer: signs up, confirms with the code from the sandbox's SES inbox, signs in,
 * creates todos with due dates and tags, completes one, filters, gets the due-soon e-mail for a
 * todo due today, and attaches a PNG (upload progress, then its thumbnail).
 * `onTenant` receives the tenant as soon as the account exists, for the staff journey.
 */
export async function newUserJourney(
  journey: BrowserJourney,
  env: JourneySandbox,
  onTenant: (tenant: CustomerTenant) => void,
): Promise<void> {
  const { page } = journey;
  const localPart = `ada-${Date.now().toString(36)}`;
  const email = `${localPart}@example.com`;
  const tenant: CustomerTenant = {
    email,
    tenantName: `${localPart}'s team`,
    todosCreated: 0,
    todosCompleted: 0,
  };
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  // Sign up.
  await page.goto(env.webAppUrl);
  await heading('Sign in').waitFor();
  await journey.milestone('sign-in page');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await heading('Create an account').waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await journey.milestone('sign-up form');
  const signedUpAt = new Date(Date.now() - 1000);
  await page.getByRole('button', { name: 'Create account' }).click();
  await heading('Confirm your e-mail').waitFor();

  // The verification code, from the inbox (cognito-local sends it through the SES engine).
  const verification = await env.inbox.waitForEmail(
    (mail) => mail.destination.to.includes(email) && mail.at * 1000 >= signedUpAt.getTime() - 1000,
    { timeoutMs: 20_000 },
  );
  const code = /\b(\d{6})\b/.exec(`${verification.body.text ?? ''} ${verification.body.html ?? ''}`)?.[1];
  expect(code, `a six-digit code in the verification e-mail "${verification.subject}"`).toBeDefined();
  await page.getByLabel('Confirmation code').fill(code ?? '');
  await journey.milestone('confirmation code entered');
  await page.getByRole('button', { name: 'Confirm' }).click();
  onTenant(tenant);

  // Sign in.
  await heading('Sign in').waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading('Todos').waitFor();
  await page.getByText('No todos yet').waitFor();
  await journey.milestone('signed in, no todos yet');

  // Todos with due dates and tags.
  const todos = page.getByRole('list', { name: 'Todos' });
  // The titles listed (each todo's checkbox label starts with its title).
  const listed = () => todos.getByRole('listitem').locator('label > span:first-of-type').allTextContents();
  const addTodo = async (title: string, dueDate: string, tags: string) => {
    const form = page.getByRole('form', { name: 'Add todo' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Due date').fill(dueDate);
    await form.getByLabel('Tags').fill(tags);
    await form.getByRole('button', { name: 'Add todo' }).click();
    await todos.getByRole('checkbox', { name: title }).waitFor();
    tenant.todosCreated += 1;
  };
  await addTodo('Plan the team offsite', day(10), 'work, planning');
  await addTodo('Water the plants', day(20), 'home');
  await expect.poll(listed).toEqual(['Water the plants', 'Plan the team offsite']);
  const offsite = todos.getByRole('listitem').filter({ hasText: 'Plan the team offsite' });
  expect(await offsite.textContent()).toContain(`Due ${day(10)}`);
  expect(await offsite.locator('.tag').allTextContents()).toEqual(['work', 'planning']);
  await journey.milestone('two todos with due dates and tags');

  // Complete one.
  const plants = todos.getByRole('checkbox', { name: 'Water the plants' });
  // A controlled checkbox: it turns checked once the API has completed the todo, not on the click.
  await plants.click();
  await expect.poll(() => plants.isChecked()).toBe(true);
  await expect.poll(() => plants.isEnabled()).toBe(true);
  tenant.todosCompleted += 1;
  await journey.milestone('one todo completed');

  // Filter by status, then by due date.
  const status = page.getByLabel('Status');
  await status.selectOption({ label: 'Done' });
  await page.waitForURL(/status=DONE/);
  await expect.poll(listed).toEqual(['Water the plants']);
  await journey.milestone('filter done');
  await status.selectOption({ label: 'Open' });
  await page.waitForURL(/status=OPEN/);
  await expect.poll(listed).toEqual(['Plan the team offsite']);
  await status.selectOption({ label: 'All' });
  await page.getByLabel('Due to').fill(day(15));
  await page.waitForURL(/dueTo=/);
  await expect.poll(listed).toEqual(['Plan the team offsite']);
  await journey.milestone('filter due within 15 days');
  await page.getByLabel('Due to').fill('');
  await page.waitForURL((url) => !url.search.includes('dueTo'));

  // The due-soon e-mail for a todo due today.
  const dueToday = 'Pay the electricity bill';
  await addTodo(dueToday, day(0), 'home, bills');
  await journey.milestone('todo due today');
  // The schedule runs every 15 minutes; a test cannot wait for it, so it fires that schedule now
  // through the sandbox's Scheduler — same target, input, asynchronous invoke and retries.
  const firing = await runScheduleNow(env.sandbox, DUE_SOON_ENTRY);
  expect(firing, `the due-soon schedule's firing: ${firing.error ?? ''}`).toMatchObject({ delivered: true });
  const reminder = await env.inbox.waitForEmail(
    (mail) => mail.destination.to.includes(email) && mail.subject.includes(dueToday),
    { timeoutMs: 45_000 },
  );
  expect(reminder.subject).toMatch(/^Due /);
  const app = page.url();
  await page.goto(env.inboxPageUrl);
  await page.getByText(reminder.subject).first().waitFor();
  await journey.milestone('due-soon e-mail in the inbox');
  await page.goto(app);
  await heading('Todos').waitFor();

  // Attach an image: a real PNG, uploaded slowly enough to see the progress bar.
  await page.getByRole('link', { name: 'Open Plan the team offsite' }).click();
  await heading('Plan the team offsite').waitFor();
  const png = noisePng(512, 512);
  await page
    .getByLabel('File to attach')
    .setInputFiles({ name: 'whiteboard.png', mimeType: 'image/png', buffer: png });
  const network = await journey.context.newCDPSession(page);
  await network.send('Network.enable');
  const throttle = (uploadThroughput: number) =>
    network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput,
    });
  await throttle(256 * 1024); // the 770 KB upload takes about three seconds
  await page.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('progressbar').waitFor();
  await journey.milestone('upload progress');
  await throttle(-1);
  const thumbnail = page
    .getByRole('list', { name: 'Attachments' })
    .getByRole('img', { name: `Image attachment, ${sizeLabel(png.length)}` });
  const uploadError = page.getByRole('form', { name: 'Attach a file' }).getByRole('alert');
  await thumbnail.or(uploadError).waitFor({ timeout: 60_000 });
  if (await uploadError.isVisible()) throw new Error(`the upload failed: ${await uploadError.textContent()}`);
  await thumbnail.scrollIntoViewIfNeeded(); // loading="lazy": it loads once near the viewport
  await expect
    .poll(() => thumbnail.evaluate((img) => (img as unknown as LoadedImage).naturalWidth), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  // The processor's 256 px WebP rendition, not the 512 px original (which the image links to).
  expect(await thumbnail.evaluate((img) => (img as unknown as LoadedImage).naturalWidth)).toBe(256);
  const original = await page.getByRole('link', { name: /^Image attachment/ }).getAttribute('href');
  expect(await thumbnail.getAttribute('src')).not.toBe(original);
  await journey.milestone('thumbnail');
}
