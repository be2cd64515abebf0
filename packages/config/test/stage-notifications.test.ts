import { describe, expect, it } from 'vitest';
import config from '../../../stratum.config.ts';
import {
  ConfigError,
  defineConfig,
  resolveNotifications,
  resolveStages,
  type StratumConfigInput,
} from '../src/index.ts';

const byName = (input: Parameters<typeof resolveStages>[0], previews: number[] = []) =>
  Object.fromEntries(resolveStages(input, { previewNumbers: previews }).map((stage) => [stage.name, stage]));

/** The shipped example with `notifications` of one stage replaced. */
function withNotifications(stage: 'dev' | 'prod', notifications: Record<string, string>) {
  const input = structuredClone(config) as StratumConfigInput;
  input.stages[stage] = { ...input.stages[stage], notifications };
  return defineConfig(input);
}

describe('stage notifications', () => {
  it('default to the stage domain: identity, no-reply sender, https app URL, no push', () => {
    const stages = byName(config, [7]);
    expect(stages.dev?.notifications).toEqual({
      emailIdentity: 'dev.stratum.example.com',
      senderAddress: 'no-reply@dev.stratum.example.com',
      appUrl: 'https://dev.stratum.example.com',
    });
    expect(stages['preview-7']?.notifications.emailIdentity).toBe('pr-7.preview.stratum.example.com');
    expect(stages.prod?.notifications.senderAddress).toBe('no-reply@stratum.example.com');
    expect(stages['prod-acme']?.notifications.emailIdentity).toBe('acme.stratum.example.com');
    expect(stages.local?.notifications.appUrl).toBe('http://localhost:5173');
  });

  it('take the settings a stage gives, and pass them to its tenants field by field', () => {
    const push = 'arn:aws:sns:eu-west-1:101010101010:app/APNS/stratum';
    const custom = withNotifications('prod', {
      emailIdentity: 'mail.example.org',
      senderAddress: 'Acme <hello@mail.example.org>',
      pushPlatformApplicationArn: push,
    });
    const stages = byName(custom);
    expect(stages.prod?.notifications).toEqual({
      emailIdentity: 'mail.example.org',
      senderAddress: 'Acme <hello@mail.example.org>',
      appUrl: 'https://stratum.example.com',
      pushPlatformApplicationArn: push,
    });
    expect(stages['prod-acme']?.notifications.pushPlatformApplicationArn).toBe(push);
    const overridden = defineConfig({
      ...(structuredClone(custom) as StratumConfigInput),
      tenants: [
        {
          tenant: 'acme',
          account: 'prod-acme',
          overrides: { notifications: { appUrl: 'https://todo.acme.example/' } },
        },
      ],
    });
    expect(byName(overridden)['prod-acme']?.notifications).toEqual({
      emailIdentity: 'mail.example.org',
      senderAddress: 'Acme <hello@mail.example.org>',
      appUrl: 'https://todo.acme.example',
      pushPlatformApplicationArn: push,
    });
  });

  it('send from the address itself when the identity is an address', () => {
    expect(resolveNotifications({ emailIdentity: 'ops@example.com' }, 'dev.example.com', 'p')).toMatchObject({
      emailIdentity: 'ops@example.com',
      senderAddress: 'ops@example.com',
    });
  });

  it('refuse a sender outside the identity, naming the field', () => {
    const foreign = withNotifications('dev', { senderAddress: 'no-reply@example.org' });
    let error: unknown;
    try {
      resolveStages(foreign);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      {
        path: 'stages.dev.notifications.senderAddress',
        message: expect.stringMatching(/not inside the SES identity "dev\.stratum\.example\.com"/),
      },
    ]);
    expect(() =>
      resolveNotifications(
        { emailIdentity: 'ops@example.com', senderAddress: 'other@example.com' },
        'x.y',
        'p',
      ),
    ).toThrow(/not inside the SES identity "ops@example.com"/);
  });

  it('reject malformed settings in defineConfig', () => {
    const input = structuredClone(config) as StratumConfigInput;
    input.stages.dev = {
      ...input.stages.dev,
      notifications: {
        emailIdentity: 'Not A Domain',
        senderAddress: 'nobody',
        appUrl: 'ftp://files.example.com',
        pushPlatformApplicationArn: 'arn:aws:sns:eu-west-1:123456789012:topic',
      },
    };
    let error: unknown;
    try {
      defineConfig(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      ['appUrl', 'emailIdentity', 'pushPlatformApplicationArn', 'senderAddress'].map(
        (field) => `stages.dev.notifications.${field}`,
      ),
    );
  });
});
