export type { BusActivity, BusObserver } from './bus-observer.ts';
export {
  EventBusEmulatorError,
  EventsDefinitionError,
  PutEventsValidationError,
  TargetDeliveryError,
  UnknownEventsResourceError,
} from './errors.ts';
export type { EventArchive } from './event-archive.ts';
export {
  EventBusEmulator,
  type EventBusEmulatorOptions,
  type EventBusInfo,
  type StartReplayRequest,
} from './event-bus-emulator.ts';
export type { BusEvent, EventEnvelope } from './event-envelope.ts';
export type { EventRule } from './event-rule.ts';
export { eventsResourceProviders } from './events-resource-providers.ts';
export { createPutEventsHandler } from './put-events-api.ts';
export type { PutEventsRequestEntry, PutEventsResult, PutEventsResultEntry } from './put-events-entry.ts';
export type { RetrySchedule } from './retry-schedule.ts';
export type {
  BusForward,
  LambdaInvocation,
  SnsPublication,
  SqsMessage,
  TargetDispatcher,
} from './target-dispatcher.ts';
