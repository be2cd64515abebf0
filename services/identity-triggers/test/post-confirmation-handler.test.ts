import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { InvalidTriggerEventError } from '../src/errors.ts';
import { createPostConfirmationHandler, type TriggerLogger } from '../src/post-confirmation-handler.ts';
import { InMemoryIdentityStore, postConfirmationEvent, RecordingAttributeWriter } from './fakes.ts';

function setUp() {
  const store = new InMemoryIdentityStore();
  const attributes = new RecordingAttributeWriter();
  const logs: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const logger: TriggerLogger = {
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    error: (message, fields) => logs.push({ level: 'error', message, fields }),
  };
  const handler = createPostConfirmationHandler({ store, attributes, logger });
  return { store, attributes, logs, handler };
}

/** Events are built loosely on purpose (malformed ones too); the handler validates them itself. */
const asEvent = (value: unknown) => value as PostConfirmationTriggerEvent;

describe('post-confirmation handler', () => {
  it('assigns the confirmed user and hands the event back unchanged', async () => {
    const { store, attributes, logs, handler } = setUp();
    const event = asEvent(postConfirmationEvent());
    const before = structuredClone(event);
    const returned = await handler(event);
    expect(returned).toBe(event);
    expect(returned).toEqual(before);
    expect(store.memberList).toEqual([
      expect.objectContaining({ email: 'ada@example.com', userId: 'a1b2c3d4-0000-4000-8000-000000000001' }),
    ]);
    expect(attributes.writes).toEqual([
      expect.objectContaining({ userPoolId: 'eu-west-1_Customers', userName: 'a1b2c3d4-user' }),
    ]);
    expect(logs).toEqual([
      {
        level: 'info',
        message: 'Tenant assigned',
        fields: expect.objectContaining({
          correlationId: 'signup-42',
          outcome: 'founded-tenant',
          role: 'owner',
        }),
      },
    ]);
  });

  it('ignores a forgotten-password confirmation', async () => {
    const { store, attributes, handler } = setUp();
    const event = asEvent(postConfirmationEvent({ triggerSource: 'PostConfirmation_ConfirmForgotPassword' }));
    expect(await handler(event)).toBe(event);
    expect(store.memberList).toEqual([]);
    expect(store.tenantsById.size).toBe(0);
    expect(attributes.writes).toEqual([]);
  });

  it('rejects a malformed event with an error naming what is wrong', async () => {
    const { store, logs, handler } = setUp();
    const event = asEvent(postConfirmationEvent({ userAttributes: { email: 'not-an-email' } }));
    const failure = await handler(event).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidTriggerEventError);
    expect((failure as InvalidTriggerEventError).problems).toEqual([
      expect.stringContaining('request.userAttributes.sub'),
      expect.stringContaining('request.userAttributes.email'),
    ]);
    expect(store.memberList).toEqual([]);
    expect(logs.map((log) => log.message)).toEqual(['Tenant assignment failed']);
  });

  it('rejects an event from another trigger (miswired pool)', async () => {
    const { handler } = setUp();
    const event = asEvent(postConfirmationEvent({ triggerSource: 'PreSignUp_SignUp' }));
    await expect(handler(event)).rejects.toThrow(/triggerSource/);
  });

  it('rejects something that is not an event at all', async () => {
    const { handler } = setUp();
    await expect(handler(asEvent(null))).rejects.toBeInstanceOf(InvalidTriggerEventError);
  });
});
