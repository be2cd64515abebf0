import * as z from 'zod';
import { type DomainEvent, domainEventDefinition } from './catalog.ts';
import { DomainEventValidationError, UnknownDomainEventError } from './errors.ts';
import { validationErrorFrom } from './zod-issue.ts';

/** The part of an EventBridge event (as rules deliver it to Lambda, SQS, ...) that we read. */
const envelopeSchema = z.object({
  source: z.string({ error: 'must be a string' }),
  'detail-type': z.string({ error: 'must be a string' }),
  detail: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
});

/**
 * Parses an EventBridge event into a typed domain event, or throws a
 * `DomainEventValidationError` whose `field` names what is wrong (`detail-type`, `source`,
 * `detail.title`, ...); an unknown `detail-type` is an `UnknownDomainEventError`.
 *
 * @example
 * const event = parseDomainEvent(JSON.parse(sqsRecord.body));
 * if (event.detailType === 'TodoDueSoon') event.detail.dueDate; // typed
 */
export function parseDomainEvent(input: unknown): DomainEvent {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) throw validationErrorFrom(envelope.error, '');
  const { source, 'detail-type': detailType, detail } = envelope.data;

  const definition = domainEventDefinition(detailType);
  if (!definition) throw new UnknownDomainEventError(detailType);
  if (source !== definition.source) {
    throw new DomainEventValidationError('source', `must be ${definition.source} for ${detailType}`);
  }
  const parsed = definition.detail.safeParse(detail);
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'detail');
  // The definition was looked up by this very name, so the pairing is the union member's.
  return { source: definition.source, detailType: definition.name, detail: parsed.data } as DomainEvent;
}
