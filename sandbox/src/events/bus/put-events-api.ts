import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { PutEventsValidationError } from './errors.ts';
import type { EventBusEmulator } from './event-bus-emulator.ts';

const CONTENT_TYPE = 'application/x-amz-json-1.1';
const PUT_EVENTS = 'AWSEvents.PutEvents';
/** Larger than any valid request (10 entries of ≤ 256 KB in total, JSON-escaped), smaller than harm. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const requestSchema = z.object({
  Entries: z.array(
    z.looseObject({
      Source: z.string().optional(),
      DetailType: z.string().optional(),
      Detail: z.string().optional(),
      EventBusName: z.string().optional(),
      Time: z.union([z.number(), z.string()]).optional(),
      Resources: z.array(z.string()).optional(),
      TraceHeader: z.string().optional(),
    }),
  ),
  EndpointId: z.string().optional(),
});

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    ...(errorType === undefined ? {} : { 'x-amzn-errortype': errorType }),
  });
  res.end(text);
}

function fail(res: ServerResponse, status: number, type: string, message: string): void {
  send(res, status, { __type: type, message }, type);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * PutEvents over the AWS JSON 1.1 protocol (`POST /`, `X-Amz-Target: AWSEvents.PutEvents`), for
 * the sandbox's single AWS endpoint: any SDK client or the AWS CLI publishes to the emulator
 * unchanged. Request signatures are not checked. Errors use the protocol's shape
 * (`{"__type": "ValidationException", "message": ...}`, status 400).
 */
export function createPutEventsHandler(
  bus: EventBusEmulator,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST')
      return fail(res, 405, 'UnknownOperationException', `${req.method} is not supported; POST /`);
    if (target !== PUT_EVENTS) {
      return fail(
        res,
        400,
        'UnknownOperationException',
        `operation ${String(target)} is not emulated (only ${PUT_EVENTS})`,
      );
    }
    const text = await readBody(req);
    if (text === undefined)
      return fail(res, 413, 'ValidationException', `request body over ${MAX_BODY_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(res, 400, 'SerializationException', 'the request body is not valid JSON');
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(
        res,
        400,
        'ValidationException',
        `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    if (parsed.data.EndpointId !== undefined) {
      return fail(res, 400, 'ValidationException', 'global endpoints (EndpointId) are not emulated');
    }
    try {
      send(res, 200, bus.putEvents(parsed.data.Entries));
    } catch (error) {
      if (error instanceof PutEventsValidationError) return fail(res, 400, error.code, error.message);
      throw error;
    }
  };
}
