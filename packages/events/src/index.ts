export {
  DOMAIN_EVENTS,
  type DomainEvent,
  type DomainEventInput,
  type DomainEventName,
  type DomainEventOf,
  type DomainEventSource,
  domainEventDefinition,
  MediaProcessed,
  MediaUploaded,
  MemberInvited,
  MemberJoined,
  TodoCompleted,
  TodoCreated,
  TodoDeleted,
  TodoDueSoon,
} from './catalog.ts';
export { createDomainEvent } from './create-domain-event.ts';
export { DOMAIN_EVENT_VERSION, defineDomainEvent } from './define-domain-event.ts';
export {
  DomainEventValidationError,
  EventsError,
  StreamRecordError,
  UnknownDomainEventError,
} from './errors.ts';
export { deterministicEventId } from './event-id.ts';
export { parseDomainEvent } from './parse-domain-event.ts';
export { MAX_ENTRY_BYTES, type PutEventsEntry, toPutEventsEntry } from './put-events-entry.ts';
export { domainEventsFromStreamRecord, ENTITY_ATTRIBUTE } from './stream/domain-events-from-stream-record.ts';
export {
  PIPE_EVENT_BUS_TARGET_PARAMETERS,
  TABLE_STREAM_FILTER_PATTERNS,
} from './stream/pipe-configuration.ts';
