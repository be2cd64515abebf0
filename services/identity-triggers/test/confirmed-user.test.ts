import { describe, expect, it } from 'vitest';
import { parsePostConfirmation } from '../src/confirmed-user.ts';
import { postConfirmationEvent } from './fakes.ts';

const attributes = { sub: 'user-1', email: 'Grace.Hopper@Navy.MIL' };

describe('parsePostConfirmation', () => {
  it('reads the user, lower-casing the e-mail and defaulting the display name to its local part', () => {
    expect(parsePostConfirmation(postConfirmationEvent({ userAttributes: attributes }))).toEqual({
      kind: 'sign-up',
      user: {
        userPoolId: 'eu-west-1_Customers',
        userName: 'a1b2c3d4-user',
        userId: 'user-1',
        email: 'grace.hopper@navy.mil',
        displayName: 'grace.hopper',
        requestedTenantName: null,
      },
    });
  });

  it('cleans the client-supplied names: control characters, runs of spaces, length', () => {
    const parsed = parsePostConfirmation(
      postConfirmationEvent({
        userAttributes: {
          ...attributes,
          name: '  Grace \n Hopper ',
          'custom:tenant_name': `Navy\u0000 ${'x'.repeat(200)}`,
        },
      }),
    );
    if (parsed.kind !== 'sign-up') throw new Error('expected a sign-up');
    expect(parsed.user.displayName).toBe('Grace Hopper');
    expect(parsed.user.requestedTenantName).toBe(`Navy ${'x'.repeat(95)}`);
  });

  it('treats a blank tenant name as none', () => {
    const parsed = parsePostConfirmation(
      postConfirmationEvent({ userAttributes: { ...attributes, 'custom:tenant_name': ' \t ' } }),
    );
    expect(parsed.kind === 'sign-up' && parsed.user.requestedTenantName).toBe(null);
  });
});
