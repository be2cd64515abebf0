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
import { niceMaximum } from '../src/analytics/daily-bar-chart.tsx';
import { lastDays } from '../src/analytics/date-range.ts';
import { App, STAFF_GROUP } from '../src/app.tsx';
import { STAFF_TOKEN_COOKIE, staffTokenCookie, syncStaffTokenCookie } from '../src/staff-token-cookie.ts';

const config = parseRuntimeConfig({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_Staff1',
  userPoolClientId: 'staff-client',
  cognitoEndpoint: 'http://cognito.test/',
  graphqlUrl: '/graphql',
  stage: 'test',
});

const counters = (value: number) => ({
  todosCreated: value,
  todosCompleted: 0,
  todosDeleted: 0,
  mediaUploaded: 0,
  mediaProcessed: 0,
  membersInvited: 0,
  membersJoined: 0,
});

function graphql(call: RecordedCall): Response {
  const query = String(call.body.query);
  if (query.includes('tenants(')) {
    return json(200, {
      data: {
        tenants: {
          edges: [{ node: { id: 'tenant-1', name: 'Acme', createdAt: '2030-01-01T00:00:00Z' } }],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    });
  }
  return json(200, {
    data: {
      tenantById: { id: 'tenant-1', name: 'Acme', createdAt: '2030-01-01T00:00:00Z' },
      tenantAnalytics: {
        totals: counters(12),
        days: [
          { day: '2030-01-01', counters: counters(5) },
          { day: '2030-01-02', counters: counters(7) },
        ],
      },
    },
  });
}

function renderApp(cognito: (call: RecordedCall) => Response = () => json(400, {})) {
  const backend = scriptedFetch((call) =>
    call.url === config.cognitoEndpoint ? cognito(call) : graphql(call),
  );
  const services = createServices(config, {
    sessionStorage: window.sessionStorage,
    requiredGroup: STAFF_GROUP,
    fetch: backend.fetch,
  });
  render(<App services={services} />);
  return backend;
}

beforeEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

describe('the staff app', () => {
  it('renders nothing but the sign-in page without a staff session', async () => {
    const backend = renderApp();
    expect(screen.getByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.queryByText('Tenants')).toBeNull();
    expect(backend.calls).toHaveLength(0);
  });

  it('refuses a customer account that is not in the staff group', async () => {
    const user = userEvent.setup();
    renderApp((call) =>
      call.target?.endsWith('RevokeToken')
        ? json(200, {})
        : json(200, {
            AuthenticationResult: { IdToken: fakeIdToken(), AccessToken: 'a', RefreshToken: 'r' },
          }),
    );
    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not a member of the staff group');
    expect(screen.getByRole('heading', { name: 'Staff sign-in' })).toBeTruthy();
  });

  it('answers the TOTP challenge, then lists tenants and shows one tenant’s counters', async () => {
    const user = userEvent.setup();
    const backend = renderApp((call) => {
      if (call.target?.endsWith('InitiateAuth')) {
        return json(200, {
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: 's1',
          ChallengeParameters: { USER_ID_FOR_SRP: 'u1' },
        });
      }
      const idToken = fakeIdToken({ groups: ['staff'], email: 'ops@example.com' });
      return json(200, { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r' } });
    });
    await user.type(screen.getByLabelText('E-mail'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Authenticator code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    const respond = backend.calls.find((call) => call.target?.endsWith('RespondToAuthChallenge'));
    expect(respond?.body).toMatchObject({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'u1', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });

    await user.click(await screen.findByRole('link', { name: 'Acme' }));
    const heading = await screen.findByRole('heading', { name: 'Acme', level: 1 });
    expect(document.activeElement).toBe(heading);
    const totals = screen.getByRole('heading', { name: 'Totals' }).parentElement as HTMLElement;
    expect(within(totals).getByText('Todos created').nextSibling?.textContent).toBe('12');
    const chart = screen.getByRole('img', { name: /Todos created per day/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(2);
    expect(chart.textContent).toContain('12 in total');
  });
});

describe('chart helpers', () => {
  it('rounds axis maxima to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 180, 501].map(niceMaximum)).toEqual([1, 1, 5, 10, 20, 200, 1000]);
  });

  it('computes an inclusive range of UTC days', () => {
    expect(lastDays(7, new Date('2030-03-03T23:30:00Z'))).toEqual({ from: '2030-02-25', to: '2030-03-03' });
  });
});

describe('the edge guard cookie', () => {
  it('carries the ID token while signed in and is cleared on sign-out', async () => {
    const user = userEvent.setup();
    const idToken = fakeIdToken({ groups: ['staff'] });
    const backend = scriptedFetch((call) =>
      call.url === config.cognitoEndpoint
        ? json(200, { AuthenticationResult: { IdToken: idToken, AccessToken: 'a', RefreshToken: 'r' } })
        : graphql(call),
    );
    const services = createServices(config, {
      sessionStorage: window.sessionStorage,
      requiredGroup: STAFF_GROUP,
      fetch: backend.fetch,
    });
    const stop = syncStaffTokenCookie(services.authenticator);
    render(<App services={services} />);
    expect(document.cookie).not.toContain(STAFF_TOKEN_COOKIE);
    await user.type(screen.getByLabelText('E-mail'), 'ops@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { name: 'Tenants' });
    expect(document.cookie).toContain(`${STAFF_TOKEN_COOKIE}=${idToken}`);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(document.cookie).not.toContain(STAFF_TOKEN_COOKIE);
    stop();
  });

  it('expires with the token and is Secure over https', () => {
    const session = { idToken: 'tok', expiresAt: 90_000 } as never;
    expect(staffTokenCookie({ status: 'signedIn', session }, 30_000, true)).toBe(
      `${STAFF_TOKEN_COOKIE}=tok; Max-Age=60; Path=/; SameSite=Strict; Secure`,
    );
    expect(staffTokenCookie({ status: 'signedOut', reason: 'signedOut' }, 0, false)).toContain('Max-Age=0');
  });
});
