// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeIdToken, json } from '../../shared/test/support/fake-cognito.ts';
import { App } from '../src/app.tsx';
import { fakeBackend, page, servicesWith, storeSession, todo } from './fake-backend.ts';

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/todos');
});
afterEach(cleanup);

describe('an expired session', () => {
  it('leads back to sign-in and restores the unsaved input afterwards', async () => {
    const user = userEvent.setup();
    const firstToken = storeSession();
    const newToken = fakeIdToken({ sub: 'user-1' });
    const backend = fakeBackend({
      cognito: (call) => {
        const flow = (call.body as { AuthFlow?: string }).AuthFlow;
        if (flow === 'USER_PASSWORD_AUTH') {
          backend.acceptedTokens.add(newToken);
          return json(200, {
            AuthenticationResult: { IdToken: newToken, AccessToken: 'a2', RefreshToken: 'r2' },
          });
        }
        return json(400, { __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
      },
      graphql: ({ query }) =>
        query.includes('createTodo') ? { data: { createTodo: todo({ title: 'Buy milk' }) } } : page([]),
    });
    backend.acceptedTokens.add(firstToken);
    render(<App services={servicesWith(backend.fetch)} />);

    expect(await screen.findByText('No todos yet. Add your first one above.')).toBeTruthy();
    await user.type(screen.getByLabelText('Title'), 'Buy milk');
    await user.type(screen.getByLabelText('Tags'), 'shop, weekly');

    // The token is revoked meanwhile: the API refuses it and so does Cognito's refresh.
    backend.acceptedTokens.clear();
    await user.click(screen.getByRole('button', { name: 'Add todo' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Your session has expired');
    expect(window.location.pathname).toBe('/todos');

    await user.type(screen.getByLabelText('E-mail'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    expect(title.value).toBe('Buy milk');
    expect((screen.getByLabelText('Tags') as HTMLInputElement).value).toBe('shop, weekly');

    await user.click(screen.getByRole('button', { name: 'Add todo' }));
    await screen.findByText('Buy milk');
    const create = backend.graphqlCalls.find((call) => call.query.includes('createTodo'));
    expect(create?.variables).toMatchObject({ input: { title: 'Buy milk', tags: ['shop', 'weekly'] } });
    expect(create?.authorization).toBe(`Bearer ${newToken}`);
    // Saved: the draft is gone.
    expect(Object.keys(window.sessionStorage).filter((key) => key.startsWith('stratum.draft.'))).toEqual([]);
  });

  it('signing out clears drafts so the next person does not see them', async () => {
    const user = userEvent.setup();
    const token = storeSession();
    const backend = fakeBackend({ cognito: () => json(200, {}), graphql: () => page([]) });
    backend.acceptedTokens.add(token);
    render(<App services={servicesWith(backend.fetch)} />);
    await user.type(await screen.findByLabelText('Title'), 'Secret plan');
    await waitFor(() =>
      expect(window.sessionStorage.getItem('stratum.draft.todo.new')).toContain('Secret plan'),
    );
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(window.sessionStorage.getItem('stratum.draft.todo.new')).toBeNull();
    expect(window.localStorage.length).toBe(0);
  });
});
