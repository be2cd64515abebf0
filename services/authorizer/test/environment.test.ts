import { EnvironmentError } from '@stratum/runtime';
import { describe, expect, it } from 'vitest';
import { readAuthorizerConfig } from '../src/environment.ts';

const base = {
  CUSTOMER_POOL_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Customer',
  CUSTOMER_POOL_CLIENT_IDS: 'web-a, web-b',
  STAFF_POOL_ISSUER: 'http://127.0.0.1:9229/local_Staff',
  STAFF_POOL_CLIENT_IDS: 'internal',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    readAuthorizerConfig(env);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  throw new Error('expected an EnvironmentError');
}

describe('readAuthorizerConfig', () => {
  it('derives the JWKS location from the issuer and splits the client ids', () => {
    expect(readAuthorizerConfig(base)).toEqual({
      customer: {
        issuer: base.CUSTOMER_POOL_ISSUER,
        clientIds: ['web-a', 'web-b'],
        jwksUri: `${base.CUSTOMER_POOL_ISSUER}/.well-known/jwks.json`,
      },
      staff: {
        issuer: base.STAFF_POOL_ISSUER,
        clientIds: ['internal'],
        jwksUri: 'http://127.0.0.1:9229/local_Staff/.well-known/jwks.json',
      },
    });
  });

  it('uses an explicit JWKS location when given', () => {
    const config = readAuthorizerConfig({
      ...base,
      STAFF_POOL_JWKS_URI: 'http://localhost:4566/keys/staff.json',
    });
    expect(config.staff.jwksUri).toBe('http://localhost:4566/keys/staff.json');
  });

  it('names every missing variable at once', () => {
    const problems = problemsOf({});
    for (const name of [
      'CUSTOMER_POOL_ISSUER',
      'CUSTOMER_POOL_CLIENT_IDS',
      'STAFF_POOL_ISSUER',
      'STAFF_POOL_CLIENT_IDS',
    ]) {
      expect(problems.some((problem) => problem.startsWith(`${name}:`))).toBe(true);
    }
  });

  it('refuses plain HTTP anywhere but loopback', () => {
    const problems = problemsOf({ ...base, CUSTOMER_POOL_JWKS_URI: 'http://keys.example.com/jwks.json' });
    expect(problems).toEqual([expect.stringContaining('CUSTOMER_POOL_JWKS_URI: must be an https:// URL')]);
  });

  it('refuses an empty client id list', () => {
    expect(problemsOf({ ...base, STAFF_POOL_CLIENT_IDS: ' , ' })).toEqual([
      expect.stringContaining('STAFF_POOL_CLIENT_IDS'),
    ]);
  });

  it('refuses the same issuer for both pools', () => {
    expect(problemsOf({ ...base, STAFF_POOL_ISSUER: base.CUSTOMER_POOL_ISSUER })).toEqual([
      expect.stringContaining('STAFF_POOL_ISSUER: the customer and staff pools must have different issuers'),
    ]);
  });
});
