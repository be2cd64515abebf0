import { parseJsonOrText } from '../event-sources/filter-criteria.ts';
import { describeFunctionError, type FunctionInvoker } from '../event-sources/function-invoker.ts';
import type { QueueSender } from '../event-sources/queue-sender.ts';
import type { PutEventsRequestEntry, PutEventsResult } from '../events/bus/put-events-entry.ts';
import type { PipeDefinition } from './pipe-definition.ts';
import {
  type CompiledPipeTemplate,
  type PipeTemplateContext,
  renderPipeTemplate,
} from './pipe-input-template.ts';

/** What a pipe reaches: Lambda (enrichment, target), the event bus, SQS. */
export interface PipeDependencies {
  readonly invoker: FunctionInvoker;
  readonly putEvents?: (
    entries: readonly PutEventsRequestEntry[],
  ) => PutEventsResult | Promise<PutEventsResult>;
  readonly queues?: QueueSender;
  readonly now?: () => Date;
}

/** A batch a pipe could not deliver; the poller retries it (or leaves SQS messages for redelivery). */
export class PipeDeliveryError extends Error {
  override readonly name = 'PipeDeliveryError';
}

export interface PipeIdentity {
  readonly arn: string;
  readonly definition: PipeDefinition;
}

/** Implicit body parsing: an SQS record's JSON `body` becomes an object for paths and `aws.pipes.event.json`. */
function bodyParsed(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const body = (event as { body?: unknown }).body;
  return typeof body === 'string' ? { ...event, body: parseJsonOrText(body) } : event;
}

function render(
  template: CompiledPipeTemplate | undefined,
  event: unknown,
  pipe: PipeIdentity,
  now: Date,
): unknown {
  if (template === undefined) return event;
  const { definition } = pipe;
  const context: PipeTemplateContext = {
    pipeArn: pipe.arn,
    pipeName: definition.name,
    sourceArn: definition.source.arn,
    ...(definition.enrichment !== undefined && { enrichmentArn: definition.enrichment.arn }),
    targetArn: definition.target.arn,
    ingestionTime: now,
    event,
    eventJson: bodyParsed(event),
  };
  // The rendered text is what the target receives; a JSON result travels as its value.
  return parseJsonOrText(renderPipeTemplate(template, context));
}

async function enrich(
  events: readonly unknown[],
  pipe: PipeIdentity,
  deps: PipeDependencies,
  now: Date,
): Promise<unknown[]> {
  const enrichment = pipe.definition.enrichment;
  if (enrichment === undefined) return [...events];
  const input = events.map((event) => render(enrichment.template, event, pipe, now));
  const result = await deps.invoker.invoke(enrichment.arn, input);
  if (result.functionError !== undefined) {
    throw new PipeDeliveryError(`enrichment ${enrichment.arn} failed: ${describeFunctionError(result)}`);
  }
  // Pipes passes on what the enrichment returns: a list is the new batch, one value a batch of one.
  if (result.payload === undefined || result.payload === null) return [];
  return Array.isArray(result.payload) ? result.payload : [result.payload];
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Runs one batch through a pipe: optional Lambda enrichment (with its input template), then the target
 * (with its input template and dynamic path parameters, read from the event before transformation).
 * Event-bus targets get one PutEvents entry per event, `Source` `Pipe <name>` and `DetailType`
 * `Event from <source service>` unless the parameters say otherwise.
 *
 * @throws PipeDeliveryError when the enrichment or the target fails (the batch is retried)
 */
export async function deliverPipeBatch(
  events: readonly unknown[],
  pipe: PipeIdentity,
  deps: PipeDependencies,
): Promise<void> {
  const now = (deps.now ?? (() => new Date()))();
  const enriched = await enrich(events, pipe, deps, now);
  if (enriched.length === 0) return;
  const { target, targetTemplate, name, source } = pipe.definition;
  const payloads = enriched.map((event) => render(targetTemplate, event, pipe, now));
  switch (target.kind) {
    case 'events': {
      if (deps.putEvents === undefined)
        throw new PipeDeliveryError('the sandbox has no event bus wired for pipes');
      const entries = enriched.map((event, index) => {
        const view = bodyParsed(event);
        return {
          EventBusName: target.arn,
          Source: target.source?.(view) ?? `Pipe ${name}`,
          DetailType: target.detailType?.(view) ?? `Event from aws:${source.kind}`,
          Detail: asText(payloads[index]),
          Resources: target.resources,
          Time: now,
        };
      });
      for (let start = 0; start < entries.length; start += 10) {
        const result = await deps.putEvents(entries.slice(start, start + 10));
        const failed = result.Entries.find((entry) => 'ErrorCode' in entry);
        if (failed !== undefined && 'ErrorCode' in failed) {
          throw new PipeDeliveryError(
            `PutEvents to ${target.arn} failed: ${failed.ErrorCode}: ${failed.ErrorMessage}`,
          );
        }
      }
      return;
    }
    case 'lambda': {
      const invocation = deps.invoker.invoke(target.arn, payloads);
      if (target.fireAndForget) {
        invocation.catch(() => {});
        return;
      }
      const result = await invocation;
      if (result.functionError !== undefined) {
        throw new PipeDeliveryError(`target ${target.arn} failed: ${describeFunctionError(result)}`);
      }
      return;
    }
    case 'sqs': {
      if (deps.queues === undefined)
        throw new PipeDeliveryError('the sandbox has no SQS client wired for pipes');
      for (const [index, payload] of payloads.entries()) {
        const view = bodyParsed(enriched[index]);
        const groupId = target.messageGroupId?.(view);
        const deduplicationId = target.messageDeduplicationId?.(view);
        await deps.queues.send({
          queueArn: target.arn,
          body: asText(payload),
          ...(groupId !== undefined && { messageGroupId: groupId }),
          ...(deduplicationId !== undefined && { messageDeduplicationId: deduplicationId }),
        });
      }
    }
  }
}
