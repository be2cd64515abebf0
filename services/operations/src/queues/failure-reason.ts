import * as z from 'zod';

export interface FailureReason {
  readonly code: string | null;
  readonly message: string | null;
  readonly attempts: number | null;
}

/** A Lambda on-failure destination record (asynchronous invocation) or a Pipes dead letter. */
const failureRecordSchema = z.object({
  requestContext: z
    .object({ condition: z.string().optional(), approximateInvokeCount: z.number().optional() })
    .optional(),
  context: z
    .object({
      condition: z.string().optional(),
      errorMessage: z.string().optional(),
      approximateInvokeCount: z.number().optional(),
    })
    .optional(),
  requestPayload: z.unknown().optional(),
  responsePayload: z
    .object({ errorType: z.string().optional(), errorMessage: z.string().optional() })
    .nullish()
    .catch(undefined),
});

type FailureRecord = z.output<typeof failureRecordSchema>;

function parseRecord(body: string): FailureRecord | undefined {
  try {
    const parsed = failureRecordSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/**
 * Why a message was dead-lettered, from what the services that put it there add:
 * EventBridge rules and Scheduler set `ERROR_CODE`, `ERROR_MESSAGE`, `RETRY_ATTEMPTS` message
 * attributes; Lambda's on-failure record has `requestContext.condition` and the function's
 * `responsePayload` error; Pipes put `context.condition` and `context.errorMessage`; SQS's own
 * redrive sets the `DeadLetterQueueSourceArn` system attribute. Null when nothing says why.
 */
export function failureReasonOf(
  body: string,
  attributes: Readonly<Record<string, string>>,
  systemAttributes: Readonly<Record<string, string>>,
): FailureReason | null {
  if (attributes.ERROR_CODE !== undefined || attributes.ERROR_MESSAGE !== undefined) {
    return {
      code: attributes.ERROR_CODE ?? null,
      message: attributes.ERROR_MESSAGE ?? null,
      // RETRY_ATTEMPTS counts retries; the first attempt is not one.
      attempts: integer(attributes.RETRY_ATTEMPTS) === null ? null : Number(attributes.RETRY_ATTEMPTS) + 1,
    };
  }
  const record = parseRecord(body);
  if (record?.requestContext?.condition) {
    const error = record.responsePayload;
    return {
      code: error?.errorType ?? record.requestContext.condition,
      message: error?.errorMessage ?? record.requestContext.condition,
      attempts: record.requestContext.approximateInvokeCount ?? null,
    };
  }
  if (record?.context?.condition) {
    return {
      code: record.context.condition,
      message: record.context.errorMessage ?? null,
      attempts: record.context.approximateInvokeCount ?? null,
    };
  }
  const source = systemAttributes.DeadLetterQueueSourceArn;
  if (source) {
    return {
      code: 'MaxReceiveCountExceeded',
      message: `Received from ${source.split(':').pop()} as often as its redrive policy allows, never deleted.`,
      attempts: null,
    };
  }
  return null;
}

/** What a re-invocation needs: the original event, and the function it was meant for when the message says. */
export interface RedrivableEvent {
  readonly event: unknown;
  /** Unqualified ARN; undefined when the message does not name its function. */
  readonly functionArn?: string;
}

/** `arn:…:function:name:$LATEST` → `arn:…:function:name` (records name the invoked version). */
function unqualified(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/**
 * The event a failed asynchronous invocation was given, and the function it was for: the
 * `requestPayload` and `requestContext.functionArn` of a Lambda on-failure record, or the body
 * itself and the `TARGET_ARN` attribute when EventBridge dead-lettered the event (an object with
 * `detail-type`). Undefined when the body is neither: such a message is never re-sent.
 */
export function redrivableEventOf(
  body: string,
  attributes: Readonly<Record<string, string>>,
): RedrivableEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  if ('requestContext' in parsed && 'requestPayload' in parsed) {
    if (parsed.requestPayload === undefined || parsed.requestPayload === null) return undefined;
    const context = parsed.requestContext;
    const arn =
      typeof context === 'object' && context !== null && 'functionArn' in context
        ? context.functionArn
        : undefined;
    return {
      event: parsed.requestPayload,
      ...(typeof arn === 'string' ? { functionArn: unqualified(arn) } : {}),
    };
  }
  if ('detail-type' in parsed) {
    const target = attributes.TARGET_ARN;
    return { event: parsed, ...(target?.includes(':function:') ? { functionArn: unqualified(target) } : {}) };
  }
  return undefined;
}
