import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AwsEndpoint,
  AwsEndpointError,
  AwsEndpointPortInUseError,
  createAwsEndpoint,
} from '../../src/endpoint/index.ts';

interface Answer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function endpointWith(routes: Parameters<typeof createAwsEndpoint>[0] = {}): Promise<AwsEndpoint> {
  const endpoint = await createAwsEndpoint({ port: 0, ...routes });
  cleanups.push(() => endpoint.close());
  return endpoint;
}

/** An engine stand-in that reports what it received: method, url, headers and a SHA-256 of the body. */
async function echoEngine(): Promise<string> {
  const server = createServer((req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
    });
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-engine': 'echo' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          headers: req.headers,
          size,
          sha256: hash.digest('hex'),
        }),
      );
    });
  });
  return listen(server);
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

function send(
  url: string,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? '/', url);
    const outgoing = request(
      target,
      { method: options.method ?? 'POST', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const sigv4 = (service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKID/20250101/eu-west-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});

describe('createAwsEndpoint', () => {
  it('proxies to the upstream of the detected service and keeps every signed header, Host included', async () => {
    const engine = await echoEngine();
    const endpoint = await endpointWith({ routes: { sqs: { upstream: engine } } });
    const headers = {
      ...sigv4('sqs'),
      'x-amz-date': '20250101T000000Z',
      'content-type': 'application/x-amz-json-1.0',
    };
    const answer = await send(endpoint.url, { path: '/?x=1', headers, body: '{"QueueName":"q"}' });
    const seen = JSON.parse(answer.body.toString()) as {
      url: string;
      headers: Record<string, string>;
      size: number;
    };
    expect(answer.status).toBe(200);
    expect(answer.headers['x-engine']).toBe('echo');
    expect(seen.url).toBe('/?x=1');
    expect(seen.headers).toMatchObject({ ...headers, host: `127.0.0.1:${endpoint.port}` });
    expect(seen.size).toBe(17);
  });

  it('streams a large body both ways unchanged', async () => {
    const bytes = randomBytes(8 * 1024 * 1024);
    const engine = await listen(createServer((req, res) => req.pipe(res)));
    const endpoint = await endpointWith({ routes: { s3: { upstream: engine } } });
    const answer = await send(endpoint.url, {
      method: 'PUT',
      path: '/bucket/key',
      headers: sigv4('s3'),
      body: bytes,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.equals(bytes)).toBe(true);
  });

  it('hands a query-protocol body it had to read to an in-process handler intact', async () => {
    let received = '';
    const endpoint = await endpointWith({
      routes: {
        sns: {
          handle: async (req, res) => {
            for await (const chunk of req) received += String(chunk);
            res.end('ok');
          },
        },
      },
    });
    const body = 'Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A0%3At&Message=hi';
    const answer = await send(endpoint.url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(answer.body.toString()).toBe('ok');
    expect(received).toBe(body);
  });

  it('forwards a form body it had to read to an upstream with a correct length', async () => {
    const engine = await echoEngine();
    const endpoint = await endpointWith({ routes: { sns: { upstream: engine } } });
    const body = 'Action=CreateTopic&Name=t';
    const answer = await send(endpoint.url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(JSON.parse(answer.body.toString())).toMatchObject({
      size: body.length,
      headers: { 'content-length': String(body.length) },
    });
  });

  it('reuses one pooled connection to an engine for consecutive requests', async () => {
    const server = createServer((req, res) => {
      req.resume().on('end', () => res.end('{}'));
    });
    let connections = 0;
    server.on('connection', () => connections++);
    const engine = await listen(server);
    const endpoint = await endpointWith({ routes: { dynamodb: { upstream: engine } } });
    const headers = { ...sigv4('dynamodb'), 'x-amz-target': 'DynamoDB_20120810.ListTables' };
    for (let i = 0; i < 5; i++) {
      expect((await send(endpoint.url, { headers, body: '{}' })).status).toBe(200);
    }
    expect(connections).toBe(1);
  });

  it('sends a read body again on a new connection when the engine closed the pooled one', async () => {
    // An engine that answers the first request of each connection and resets the connection on
    // the second: what a pooled socket closed by the engine looks like to the endpoint.
    const requestsOn = new WeakMap<Socket, number>();
    let connections = 0;
    const server = createNetServer((socket) => {
      connections++;
      socket.on('data', (chunk: Buffer) => {
        if (!chunk.toString('latin1').startsWith('POST ')) return; // the body of a request already seen
        const seen = (requestsOn.get(socket) ?? 0) + 1;
        requestsOn.set(socket, seen);
        if (seen > 1) {
          socket.resetAndDestroy();
          return;
        }
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/xml\r\ncontent-length: 4\r\n\r\n<ok>');
      });
    });
    const engine = await listen(server as unknown as Server);
    const endpoint = await endpointWith({ routes: { sns: { upstream: engine } } });
    // No signature: only the body's Action tells the service, so the endpoint has read the body.
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (let i = 0; i < 3; i++) {
      const answer = await send(endpoint.url, {
        headers: form,
        body: 'Action=ListTopics&Version=2010-03-31',
      });
      expect(`${answer.status} ${answer.body.toString()}`).toBe('200 <ok>');
    }
    expect(connections).toBe(3);
  });

  it('closes a pooled connection that stays idle, before the engine would', async () => {
    const server = createServer((req, res) => {
      req.resume().on('end', () => res.end('{}'));
    });
    const closed = new Promise<number>((resolve) => {
      server.on('connection', (socket) => {
        const opened = performance.now();
        socket.on('close', () => resolve(performance.now() - opened));
      });
    });
    server.keepAliveTimeout = 60_000;
    const engine = await listen(server);
    const endpoint = await endpointWith({ routes: { dynamodb: { upstream: engine } } });
    const headers = { ...sigv4('dynamodb'), 'x-amz-target': 'DynamoDB_20120810.ListTables' };
    expect((await send(endpoint.url, { headers, body: '{}' })).status).toBe(200);
    const openMs = await closed;
    expect(openMs).toBeGreaterThan(1_500);
    expect(openMs).toBeLessThan(5_000);
  });

  it('replaces a route at run time', async () => {
    const first = await echoEngine();
    const endpoint = await endpointWith({ routes: { lambda: { upstream: first } } });
    endpoint.setRoute('lambda', { handle: (_req, res) => res.end('in-process') });
    const answer = await send(endpoint.url, {
      path: '/2015-03-31/functions/f/invocations',
      headers: sigv4('lambda'),
    });
    expect(answer.body.toString()).toBe('in-process');
    expect(endpoint.services()).toEqual(['lambda']);
  });

  it('routes the aliases email and streams.dynamodb to ses and dynamodb', async () => {
    const engine = await echoEngine();
    const endpoint = await endpointWith({
      routes: { ses: { upstream: engine }, dynamodb: { upstream: engine } },
    });
    for (const service of ['email', 'streams.dynamodb']) {
      expect((await send(endpoint.url, { headers: sigv4(service) })).status).toBe(200);
    }
  });

  it('answers an AWS-shaped 400 UnknownService naming a service nobody serves (JSON protocol)', async () => {
    const endpoint = await endpointWith({ routes: { s3: { upstream: 'http://127.0.0.1:9' } } });
    const answer = await send(endpoint.url, {
      headers: {
        ...sigv4('kms'),
        'x-amz-target': 'TrentService.Encrypt',
        'content-type': 'application/x-amz-json-1.1',
      },
      body: '{}',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['x-amzn-errortype']).toBe('UnknownService');
    expect(JSON.parse(answer.body.toString())).toEqual({
      __type: 'UnknownService',
      message: "The sandbox does not emulate the AWS service 'kms' (services served here: s3).",
    });
  });

  it('answers UnknownService in the query protocol for an unknown Action, and in S3 XML for S3', async () => {
    const endpoint = await endpointWith();
    const query = await send(endpoint.url, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=Frobnicate',
    });
    expect(query.status).toBe(400);
    expect(query.body.toString()).toMatch(
      /<ErrorResponse><Error><Type>Sender<\/Type><Code>UnknownService<\/Code><Message>[^<]*Action=Frobnicate/,
    );
    const s3 = await send(endpoint.url, { method: 'GET', path: '/bucket/key' });
    expect(s3.status).toBe(400);
    expect(s3.body.toString()).toMatch(/<Error><Code>UnknownService<\/Code><Message>[^<]*'s3'/);
  });

  it('answers 503 within a second when the engine is down', async () => {
    const closed = await listen(createServer());
    await cleanups.pop()?.(); // close it now: its port refuses connections from here on
    const endpoint = await endpointWith({ routes: { dynamodb: { upstream: 'http://127.0.0.1:1' } } });
    endpoint.setRoute('sqs', { upstream: closed });
    for (const service of ['dynamodb', 'sqs']) {
      const started = Date.now();
      const answer = await send(endpoint.url, {
        headers: { ...sigv4(service), 'content-type': 'application/x-amz-json-1.0' },
        body: '{}',
      });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body.toString())).toMatchObject({ __type: 'ServiceUnavailable' });
    }
  });

  it('turns a failing in-process handler into an AWS-shaped 500', async () => {
    const endpoint = await endpointWith({
      routes: {
        events: {
          handle: () => {
            throw new Error('bus exploded');
          },
        },
      },
    });
    const answer = await send(endpoint.url, {
      headers: { 'x-amz-target': 'AWSEvents.PutEvents' },
      body: '{}',
    });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body.toString())).toEqual({
      __type: 'InternalFailure',
      message: "The sandbox's events handler failed: bus exploded",
    });
  });

  it('rejects a route that is neither an upstream origin nor a handler', async () => {
    const endpoint = await endpointWith();
    expect(() => endpoint.setRoute('s3', { upstream: 'not a url' })).toThrow(AwsEndpointError);
    expect(() => endpoint.setRoute('s3', { upstream: 'http://127.0.0.1:4567/some/path' })).toThrow(
      /http origin/,
    );
  });

  it('fails with a clear error when an explicit port is taken', async () => {
    const taken = await endpointWith();
    const attempt = createAwsEndpoint({ port: taken.port });
    await expect(attempt).rejects.toThrow(AwsEndpointPortInUseError);
    await expect(attempt).rejects.toThrow(`127.0.0.1:${taken.port}`);
  });

  it('falls back from 4566 to the next free port with a notice', async () => {
    const blockers: AwsEndpoint[] = [];
    let first: AwsEndpoint | undefined;
    const notices: string[] = [];
    try {
      // Whoever holds 4566 (maybe a running sandbox), make sure it is taken, then start on the default.
      blockers.push(
        ...(await Promise.all([createAwsEndpoint({ port: 4566 })].map((p) => p.catch(() => null)))).filter(
          (e) => e !== null,
        ),
      );
      first = await createAwsEndpoint({ notice: (message) => notices.push(message) });
      expect(first.port).toBeGreaterThan(4566);
      expect(notices).toEqual([
        expect.stringContaining(`port 4566 is in use; listening on ${first.url} instead`),
      ]);
    } finally {
      await Promise.all([first?.close(), ...blockers.map((blocker) => blocker.close())]);
    }
  });
});
