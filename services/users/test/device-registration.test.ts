import { createObservability } from '@stratum/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { InMemoryEventData } from '../../gateway/test/support/in-memory-event-data.ts';
import { parsePlatformApplicationArn } from '../src/push/push-service.ts';
import { createSnsPushEndpoints } from '../src/push/sns-push-endpoints.ts';
import { createUsersHandler } from '../src/users-handler.ts';
import { fakeSnsEndpoints } from './support/fake-sns-endpoints.ts';

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };
const alan = { ...ada, userId: 'user-a2', role: 'member' };
const staff = { principalType: 'staff', userId: 'staff-1', groups: ['staff'] };
const APNS_APP = 'arn:aws:sns:eu-west-1:111122223333:app/APNS_SANDBOX/stratum';
const APNS_TOKEN = 'a1'.repeat(32);
const FCM_TOKEN = `dXvFq1R2S3:APA91b${'x_Y-z'.repeat(30)}`;

const REGISTER =
  'mutation ($p: PushPlatform!, $t: String!, $d: ID!) { registerDevice(platform: $p, token: $t, deviceId: $d) { deviceId platform registeredAt } }';
const UNREGISTER = 'mutation ($d: ID!) { unregisterDevice(deviceId: $d) }';

function setUp(applicationArn: string | null = APNS_APP) {
  const fake = fakeSnsEndpoints();
  const eventData = new InMemoryEventData();
  const { logger } = createObservability('users-test');
  logger.setLogLevel('SILENT');
  const handler = createUsersHandler({
    dataStore: () => new InMemoryDataStore(),
    eventData: () => eventData,
    push: applicationArn
      ? createSnsPushEndpoints(fake.client, parsePlatformApplicationArn(applicationArn))
      : null,
    logger,
  });
  const run = (principal: object, query: string, variables: Record<string, unknown>) =>
    handler({ query, variables, principal, correlationId: 'c1' });
  const stored = (userId: string) => eventData.devicesByUser.get(userId) ?? new Map();
  return { ...fake, run, stored };
}

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('registerDevice / unregisterDevice', () => {
  it('creates an enabled SNS endpoint owned by the device and stores it for notifications', async () => {
    const { run, stored, endpoints, sns } = setUp();
    restore = () => sns.restore();
    const result = await run(ada, REGISTER, { p: 'APNS', t: APNS_TOKEN.toUpperCase(), d: 'iphone-1' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.registerDevice).toEqual({
      deviceId: 'iphone-1',
      platform: 'APNS',
      registeredAt: expect.any(String),
    });
    const device = stored('user-a1').get('iphone-1');
    expect(device).toMatchObject({
      platform: 'APNS_SANDBOX',
      endpointArn: expect.stringContaining(':endpoint/APNS_SANDBOX/stratum/'),
    });
    expect(endpoints.get(device?.endpointArn ?? '')).toEqual({
      Token: APNS_TOKEN, // lower-cased: one spelling per device
      Enabled: 'true',
      CustomUserData: JSON.stringify({ userId: 'user-a1', deviceId: 'iphone-1' }),
    });
  });

  it('re-enables an endpoint SNS disabled, and replaces the endpoint when the token changes', async () => {
    const { run, stored, endpoints, sns } = setUp();
    restore = () => sns.restore();
    await run(ada, REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'iphone-1' });
    const first = stored('user-a1').get('iphone-1')?.endpointArn ?? '';
    endpoints.set(first, { ...(endpoints.get(first) ?? {}), Enabled: 'false' });
    await run(ada, REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'iphone-1' });
    expect(stored('user-a1').get('iphone-1')?.endpointArn).toBe(first);
    expect(endpoints.get(first)?.Enabled).toBe('true');

    await run(ada, REGISTER, { p: 'APNS', t: 'b2'.repeat(32), d: 'iphone-1' });
    const second = stored('user-a1').get('iphone-1')?.endpointArn;
    expect(second).not.toBe(first);
    expect(endpoints.has(first)).toBe(false);
    expect([...endpoints.keys()]).toEqual([second]);
  });

  it('moves a phone to the user who registers it last: the previous user stops receiving its pushes', async () => {
    const { run, stored, endpoints, sns } = setUp();
    restore = () => sns.restore();
    await run(ada, REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'shared-ipad' });
    const result = await run(alan, REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'shared-ipad' });
    expect(result.errors).toBeUndefined();
    expect(stored('user-a1').size).toBe(0);
    const endpointArn = stored('user-a2').get('shared-ipad')?.endpointArn ?? '';
    expect(JSON.parse(endpoints.get(endpointArn)?.CustomUserData ?? '{}')).toEqual({
      userId: 'user-a2',
      deviceId: 'shared-ipad',
    });
    // Ada's late sign-out must not delete the endpoint Alan now uses.
    expect((await run(ada, UNREGISTER, { d: 'shared-ipad' })).data).toEqual({ unregisterDevice: true });
    expect(endpoints.has(endpointArn)).toBe(true);
  });

  it('unregisters idempotently: the record and the endpoint go, an unknown device is fine', async () => {
    const { run, stored, endpoints, sns } = setUp();
    restore = () => sns.restore();
    await run(ada, REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'iphone-1' });
    expect((await run(ada, UNREGISTER, { d: 'iphone-1' })).data).toEqual({ unregisterDevice: true });
    expect(stored('user-a1').size).toBe(0);
    expect(endpoints.size).toBe(0);
    expect(await run(ada, UNREGISTER, { d: 'iphone-1' })).toEqual({ data: { unregisterDevice: true } });
  });

  it('accepts an FCM token when the stage application is GCM, and reports the platform as FCM', async () => {
    const { run, stored, sns } = setUp('arn:aws:sns:eu-west-1:111122223333:app/GCM/stratum');
    restore = () => sns.restore();
    const result = await run(ada, REGISTER, { p: 'FCM', t: FCM_TOKEN, d: 'pixel-1' });
    expect(result.data?.registerDevice).toMatchObject({ platform: 'FCM' });
    expect(stored('user-a1').get('pixel-1')?.platform).toBe('GCM');
  });

  it.each([
    [null, 'APNS', 'Push notifications through APNS are not configured for this stage.'],
    [APNS_APP, 'FCM', 'Push notifications through FCM are not configured for this stage.'],
  ])('with application %s, %s devices get a clear BAD_USER_INPUT on platform', async (app, p, message) => {
    const { run, stored, sns } = setUp(app);
    restore = () => sns.restore();
    const t = p === 'APNS' ? APNS_TOKEN : FCM_TOKEN;
    const result = await run(ada, REGISTER, { p, t, d: 'device-1' });
    expect(result.errors).toEqual([
      expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT', field: 'platform' } }),
    ]);
    expect(stored('user-a1').size).toBe(0);
    expect(sns.calls()).toHaveLength(0);
  });

  it.each([
    ['APNS', 'zz'.repeat(32), 'd1', 'token', 'hexadecimal'],
    ['APNS', 'ab'.repeat(16), 'd1', 'token', 'at least 64 hex digits'],
    ['APNS', `${'a'.repeat(65)}`, 'd1', 'token', 'even number of hex digits'],
    ['APNS', 'ab'.repeat(101), 'd1', 'token', 'at most 200 hex digits'],
    ['FCM', 'short:token', 'd1', 'platform', 'not configured'],
    ['APNS', APNS_TOKEN, 'a#b', 'deviceId', 'expected 1-64 letters'],
    ['APNS', APNS_TOKEN, '', 'deviceId', 'expected 1-64 letters'],
  ])('%s token %s on device %s → BAD_USER_INPUT naming %s', async (p, t, d, field, reason) => {
    const { run, sns } = setUp();
    restore = () => sns.restore();
    const result = await run(ada, REGISTER, { p, t, d });
    expect(result.errors?.[0]?.message).toContain(reason);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(sns.calls()).toHaveLength(0);
  });

  it.each([
    ['has a space', `${FCM_TOKEN.slice(0, 40)} ${FCM_TOKEN.slice(40)}`, 'only letters, digits'],
    ['is too short', 'abc:def', 'at least 32 characters'],
    ['is too long', 'a'.repeat(4097), 'at most 4096 characters'],
  ])('an FCM token that %s → BAD_USER_INPUT naming token', async (_, t, reason) => {
    const { run, sns } = setUp('arn:aws:sns:eu-west-1:111122223333:app/GCM/stratum');
    restore = () => sns.restore();
    const result = await run(ada, REGISTER, { p: 'FCM', t, d: 'pixel-1' });
    expect(result.errors?.[0]?.message).toContain(reason);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('maps a token the push service refuses to BAD_USER_INPUT on token', async () => {
    const { run, stored, sns } = setUp('arn:aws:sns:eu-west-1:111122223333:app/GCM/stratum');
    restore = () => sns.restore();
    const result = await run(ada, REGISTER, { p: 'FCM', t: `bad${FCM_TOKEN}`, d: 'pixel-1' });
    expect(result.errors?.[0]).toMatchObject({
      message: 'Invalid token: the FCM service refused it.',
      extensions: { code: 'BAD_USER_INPUT', field: 'token' },
    });
    expect(stored('user-a1').size).toBe(0);
  });

  it('refuses staff (FORBIDDEN): devices belong to signed-in customers', async () => {
    const { run, sns } = setUp();
    restore = () => sns.restore();
    for (const [query, variables] of [
      [REGISTER, { p: 'APNS', t: APNS_TOKEN, d: 'd1' }],
      [UNREGISTER, { d: 'd1' }],
    ] as const) {
      const result = await run(staff, query, variables);
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    }
    expect(sns.calls()).toHaveLength(0);
  });
});

describe('parsePlatformApplicationArn', () => {
  it('derives the platform and the client-facing service from the ARN', () => {
    expect(parsePlatformApplicationArn(APNS_APP)).toEqual({
      arn: APNS_APP,
      platform: 'APNS_SANDBOX',
      service: 'APNS',
    });
    expect(parsePlatformApplicationArn('arn:aws:sns:us-east-1:111122223333:app/GCM/x').service).toBe('FCM');
  });

  it.each(['arn:aws:sns:eu-west-1:111122223333:app/ADM/x', 'arn:aws:sns:eu-west-1:1111:app/GCM/x', 'GCM'])(
    'fails fast, naming the variable, for %s',
    (arn) => {
      expect(() => parsePlatformApplicationArn(arn)).toThrow(
        /^PLATFORM_APPLICATION_ARN must be an SNS platform/,
      );
    },
  );
});
