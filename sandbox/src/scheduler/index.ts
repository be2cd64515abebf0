export { type CronExpression, nextCronTime, parseCron } from './cron-expression.ts';
export type { ScheduleDefinition, ScheduleTarget } from './schedule-definition.ts';
export type { FiringResult, SchedulerDependencies } from './schedule-delivery.ts';
export {
  nextScheduledTime,
  parseScheduleExpression,
  type ScheduleExpression,
} from './schedule-expression.ts';
export { type ScheduleInfo, SchedulerEmulator, type SchedulerEmulatorOptions } from './scheduler-emulator.ts';
export { instantOf, wallClockOf } from './time-zone.ts';
