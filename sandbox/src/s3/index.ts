export { type DeploymentResult, deployBucketContents } from './bucket-deployment.ts';
export { BucketRegistry, type BucketSettings } from './bucket-registry.ts';
export { type CorsRule, parseCorsConfiguration } from './cors-rules.ts';
export { type EngineMessagingOptions, engineMessaging } from './engine-messaging.ts';
export {
  NotificationDeliveryError,
  S3DefinitionError,
  S3Refusal,
  S3SandboxError,
  S3UpstreamError,
} from './errors.ts';
export {
  type BucketNotifications,
  fromApi as notificationsFromApi,
  fromCloudFormation as notificationsFromCloudFormation,
} from './notification-configuration.ts';
export {
  type DeliveryReport,
  type NotificationDestinations,
  NotificationDispatcher,
  type NotificationDispatcherOptions,
} from './notification-dispatcher.ts';
export { policySignature, type SecretKeyLookup } from './post-signature.ts';
export type { S3Event, S3EventRecord } from './s3-event.ts';
export { S3Front, type S3FrontOptions } from './s3-front.ts';
export {
  type S3ResourceProviders,
  type S3ResourceProvidersOptions,
  s3ResourceProviders,
} from './s3-resource-providers.ts';
