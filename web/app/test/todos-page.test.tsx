// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app.tsx';
import { fakeBackend, page, servicesWith, storeSession, todo } from './fake-backend.ts';

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/todos');
});
afterEach(cleanup);

function renderWith(graphql: Parameters<typeof fakeBackend>[0]['graphql']) {
  const backend = fakeBackend({ graphql });
  backend.acceptedTokens.add(storeSession());
  render(<App services={servicesWith(backend.fetch)} />);
  return backend;
}

describe('the todos page', () => {
  it('lists todos, pages with the cursor and completes one', async () => {
    const user = userEvent.setup();
    const backend = renderWith(({ query, variables }) => {
      if (query.includes('completeTodo'))
        return { data: { completeTodo: todo({ status: 'DONE', version: 2 }) } };
      return variables.after === 'cursor-1'
        ? page([todo({ id: 'todo-2', title: 'Call the bank', tags: [] })])
        : page([todo()], 'cursor-1');
    });
    const list = await screen.findByRole('list', { name: 'Todos' });
    expect(within(list).getByText('Water the plants')).toBeTruthy();
    expect(within(list).getByText('home')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Call the bank')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    const checkbox = screen.getByRole('checkbox', { name: /Water the plants/ }) as HTMLInputElement;
    expect(checkbox.checked).toBe(false);
    await user.click(checkbox);
    await screen.findByText('(done)');
    expect(backend.graphqlCalls.some((call) => call.query.includes('completeTodo'))).toBe(true);
  });

  it('sends the status filter from the URL and shows the filtered empty state', async () => {
    const user = userEvent.setup();
    const backend = renderWith(() => page([]));
    await screen.findByText('No todos yet. Add your first one above.');
    await user.selectOptions(screen.getByLabelText('Status'), 'DONE');
    expect(await screen.findByText('No todos match this filter.')).toBeTruthy();
    expect(window.location.search).toBe('?status=DONE');
    expect(backend.graphqlCalls.at(-1)?.variables.filter).toEqual({ status: 'DONE' });
  });

  it('asks before deleting, with focus on Cancel', async () => {
    const user = userEvent.setup();
    const backend = renderWith(({ query }) =>
      query.includes('deleteTodo') ? { data: { deleteTodo: 'todo-1' } } : page([todo()]),
    );
    await user.click(await screen.findByRole('button', { name: 'Delete Water the plants' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete "Water the plants"?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete todo' }));
    expect(await screen.findByText('No todos yet. Add your first one above.')).toBeTruthy();
    expect(backend.graphqlCalls.some((call) => call.query.includes('deleteTodo'))).toBe(true);
  });

  it('shows an error with a retry when the list cannot load', async () => {
    renderWith(() => ({
      data: null,
      errors: [{ message: 'Table unavailable', extensions: { code: 'INTERNAL' } }],
    }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Table unavailable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
