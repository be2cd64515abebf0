export type { BuiltBundle, BundleSource } from './bundle-builder.ts';
export { DevLoop, type DevLoopOptions, type RebuildReport, type WatchedFunction } from './dev-loop.ts';
export { DevLoopError } from './errors.ts';
export { watchedFunctionsOf } from './watched-functions.ts';
