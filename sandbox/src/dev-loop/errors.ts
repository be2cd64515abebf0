/** The fast loop's own failures (a build failing is not one: it is reported, and the old code kept). */
export class DevLoopError extends Error {
  override readonly name: string = 'DevLoopError';
}
