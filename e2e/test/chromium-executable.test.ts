import { describe, expect, it } from 'vitest';
import { ChromiumNotFoundError, chromiumExecutable } from '../src/chromium-executable.ts';

describe('chromiumExecutable', () => {
  it('uses CHROMIUM_PATH when it is an executable', () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  it('refuses a CHROMIUM_PATH that does not exist rather than picking another browser', () => {
    const attempt = () => chromiumExecutable({ CHROMIUM_PATH: '/nowhere/chromium' });
    expect(attempt).toThrow(ChromiumNotFoundError);
    expect(attempt).toThrow(/tried \/nowhere\/chromium\)\. Run scripts\/setup-system\.sh/);
  });

  it('honours STRATUM_CHROMIUM, the variable scripts/setup-system.sh reads', () => {
    expect(chromiumExecutable({ STRATUM_CHROMIUM: process.execPath })).toBe(process.execPath);
  });
});
