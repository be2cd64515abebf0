import {
  ConfirmDialog,
  describeError,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeading,
  useServices,
} from '@stratum/web-shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DeadLetterMessages } from './dead-letter-messages.tsx';
import { type DeadLetterQueue, DeadLettersApi, formatAge } from './dead-letters-api.ts';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly queues: readonly DeadLetterQueue[] };

type Outcome =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly text: string };

/** The stage's dead-letter queues: depth, peeked messages, redrive with a confirmation. */
export function DeadLetterQueuesPage() {
  const { api } = useServices();
  const deadLetters = useMemo(() => new DeadLettersApi(api), [api]);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [shown, setShown] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<DeadLetterQueue | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const load = useCallback(() => {
    let current = true;
    setState({ status: 'loading' });
    deadLetters.queues().then(
      (queues) => current && setState({ status: 'ready', queues }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [deadLetters]);
  useEffect(load, [load]);

  const redrive = async (queue: DeadLetterQueue) => {
    setConfirming(null);
    setBusy(true);
    setOutcome(null);
    try {
      const result = await deadLetters.redrive(queue.name);
      setOutcome({ kind: 'done', text: result.summary });
      setShown(null);
      load();
    } catch (error) {
      setOutcome({ kind: 'failed', text: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <PageHeading title="Dead-letter queues · Stratum staff">Dead-letter queues</PageHeading>
      <div className="actions">
        <button type="button" onClick={load}>
          Refresh
        </button>
      </div>
      <div aria-live="polite">
        {outcome?.kind === 'done' ? (
          <p role="status" className="notice">
            {outcome.text}
          </p>
        ) : null}
      </div>
      {outcome?.kind === 'failed' ? <ErrorMessage>{outcome.text}</ErrorMessage> : null}
      {state.status === 'loading' ? <Loading>Loading dead-letter queues…</Loading> : null}
      {state.status === 'error' ? (
        <ErrorMessage onRetry={load}>{describeError(state.error)}</ErrorMessage>
      ) : null}
      {state.status === 'ready' && state.queues.length === 0 ? (
        <EmptyState>This stage has no dead-letter queues.</EmptyState>
      ) : null}
      {state.status === 'ready' && state.queues.length > 0 ? (
        <table>
          <caption className="visually-hidden">Dead-letter queues</caption>
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Messages</th>
              <th scope="col">Oldest</th>
              <th scope="col">Redrive</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.queues.map((queue) => (
              <QueueRow
                key={queue.name}
                queue={queue}
                busy={busy}
                onShow={() => setShown(queue.name)}
                onRedrive={() => setConfirming(queue)}
              />
            ))}
          </tbody>
        </table>
      ) : null}
      {shown ? <DeadLetterMessages key={shown} api={deadLetters} queue={shown} /> : null}
      {confirming ? (
        <ConfirmDialog
          title={`Redrive ${confirming.name}?`}
          confirmLabel="Redrive"
          onConfirm={() => void redrive(confirming)}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {confirming.approximateDepth} message(s) will leave this queue. {confirming.redrive.explanation}
          </p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}

interface QueueRowProps {
  readonly queue: DeadLetterQueue;
  readonly busy: boolean;
  readonly onShow: () => void;
  readonly onRedrive: () => void;
}

function QueueRow({ queue, busy, onShow, onRedrive }: QueueRowProps) {
  const running = queue.lastMoveTask?.status === 'RUNNING';
  return (
    <tr>
      <th scope="row">
        {queue.name}
        <br />
        <span className="hint">{queue.feeds}</span>
      </th>
      <td>
        {queue.approximateDepth}
        {queue.approximateInFlight > 0 ? (
          <span className="hint"> ({queue.approximateInFlight} in flight)</span>
        ) : null}
      </td>
      <td>{queue.oldestMessageAgeSeconds === null ? '—' : formatAge(queue.oldestMessageAgeSeconds)}</td>
      <td>
        {queue.redrive.mode === 'NONE' ? (
          <span>Not redriven: {queue.redrive.explanation}</span>
        ) : (
          <span>
            {queue.redrive.mode === 'MOVE_TO_SOURCE' ? 'Back to the source queue' : 'Re-sent to the function'}
          </span>
        )}
        {queue.lastMoveTask ? (
          <span className="hint">
            {' '}
            Last redrive: {queue.lastMoveTask.status.toLowerCase()},{' '}
            {queue.lastMoveTask.approximateNumberOfMessagesMoved} moved
            {queue.lastMoveTask.failureReason ? ` (${queue.lastMoveTask.failureReason})` : ''}.
          </span>
        ) : null}
      </td>
      <td>
        <div className="actions">
          <button type="button" onClick={onShow} aria-label={`Show messages of ${queue.name}`}>
            Show messages
          </button>
          {queue.redrive.mode === 'NONE' ? null : (
            <button
              type="button"
              onClick={onRedrive}
              disabled={busy || running || queue.approximateDepth === 0}
              aria-label={`Redrive ${queue.name}`}
            >
              {running ? 'Redriving…' : 'Redrive'}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
