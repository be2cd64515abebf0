// @vitest-environment happy-dom
import { createServices, parseRuntimeConfig } from '@stratum/web-shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeIdToken,
  json,
  type RecordedCall,
  scriptedFetch,
} from '../../shared/test/support/fake-cognito.ts';
import { App, STAFF_GROUP } from '../src/app.tsx';
import { formatAge } from '../src/operations/dead-letters-api.ts';

const config = parseRuntimeConfig({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Staff1',
  userPoolClientId: 'staff-client',
  cognitoEndpoint: 'http://cognito.test/',
  graphqlUrl: '/graphql',
  stage: 'test',
});

const queue = (name: string, depth: number, mode: string, explanation: string) => ({
  name,
  feeds: `what ${name} holds`,
  kind: mode === 'NONE' ? 'PIPE' : 'SQS_QUEUE',
  approximateDepth: depth,
  approximateInFlight: 0,
  oldestMessageAgeSeconds: depth > 0 ? 7200 : null,
  redrive: { mode, explanation },
  lastMoveTask: null,
});

function api(redriven: { count: number }) {
  return (call: RecordedCall): Response => {
    const query = String(call.body.query);
    if (query.includes('redriveDeadLetters')) {
      redriven.count += 1;
      expect(call.body.variables).toEqual({ queue: 'notifications' });
      return json(200, {
        data: {
          redriveDeadLetters: {
            mode: 'MOVE_TO_SOURCE',
            reinvoked: 0,
            skipped: 0,
            summary: 'Moving the messages of notifications back to notifications-queue.',
            moveTask: null,
          },
        },
      });
    }
    if (query.includes('deadLetterMessages')) {
      return json(200, {
        data: {
          deadLetterMessages: [
            {
              messageId: 'm-1',
              body: '{"detail-type":"MemberInvited"}',
              sentAt: '2030-01-01T00:00:00.000Z',
              receiveCount: 6,
              attributes: [{ name: 'ERROR_CODE', value: 'SQSError' }],
              failure: { code: 'SQSError', message: 'Access denied', attempts: 9 },
            },
          ],
        },
      });
    }
    return json(200, {
      data: {
        deadLetterQueues: [
          queue('notifications', redriven.count > 0 ? 0 : 3, 'MOVE_TO_SOURCE', 'A move task puts them back.'),
          queue('table-stream-pipe', 1, 'NONE', 'These describe stream batches.'),
        ],
      },
    });
  };
}

async function signInAndOpen() {
  const user = userEvent.setup();
  const redriven = { count: 0 };
  const answer = api(redriven);
  const idToken = fakeIdToken({ groups: ['staff'], email: 'ops@example.com' });
  const backend = scriptedFetch((call) =>
    call.url === config.cognitoEndpoint
      ? json(200, { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r' } })
      : answer(call),
  );
  const services = createServices(config, {
    sessionStorage: window.sessionStorage,
    requiredGroup: STAFF_GROUP,
    fetch: backend.fetch,
  });
  render(<App services={services} />);
  await user.type(screen.getByLabelText('E-mail'), 'ops@example.com');
  await user.type(screen.getByLabelText('Password'), 'Correct-horse-9');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await user.click(await screen.findByRole('link', { name: 'Dead-letter queues' }));
  await screen.findByRole('heading', { name: 'Dead-letter queues', level: 1 });
  return { user, backend, redriven };
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

describe('the dead-letter queues page', () => {
  it('lists each queue with its depth and age, and offers redrive only where it exists', async () => {
    await signInAndOpen();
    const notifications = (await screen.findByRole('rowheader', { name: /notifications/ })).closest(
      'tr',
    ) as HTMLElement;
    expect(within(notifications).getByText('3')).toBeTruthy();
    expect(within(notifications).getByText('2 h')).toBeTruthy();
    expect(within(notifications).getByRole('button', { name: 'Redrive notifications' })).toBeTruthy();
    const pipe = screen.getByRole('rowheader', { name: /table-stream-pipe/ }).closest('tr') as HTMLElement;
    expect(within(pipe).getByText(/Not redriven: These describe stream batches/)).toBeTruthy();
    expect(within(pipe).queryByRole('button', { name: /Redrive/ })).toBeNull();
  });

  it('shows a queue’s messages with why they failed', async () => {
    const { user } = await signInAndOpen();
    await user.click(await screen.findByRole('button', { name: 'Show messages of notifications' }));
    const message = await screen.findByRole('article', { name: 'Message m-1' });
    expect(within(message).getByText('SQSError: Access denied (after 9 attempts)')).toBeTruthy();
    const body = within(message).getByText('Body').nextElementSibling;
    expect(body?.tagName).toBe('PRE');
    expect(body?.textContent).toContain('"detail-type": "MemberInvited"');
  });

  it('redrives only after confirmation, then shows the result and the emptied queue', async () => {
    const { user, redriven } = await signInAndOpen();
    await user.click(await screen.findByRole('button', { name: 'Redrive notifications' }));
    const dialog = screen.getByRole('dialog', { name: 'Redrive notifications?' });
    expect(dialog.textContent).toContain('3 message(s) will leave this queue.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(redriven.count).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Redrive notifications' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Redrive' }));
    expect((await screen.findByText(/Moving the messages of notifications/)).getAttribute('role')).toBe(
      'status',
    );
    expect(redriven.count).toBe(1);
    const row = (await screen.findByRole('rowheader', { name: /notifications/ })).closest(
      'tr',
    ) as HTMLElement;
    expect(
      (within(row).getByRole('button', { name: 'Redrive notifications' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('formats ages in the largest whole unit', () => {
    expect([45, 720, 10_800, 172_800].map(formatAge)).toEqual(['45 s', '12 min', '3 h', '2 d']);
  });
});
