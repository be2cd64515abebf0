import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { sendAwsError } from '../endpoint/aws-error-response.ts';
import { readBody } from '../endpoint/read-body.ts';
import type { RequestHead } from '../endpoint/service-detection.ts';
import { UpstreamAgent } from '../endpoint/upstream-agent.ts';
import { proxyToUpstream } from '../endpoint/upstream-proxy.ts';
import { MessageMoveTasks, MoveTaskApiError } from './message-move-tasks.ts';

const MOVE_TASK_ACTIONS = new Set(['StartMessageMoveTask', 'ListMessageMoveTasks', 'CancelMessageMoveTask']);
const BODY_LIMIT = 64 * 1024;

export interface SqsFrontOptions {
  /** The fauxqs engine, e.g. `http://127.0.0.1:4567`: every other SQS request is relayed there. */
  readonly engine: string;
  /** A client of the engine, used to run the move tasks. */
  readonly sqs: SQSClient;
}

export interface SqsFront {
  /** The endpoint's handler for the `sqs` service. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  readonly moveTasks: MessageMoveTasks;
  /** Stops running move tasks. */
  close(): Promise<void>;
}

/**
 * SQS as the sandbox serves it: fauxqs, plus the message move task API (DLQ redrive:
 * `StartMessageMoveTask`, `ListMessageMoveTasks`, `CancelMessageMoveTask`, JSON protocol, as SDK
 * v3 and AWS CLI v2 send them) that fauxqs does not implement.
 *
 * @example
 * const front = createSqsFront({ engine: fauxqs.endpoint, sqs: new SQSClient({ endpoint: fauxqs.endpoint }) });
 * endpoint.setRoute('sqs', { handle: front.handle });
 */
export function createSqsFront(options: SqsFrontOptions): SqsFront {
  const upstream = new URL(options.engine);
  const moveTasks = new MessageMoveTasks(options.sqs);
  const agent = new UpstreamAgent();
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head: RequestHead = { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers };
    const target = req.headers['x-amz-target'];
    const action = typeof target === 'string' ? target.replace(/^AmazonSQS\./, '') : '';
    if (!MOVE_TASK_ACTIONS.has(action)) {
      proxyToUpstream({ req, res, head, service: 'sqs', upstream, agent });
      return;
    }
    let input: Record<string, unknown>;
    try {
      const text = (await readBody(req, BODY_LIMIT)).toString('utf8');
      input = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      sendAwsError(head, 'sqs', res, {
        status: 400,
        code: 'InvalidParameterValue',
        message: 'The body is not JSON.',
      });
      return;
    }
    try {
      const output =
        action === 'StartMessageMoveTask'
          ? await moveTasks.start(input)
          : action === 'ListMessageMoveTasks'
            ? await moveTasks.list(input)
            : await moveTasks.cancel(input);
      const body = JSON.stringify(output);
      res.writeHead(200, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    } catch (error) {
      if (!(error instanceof MoveTaskApiError)) throw error;
      sendAwsError(head, 'sqs', res, { status: 400, code: error.code, message: error.message });
    }
  };
  return {
    handle,
    moveTasks,
    close: async () => {
      agent.destroy();
      await moveTasks.close();
    },
  };
}
