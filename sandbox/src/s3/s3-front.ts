import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BucketRegistry } from './bucket-registry.ts';
import { actualRequestHeaders, preflightHeaders } from './cors-responses.ts';
import { assertEngineSupports, locationDocument } from './engine-gaps.ts';
import { relayToEngine } from './engine-proxy.ts';
import { S3Refusal } from './errors.ts';
import type { BucketNotifications } from './notification-configuration.ts';
import type { NotificationDispatcher } from './notification-dispatcher.ts';
import { detectChanges, needsResponseBody } from './object-changes.ts';
import type { SecretKeyLookup } from './post-signature.ts';
import { postSuccess } from './post-success.ts';
import { receivePostUpload, type StoredPost } from './post-upload.ts';
import { s3RequestTarget } from './request-target.ts';
import { s3RequestId, sendRefusal } from './s3-error-document.ts';
import { nextSequencer, type ObjectChange } from './s3-event.ts';

export interface S3FrontOptions {
  /** The S3 engine's endpoint (fauxqs), e.g. `http://127.0.0.1:4566`. */
  readonly engineUrl: string;
  readonly region: string;
  readonly accountId: string;
  /** Secret keys of the access keys the sandbox issued (POST policy signatures). */
  readonly lookupSecret: SecretKeyLookup;
  readonly buckets: BucketRegistry;
  readonly notifications: NotificationDispatcher;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Part size for POST uploads too large for one engine request. @default 8 MiB */
  readonly partSize?: number;
}

function isMultipartForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
}

/** The caller's access key, from a SigV4 header or presigned URL, as S3 names principals. */
function principalOf(req: IncomingMessage, query: URLSearchParams): string {
  const credential =
    /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '')?.[1] ??
    query.get('X-Amz-Credential')?.split('/')[0];
  return credential === undefined ? 'ANONYMOUS' : `AWS:${credential}`;
}

/**
 * The sandbox's S3 endpoint: an in-process `(req, res)` handler in front of the S3 engine (fauxqs)
 * that adds what S3 does and fauxqs lacks — browser POST uploads checked against their SigV4
 * policy, CORS from the buckets' `CorsConfiguration`, and event notifications — and forwards
 * everything else unchanged.
 *
 * @example
 * ```ts
 * const front = new S3Front({ engineUrl: fauxqs.address, region, accountId, lookupSecret, buckets, notifications });
 * createServer(front.handle).listen(0, '127.0.0.1');
 * ```
 */
export class S3Front {
  readonly #options: S3FrontOptions;
  readonly #engineUrl: URL;
  readonly #serving = new Set<Promise<void>>();
  /** The engine, path style, for the front's own calls (HeadObject after a write, POST storage). */
  readonly engine: S3Client;

  constructor(options: S3FrontOptions) {
    this.#options = options;
    this.#engineUrl = new URL(options.engineUrl);
    this.engine = new S3Client({
      endpoint: options.engineUrl,
      region: options.region,
      forcePathStyle: true,
      credentials: { accessKeyId: 'stratum-sandbox', secretAccessKey: 'stratum-sandbox' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const served = this.#serve(req, res).catch((error: unknown) => {
      process.stderr.write(
        `${JSON.stringify({ level: 'ERROR', source: 's3-front', message: error instanceof Error ? error.message : String(error) })}\n`,
      );
      if (!res.headersSent) {
        sendRefusal(
          res,
          new S3Refusal('InternalError', 'We encountered an internal error. Please try again.', 500),
        );
      } else {
        res.destroy();
      }
    });
    // Notifications are raised after the answer is sent: drain() waits for that work too.
    this.#serving.add(served);
    served.finally(() => this.#serving.delete(served));
  };

  /** Applies a bucket's notification configuration and sends S3's test event to its queues and topics. */
  setNotifications(bucket: string, notifications: BucketNotifications): void {
    this.#options.buckets.configure(bucket, { notifications });
    this.#options.notifications.sendTestEvents(bucket, notifications, s3RequestId());
  }

  /** Waits for requests still being served and notifications still being delivered. */
  async drain(): Promise<void> {
    while (this.#serving.size > 0) await Promise.all([...this.#serving]);
    await this.#options.notifications.drain();
  }

  close(): void {
    this.engine.destroy();
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = s3RequestTarget(req);
    const method = req.method ?? 'GET';
    const { bucket } = target;
    const rules = bucket === undefined ? undefined : this.#options.buckets.settingsOf(bucket).cors;
    if (method === 'OPTIONS' && bucket !== undefined) {
      try {
        res.writeHead(
          200,
          preflightHeaders(rules, req.headers, target.key === undefined ? 'BUCKET' : 'OBJECT'),
        );
        res.end();
      } catch (error) {
        if (!(error instanceof S3Refusal)) throw error;
        sendRefusal(res, error);
      }
      req.resume();
      return;
    }
    const cors = bucket === undefined ? {} : actualRequestHeaders(rules, req.headers, method);
    try {
      assertEngineSupports(method, target);
      if (
        bucket !== undefined &&
        target.key === undefined &&
        method === 'GET' &&
        target.query.has('location')
      ) {
        const body = locationDocument(this.#options.region);
        res.writeHead(200, {
          ...cors,
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
        return;
      }
      if (bucket !== undefined && target.key === undefined && method === 'POST' && isMultipartForm(req)) {
        await this.#postUpload(req, res, bucket, cors);
        return;
      }
    } catch (error) {
      if (!(error instanceof S3Refusal)) throw error;
      res.setHeader('connection', 'close');
      sendRefusal(res, error, cors);
      req.resume();
      return;
    }
    const response = await relayToEngine(
      req,
      res,
      this.#engineUrl,
      target.pathStyleUrl,
      cors,
      needsResponseBody(method, target),
    );
    if (bucket === undefined) return;
    const notifications = this.#options.buckets.settingsOf(bucket).notifications;
    if (notifications.destinations.length === 0 && !notifications.eventBridge) return;
    const requestId = String(response.headers['x-amz-request-id'] ?? s3RequestId());
    for (const change of detectChanges(method, target, req.headers, response)) {
      const details = change.created ? await this.#objectDetails(bucket, change.key) : {};
      this.#options.notifications.notify(
        this.#change(req, target.query, { ...change, ...details, bucket, requestId }),
        notifications,
      );
    }
  }

  async #postUpload(
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    cors: Readonly<Record<string, string>>,
  ): Promise<void> {
    const stored: StoredPost = await receivePostUpload(req, bucket, {
      engine: this.engine,
      lookupSecret: this.#options.lookupSecret,
      now: this.#now,
      ...(this.#options.partSize === undefined ? {} : { partSize: this.#options.partSize }),
    });
    const answer = postSuccess(stored, `http://${req.headers.host ?? 'localhost'}`);
    res.writeHead(answer.status, { ...cors, ...answer.headers });
    res.end(answer.body);
    const credential = stored.fields.get('x-amz-credential')?.split('/')[0];
    const change = this.#change(req, new URLSearchParams(), {
      eventName: 'ObjectCreated:Post',
      bucket,
      key: stored.key,
      size: stored.size,
      eTag: stored.etag,
      requestId: s3RequestId(),
    });
    this.#options.notifications.notify(
      { ...change, principalId: credential === undefined ? change.principalId : `AWS:${credential}` },
      this.#options.buckets.settingsOf(bucket).notifications,
    );
  }

  async #objectDetails(bucket: string, key: string): Promise<{ size?: number; eTag?: string }> {
    try {
      const head = await this.engine.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        ...(head.ContentLength === undefined ? {} : { size: head.ContentLength }),
        ...(head.ETag === undefined ? {} : { eTag: head.ETag.replaceAll('"', '') }),
      };
    } catch {
      // Deleted again before we looked: S3 would still report the creation.
      return {};
    }
  }

  #change(
    req: IncomingMessage,
    query: URLSearchParams,
    fields: Pick<ObjectChange, 'eventName' | 'bucket' | 'key' | 'size' | 'eTag' | 'requestId'>,
  ): ObjectChange {
    const time = this.#now();
    return {
      ...fields,
      time,
      sequencer: nextSequencer(time),
      sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      principalId: principalOf(req, query),
    };
  }

  readonly #now = (): Date => (this.#options.now ?? (() => new Date()))();
}
