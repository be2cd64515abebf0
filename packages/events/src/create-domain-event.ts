import {
  type DomainEventInput,
  type DomainEventName,
  type DomainEventOf,
  domainEventDefinition,
} from './catalog.ts';
import { DOMAIN_EVENT_VERSION } from './define-domain-event.ts';
import { UnknownDomainEventError } from './errors.ts';
import { validationErrorFrom } from './zod-issue.ts';

/**
 * Builds a validated event of the catalogue; producers never hand-write an envelope. Throws a
 * `DomainEventValidationError` naming the field when the detail breaks the schema.
 *
 * @example
 * const event = createDomainEvent('TodoDueSoon', {
 *   eventId, occurredAt: now.toISOString(), tenantId, todoId, title, dueDate, createdBy,
 * });
 */
export function createDomainEvent<N extends DomainEventName>(
  name: N,
  detail: DomainEventInput<N>,
): DomainEventOf<N> {
  const definition = domainEventDefinition(name);
  if (!definition) throw new UnknownDomainEventError(name);
  const parsed = definition.detail.safeParse({ ...detail, version: DOMAIN_EVENT_VERSION });
  if (!parsed.success) throw validationErrorFrom(parsed.error, 'detail');
  return { source: definition.source, detailType: definition.name, detail: parsed.data } as DomainEventOf<N>;
}
