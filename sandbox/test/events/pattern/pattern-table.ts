import { describe, expect, it } from 'vitest';
import { compilePattern, EventPatternError, matches } from '../../../src/events/pattern/index.ts';

/** One pattern with events that must match it and events that must not. */
export interface PatternCase {
  readonly name: string;
  readonly pattern: Record<string, unknown>;
  readonly match: readonly unknown[];
  readonly noMatch: readonly unknown[];
}

/** A pattern EventBridge refuses, with the path the error must name and a fragment of its reason. */
export interface InvalidCase {
  readonly name: string;
  readonly pattern: unknown;
  readonly path: string;
  readonly reason: RegExp;
}

/** An event envelope as EventBridge delivers it, with `detail` (and any top-level fields) given. */
export function envelope(detail: unknown, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '0',
    id: '6f9c2b0e-3c1a-4f7e-9a51-2d8f0c4b7e11',
    'detail-type': 'TodoUpdated',
    source: 'stratum.todo',
    account: '000000000000',
    time: '2025-03-14T09:26:53Z',
    region: 'eu-west-1',
    resources: [],
    detail,
    ...fields,
  };
}

const label = (event: unknown): string => JSON.stringify(event) ?? String(event);

/** Registers one test per (pattern, event) pair so a failure names the exact event. */
export function describePatterns(title: string, cases: readonly PatternCase[]): void {
  describe(title, () => {
    for (const testCase of cases) {
      describe(testCase.name, () => {
        for (const event of testCase.match) {
          it(`matches ${label(event)}`, () => {
            expect(matches(compilePattern(testCase.pattern), event)).toBe(true);
          });
        }
        for (const event of testCase.noMatch) {
          it(`does not match ${label(event)}`, () => {
            expect(matches(compilePattern(testCase.pattern), event)).toBe(false);
          });
        }
      });
    }
  });
}

/** Registers one test per invalid pattern, checking the error's class, path and reason. */
export function describeInvalidPatterns(title: string, cases: readonly InvalidCase[]): void {
  describe(title, () => {
    for (const testCase of cases) {
      it(`refuses ${testCase.name} at ${testCase.path}`, () => {
        let caught: unknown;
        try {
          compilePattern(testCase.pattern);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(EventPatternError);
        const error = caught as EventPatternError;
        expect(error.path).toBe(testCase.path);
        expect(error.reason).toMatch(testCase.reason);
        expect(error.message).toContain(testCase.path);
      });
    }
  });
}
