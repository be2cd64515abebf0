import { describeError, EmptyState, ErrorMessage, Loading } from '@stratum/web-shared';
import { useEffect, useState } from 'react';
import type { DeadLetterMessage, DeadLettersApi } from './dead-letters-api.ts';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly messages: readonly DeadLetterMessage[] };

/** Up to ten messages of one queue, peeked (not consumed), each with why it failed. */
export function DeadLetterMessages({ api, queue }: { api: DeadLettersApi; queue: string }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    api.messages(queue).then(
      (messages) => current && setState({ status: 'ready', messages }),
      (error: unknown) => current && setState({ status: 'error', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, queue]);

  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages in {queue}</h2>
      <p className="hint">Read without consuming them: they stay in the queue.</p>
      {state.status === 'loading' ? <Loading>Loading messages…</Loading> : null}
      {state.status === 'error' ? <ErrorMessage>{state.message}</ErrorMessage> : null}
      {state.status === 'ready' && state.messages.length === 0 ? (
        <EmptyState>No messages in {queue}.</EmptyState>
      ) : null}
      {state.status === 'ready' && state.messages.length > 0 ? (
        <ol className="dead-letters">
          {state.messages.map((message) => (
            <li key={message.messageId}>
              <article aria-label={`Message ${message.messageId}`}>
                <dl>
                  <dt>Sent</dt>
                  <dd>{message.sentAt}</dd>
                  <dt>Receives</dt>
                  <dd>{message.receiveCount}</dd>
                  <dt>Failure</dt>
                  <dd>{failureText(message)}</dd>
                  {message.attributes.map((attribute) => (
                    <div key={attribute.name}>
                      <dt>{attribute.name}</dt>
                      <dd>
                        <code>{attribute.value}</code>
                      </dd>
                    </div>
                  ))}
                </dl>
                <figure>
                  <figcaption>Body</figcaption>
                  <pre>{prettyBody(message.body)}</pre>
                </figure>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function failureText({ failure }: DeadLetterMessage): string {
  if (!failure) return 'Not recorded';
  const parts = [failure.code, failure.message].filter((part): part is string => Boolean(part));
  const attempts = failure.attempts === null ? '' : ` (after ${failure.attempts} attempts)`;
  return `${parts.join(': ')}${attempts}`;
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
