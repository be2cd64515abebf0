import { MEDIA_CONTENT_TYPES } from '@stratum/data';
import { describe, expect, it } from 'vitest';
import { STRONG_PASSWORD_POLICY } from '../../../infra/src/app/user-pool-security.ts';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULES, passwordMeetsPolicy } from '../src/auth/password-policy.ts';
import { ACCEPTED_MEDIA_TYPES } from '../src/media/media-api.ts';

describe('what the app shows matches what the back end enforces', () => {
  it('password rules mirror the user pool policy', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(STRONG_PASSWORD_POLICY.minLength);
    const ids = PASSWORD_RULES.map((rule) => rule.id);
    expect(ids.includes('lower')).toBe(STRONG_PASSWORD_POLICY.requireLowercase);
    expect(ids.includes('upper')).toBe(STRONG_PASSWORD_POLICY.requireUppercase);
    expect(ids.includes('digit')).toBe(STRONG_PASSWORD_POLICY.requireDigits);
    expect(ids.includes('symbol')).toBe(STRONG_PASSWORD_POLICY.requireSymbols);
  });

  it('password checks accept a strong password and name what a weak one lacks', () => {
    expect(passwordMeetsPolicy('Correct-horse-9')).toBe(true);
    expect(passwordMeetsPolicy('correct-horse-9')).toBe(false);
    const failed = PASSWORD_RULES.filter((rule) => !rule.test('Short1!')).map((rule) => rule.id);
    expect(failed).toEqual(['length']);
  });

  it('the file picker offers exactly the media types the API accepts', () => {
    expect([...ACCEPTED_MEDIA_TYPES].sort()).toEqual([...MEDIA_CONTENT_TYPES].sort());
  });
});
