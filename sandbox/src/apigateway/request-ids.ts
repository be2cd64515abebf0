import { randomBytes } from 'node:crypto';

/** A request id shaped like HTTP API's (`JKJaXmPLvHcESHA=`): 11 random bytes, base64. */
export function newRequestId(): string {
  return randomBytes(11).toString('base64');
}

/** An X-Ray trace header like the one API Gateway adds: `Root=1-<epoch hex>-<96 random bits>`. */
export function newTraceHeader(epochMillis: number): string {
  const seconds = Math.floor(epochMillis / 1000)
    .toString(16)
    .padStart(8, '0');
  return `Root=1-${seconds}-${randomBytes(12).toString('hex')}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time`: the Common Log Format time, in UTC (`12/Mar/2020:19:03:58 +0000`). */
export function clfTime(epochMillis: number): string {
  const date = new Date(epochMillis);
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}
