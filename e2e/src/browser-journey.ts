import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { chromiumExecutable } from './chromium-executable.ts';

/** `e2e/artifacts/` (gitignored): one folder of screenshots per journey, plus a trace when it fails. */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '..', 'artifacts');

/** How much of the browser's own complaints a failure message carries. */
const MAX_PROBLEMS = 30;

/** A journey that failed: the original error, with the browser's console errors and the trace's path. */
export class JourneyFailedError extends Error {
  override readonly name = 'JourneyFailedError';

  constructor(
    readonly journey: string,
    readonly problems: readonly string[],
    readonly tracePath: string | undefined,
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    const lines = [
      `journey "${journey}" failed: ${reason}`,
      problems.length > 0
        ? 'what the browser reported (console errors, failed requests, HTTP errors):'
        : 'the browser reported no console errors, failed requests or HTTP errors',
      ...problems.slice(-MAX_PROBLEMS).map((problem) => `  ${problem}`),
      `screenshots: ${join(ARTIFACTS_DIR, journey)}`,
      ...(tracePath ? [`trace: ${tracePath} (open with \`npx playwright-core show-trace <file>\`)`] : []),
    ];
    super(lines.join('\n'), options);
  }
}

/** Headless Chromium from the system (see chromiumExecutable), launched once per test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    // Shared CI machines have a small /dev/shm; Chromium then crashes tabs without this.
    args: ['--disable-dev-shm-usage'],
  });
}

/**
 * One journey in its own browser context (fresh cookies and storage): a page, numbered
 * screenshots at each milestone in `e2e/artifacts/<journey>/NN-<step>.png`, and everything the
 * browser complained about (console errors, uncaught exceptions, failed requests) kept for the
 * failure message.
 */
export class BrowserJourney {
  /** Console errors, page errors, failed requests and HTTP error responses, in order. */
  readonly problems: string[] = [];
  private screenshots = 0;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    readonly dir: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        this.problems.push(`console: ${message.text()} (${message.location().url || page.url()})`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) =>
      this.problems.push(
        `request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? '?'}`,
      ),
    );
  }

  static async open(browser: Browser, name: string): Promise<BrowserJourney> {
    const dir = join(ARTIFACTS_DIR, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await context.tracing.start({ screenshots: true, snapshots: true, title: name });
    return new BrowserJourney(name, context, await context.newPage(), dir);
  }

  /** Screenshot of the whole page as `NN-<step>.png`; returns its path. */
  async milestone(step: string): Promise<string> {
    this.screenshots += 1;
    const slug = step.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const path = join(this.dir, `${String(this.screenshots).padStart(2, '0')}-${slug}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }

  /** Keeps the trace and a last screenshot, then wraps `cause` with what the browser reported. */
  async failed(cause: unknown): Promise<JourneyFailedError> {
    let tracePath: string | undefined = join(this.dir, 'trace.zip');
    try {
      await this.page.screenshot({ path: join(this.dir, 'failure.png'), fullPage: true });
    } catch {
      // The page may be gone (crash, closed context); the trace still says what happened.
    }
    try {
      await this.context.tracing.stop({ path: tracePath });
    } catch {
      tracePath = undefined;
    }
    return new JourneyFailedError(this.name, this.problems, tracePath, { cause });
  }

  async close(): Promise<void> {
    try {
      await this.context.tracing.stop();
    } catch {
      // Already stopped by failed().
    }
    await this.context.close();
  }
}

/**
 * Runs one journey in a fresh context and always closes it; a failure is rethrown as a
 * JourneyFailedError carrying the console errors and the path of the saved trace.
 */
export async function runJourney(
  browser: Browser,
  name: string,
  body: (journey: BrowserJourney) => Promise<void>,
): Promise<void> {
  const journey = await BrowserJourney.open(browser, name);
  try {
    await body(journey);
  } catch (cause) {
    throw await journey.failed(cause);
  } finally {
    await journey.close();
  }
}
