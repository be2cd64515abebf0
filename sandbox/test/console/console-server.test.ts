import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleServer, InMemoryConsoleData } from '../../src/console/index.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`;

function seed(): InMemoryConsoleData {
  const data = new InMemoryConsoleData();
  data.resourceList.push(
    {
      stack: 'stratum-local-api',
      logicalId: 'TodoFn',
      type: 'AWS::Lambda::Function',
      physicalId: 'stratum-local-todo',
      status: 'created',
    },
    {
      stack: 'stratum-local-api',
      logicalId: 'Alarm',
      type: 'AWS::CloudWatch::Alarm',
      physicalId: 'a',
      status: 'not emulated',
      detail: 'no metrics',
    },
  );
  const log = (functionName: string, awsRequestId: string, message: string, json?: Record<string, unknown>) =>
    data.logList.push({
      functionName,
      awsRequestId,
      stream: 'stdout',
      timestamp: 1_700_000_000_000,
      message,
      ...(json && { json }),
    });
  log('stratum-local-todo', 'req-1', '{"level":"INFO"}', {
    level: 'INFO',
    message: 'todo created',
    correlationId: 'corr-1',
  });
  log('stratum-local-todo', 'req-2', 'plain line');
  log('stratum-local-mailer', 'req-3', HOSTILE, {
    level: 'ERROR',
    message: HOSTILE,
    correlationId: 'corr-1',
  });
  data.eventList.push({
    eventBusName: 'stratum-local',
    id: 'ev-1',
    receivedAt: 1_700_000_000_000,
    source: 'stratum.todo',
    detailType: 'TodoCreated',
    detail: { title: HOSTILE },
    matchedRules: ['to-analytics'],
  });
  data.queueList.push(
    {
      summary: {
        name: 'notifications',
        url: 'http://127.0.0.1:4566/000000000000/notifications',
        visibleMessages: 1,
        inFlightMessages: 0,
        isDeadLetterQueue: false,
        deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:000000000000:notifications-dlq',
      },
      messages: [{ messageId: 'm-1', body: '{"todoId":"1"}', receiveCount: 0 }],
    },
    {
      summary: {
        name: 'notifications-dlq',
        url: 'http://127.0.0.1:4566/000000000000/notifications-dlq',
        visibleMessages: 1,
        inFlightMessages: 0,
        isDeadLetterQueue: true,
      },
      messages: [{ messageId: 'm-2', body: HOSTILE, receiveCount: 3 }],
    },
  );
  data.emailList.push({
    id: 'e-1',
    sentAt: 1_700_000_000_000,
    from: 'no-reply@stratum.example.com',
    to: ['ada@example.com'],
    subject: HOSTILE,
    text: 'Hello',
  });
  return data;
}

describe('ConsoleServer', () => {
  let server: ConsoleServer;
  const get = (path: string) => fetch(`${server.url}${path}`);
  const getJson = async (path: string) => {
    const response = await get(path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  beforeAll(async () => {
    server = await ConsoleServer.start({ data: seed() });
  });
  afterAll(() => server.close());

  it('binds 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves resources', async () => {
    const { status, type, body } = await getJson('/api/resources');
    expect(status).toBe(200);
    expect(type).toBe('application/json; charset=utf-8');
    expect(body.resources).toHaveLength(2);
    expect(body.resources).toContainEqual(
      expect.objectContaining({ logicalId: 'Alarm', status: 'not emulated' }),
    );
  });

  it('filters logs by function, request id and correlation id, newest first', async () => {
    const all = await getJson('/api/logs');
    expect((all.body.logs as { awsRequestId: string }[]).map((l) => l.awsRequestId)).toEqual([
      'req-3',
      'req-2',
      'req-1',
    ]);
    const byFunction = await getJson('/api/logs?function=stratum-local-todo&limit=1');
    expect((byFunction.body.logs as { awsRequestId: string }[]).map((l) => l.awsRequestId)).toEqual([
      'req-2',
    ]);
    const byRequest = await getJson('/api/logs?requestId=req-1');
    expect(byRequest.body.logs).toHaveLength(1);
    const byCorrelation = await getJson('/api/logs?correlationId=corr-1');
    expect((byCorrelation.body.logs as { awsRequestId: string }[]).map((l) => l.awsRequestId)).toEqual([
      'req-3',
      'req-1',
    ]);
  });

  it('serves events, queues, a non-destructive peek of queue messages, and emails', async () => {
    expect((await getJson('/api/events?limit=5')).body.events).toEqual([
      expect.objectContaining({ id: 'ev-1' }),
    ]);
    const queues = (await getJson('/api/queues')).body.queues as {
      url: string;
      isDeadLetterQueue: boolean;
    }[];
    expect(queues.map((q) => q.isDeadLetterQueue)).toEqual([false, true]);
    const dlq = encodeURIComponent(queues[1]?.url ?? '');
    const first = await getJson(`/api/queues/messages?url=${dlq}`);
    const second = await getJson(`/api/queues/messages?url=${dlq}`);
    expect(first.body.messages).toEqual([expect.objectContaining({ messageId: 'm-2', receiveCount: 3 })]);
    expect(second.body).toEqual(first.body);
    expect((await getJson('/api/emails')).body.emails).toEqual([expect.objectContaining({ id: 'e-1' })]);
  });

  it.each([
    ['/api/logs?limit=0', /limit/],
    ['/api/logs?limit=abc', /limit: must be a whole number/],
    ['/api/logs?function=a&function=b', /function: given more than once/],
    ['/api/logs?level=ERROR', /unknown parameter level/],
    ['/api/events?limit=5000', /limit/],
    ['/api/queues/messages', /url/],
    ['/api/queues/messages?url=not-a-url', /url/],
    ['/api/resources?x=1', /unknown parameter x/],
  ])('answers 400 to %s', async (path, problem) => {
    const { status, body } = await getJson(path);
    expect(status).toBe(400);
    expect(body.error).toBe('BadRequest');
    expect((body.problems as string[]).join('; ')).toMatch(problem);
  });

  it('answers 404 to unknown routes and unknown queues', async () => {
    expect((await getJson('/api/nope')).status).toBe(404);
    expect(
      (
        await getJson(
          `/api/queues/messages?url=${encodeURIComponent('http://127.0.0.1:1/000000000000/none')}`,
        )
      ).status,
    ).toBe(404);
    expect((await get('/nope')).status).toBe(404);
  });

  it('is read-only', async () => {
    const response = await fetch(`${server.url}/api/resources`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('renders hostile log, event, queue and email content escaped, under a CSP without inline script', async () => {
    const response = await get(
      `/?queue=${encodeURIComponent('http://127.0.0.1:4566/000000000000/notifications-dlq')}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await response.text();
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    const escaped =
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;';
    // Log message (as summary), raw JSON (escaped, JSON-quoted), event detail, DLQ body, email subject.
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(3);
    expect(page).toContain('notifications-dlq');
    expect(page).toContain('m-2');
    // The only script is the external one.
    expect(page.match(/<script/g)).toEqual(['<script']);
    expect(page).toContain('<script src="/console.js" defer></script>');
  });

  it('escapes filter values echoed into the page', async () => {
    const page = await (await get(`/?requestId=${encodeURIComponent('"><script>x</script>')}`)).text();
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(page).not.toContain('"><script>x');
  });

  it('serves its script and style', async () => {
    const script = await get('/console.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('DOMParser');
    expect((await get('/console.css')).status).toBe(200);
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(`${server.url}/api/resources`);
      httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example:80' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});
