import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { startSesLocalEngine } from '../../src/engines/index.ts';
import { expectEngineContract } from './engine-contract.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

describe('startSesLocalEngine', () => {
  it('keeps the engine contract', async () => {
    await expectEngineContract(startSesLocalEngine, 'aws-ses-v2-local');
  });

  it('reads sent e-mail from the inbox, clears it, and starts empty (no persistence)', async () => {
    const ses = await startSesLocalEngine({ dataDir: '/nonexistent/ignored' });
    try {
      expect(ses.persistent).toBe(false);
      const client = new SESv2Client({ endpoint: ses.endpoint, region: 'us-east-1', credentials });
      const before = new Date(Date.now() - 1_000);
      const { MessageId } = await client.send(
        new SendEmailCommand({
          FromEmailAddress: 'noreply@stratum.dev',
          Destination: { ToAddresses: ['ada@example.com'], CcAddresses: ['bob@example.com'] },
          Content: {
            Simple: { Subject: { Data: 'Hi' }, Body: { Html: { Data: '<p>Hi</p>' }, Text: { Data: 'Hi' } } },
          },
        }),
      );
      const emails = await ses.inbox.emails({ since: before });
      expect(emails).toEqual([
        expect.objectContaining({
          messageId: MessageId,
          from: 'noreply@stratum.dev',
          destination: { to: ['ada@example.com'], cc: ['bob@example.com'], bcc: [] },
          subject: 'Hi',
          body: { html: '<p>Hi</p>', text: 'Hi' },
        }),
      ]);
      await ses.inbox.clear();
      expect(await ses.inbox.emails()).toEqual([]);
      await expect(ses.inbox.waitForEmail(() => true, { timeoutMs: 100 })).rejects.toThrow(/within 100 ms/);
    } finally {
      await ses.stop();
    }
  });

  it('reports an engine that dies on its own as an unexpected exit', async () => {
    const ses = await startSesLocalEngine();
    expect(ses.pid).toBeTypeOf('number');
    process.kill(ses.pid ?? 0, 'SIGKILL');
    await expect(ses.exited).resolves.toMatchObject({
      expected: false,
      reason: expect.stringContaining('SIGKILL'),
    });
    await ses.stop();
  });
});
