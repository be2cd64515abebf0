import { describe, expect, it } from 'vitest';
import example from '../../../stratum.config.ts';
import { ConfigError, defineConfig, type StratumConfigInput } from '../src/index.ts';

/** The shipped example, as input, so each test can break one thing. */
function exampleInput(): StratumConfigInput {
  return structuredClone(example) as StratumConfigInput;
}

function issuesOf(input: unknown): ConfigError['issues'] {
  try {
    defineConfig(input as StratumConfigInput);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('defineConfig accepted an invalid configuration');
}

describe('defineConfig', () => {
  it('accepts the shipped example', () => {
    expect(() => defineConfig(exampleInput())).not.toThrow();
  });

  it('names every bad field, with what is expected, in one error', () => {
    const input = exampleInput() as Record<string, unknown> & {
      stages: Record<string, Record<string, unknown>>;
    };
    input.homeRegion = 'Ireland';
    (input.accounts as Record<string, { id: string }>).dev = {
      id: '123',
      email: 'not-an-email',
      ou: 'Workloads/NonProd',
    } as never;
    input.stages.dev = { ...input.stages.dev, logRetentionDays: 42 };
    input.stages.staging = { ...input.stages.staging, unknownSetting: true };

    const issues = issuesOf(input);
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath.homeRegion).toMatch(/AWS region name/);
    expect(byPath['accounts.dev.id']).toMatch(/12-digit/);
    expect(byPath['accounts.dev.email']).toMatch(/e-mail/);
    expect(byPath['stages.dev.logRetentionDays']).toMatch(/retention periods: 1, 3, 5/);
    expect(
      issues.some((issue) => issue.path === 'stages.staging' && /unknownSetting/.test(issue.message)),
    ).toBe(true);
    expect(issues).toHaveLength(5);
  });

  it('formats the issues as one readable message', () => {
    const input = exampleInput() as Record<string, unknown>;
    input.project = 'Not A Slug';
    input.owner = '';
    try {
      defineConfig(input as StratumConfigInput);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^stratum\.config\.ts has 2 problems:\n {2}- project: .*\n {2}- owner: /,
      );
    }
  });

  it('rejects references to accounts that do not exist and duplicated ids or e-mails', () => {
    const input = exampleInput() as StratumConfigInput & { stages: { dev: { account: string } } };
    input.stages.dev.account = 'nope';
    input.accounts.staging = { ...input.accounts.prod, id: input.accounts.prod?.id ?? '' } as never;
    input.tenants = [{ tenant: 'acme', account: 'missing' }];
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'stages.dev.account',
        'tenants.0.account',
        'accounts.prod.id',
        'accounts.prod.email',
      ]),
    );
  });

  it('refuses a production stage without deletion protection or that destroys data', () => {
    const input = exampleInput() as StratumConfigInput & { stages: { prod: Record<string, unknown> } };
    input.stages.prod.deletionProtection = false;
    input.stages.prod.removalPolicy = 'destroy';
    input.tenants = [{ tenant: 'acme', account: 'prod-acme', overrides: { deletionProtection: false } }];
    const paths = issuesOf(input).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'stages.prod.deletionProtection',
        'stages.prod.removalPolicy',
        'tenants.0.overrides.deletionProtection',
      ]),
    );
  });
});
