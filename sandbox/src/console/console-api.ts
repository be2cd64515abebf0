import type { ConsoleDataSource } from './console-data-source.ts';
import { eventsQuery, logsQuery, noQuery, parseQuery, queueMessagesQuery } from './console-query.ts';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

const badRequest = (problems: string[]): ApiAnswer => ({
  status: 400,
  body: { error: 'BadRequest', problems },
});
const notFound = (message: string): ApiAnswer => ({ status: 404, body: { error: 'NotFound', message } });

/**
 * The console's JSON API, one route per `ConsoleDataSource` method:
 * `GET /api/resources`, `/api/logs?function=&requestId=&correlationId=&limit=`,
 * `/api/events?limit=`, `/api/queues`, `/api/queues/messages?url=`, `/api/emails`.
 * Unknown or repeated parameters and bad values are 400 with every problem listed.
 */
export async function answerApi(
  data: ConsoleDataSource,
  path: string,
  params: URLSearchParams,
): Promise<ApiAnswer> {
  switch (path) {
    case '/api/resources':
      return withQuery(noQuery, params, async () => ({ resources: await data.resources() }));
    case '/api/logs':
      return withQuery(logsQuery, params, async (query) => ({
        logs: await data.logs({
          limit: query.limit,
          ...(query.function !== undefined && { functionName: query.function }),
          ...(query.requestId !== undefined && { requestId: query.requestId }),
          ...(query.correlationId !== undefined && { correlationId: query.correlationId }),
        }),
      }));
    case '/api/events':
      return withQuery(eventsQuery, params, async (query) => ({ events: await data.events(query.limit) }));
    case '/api/queues':
      return withQuery(noQuery, params, async () => ({ queues: await data.queues() }));
    case '/api/queues/messages': {
      const parsed = parseQuery(queueMessagesQuery, params);
      if (!parsed.ok) return badRequest(parsed.problems);
      const messages = await data.queueMessages(parsed.value.url);
      return messages === undefined
        ? notFound(`no queue with URL ${parsed.value.url}`)
        : { status: 200, body: { queueUrl: parsed.value.url, messages } };
    }
    case '/api/emails':
      return withQuery(noQuery, params, async () => ({ emails: await data.emails() }));
    default:
      return notFound(`no API route ${path}`);
  }
}

async function withQuery<S extends Parameters<typeof parseQuery>[0]>(
  schema: S,
  params: URLSearchParams,
  answer: (query: ReturnType<S['parse']>) => Promise<unknown>,
): Promise<ApiAnswer> {
  const parsed = parseQuery(schema, params);
  if (!parsed.ok) return badRequest(parsed.problems);
  return { status: 200, body: await answer(parsed.value as ReturnType<S['parse']>) };
}
