/** The parts of an ARN the bus emulator routes on: `arn:aws:<service>:<region>:<account>:<resource>`. */
export interface ParsedArn {
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:[\w-]+:([\w-]+):([\w-]*):(\d*):(.+)$/;

/** Parses an ARN, or returns `undefined` when the text is not one. */
export function parseArn(text: string): ParsedArn | undefined {
  const match = ARN.exec(text);
  if (match === null) return undefined;
  const [, service = '', region = '', account = '', resource = ''] = match;
  return { service, region, account, resource };
}

/** Where buses live: every ARN the emulator builds uses this account and region. */
export interface EventsLocation {
  readonly account: string;
  readonly region: string;
}

export function eventBusArn(location: EventsLocation, busName: string): string {
  return `arn:aws:events:${location.region}:${location.account}:event-bus/${busName}`;
}

/** Rules on the default bus have no bus segment in their ARN; rules on custom buses do. */
export function ruleArn(location: EventsLocation, busName: string, ruleName: string): string {
  const path = busName === 'default' ? ruleName : `${busName}/${ruleName}`;
  return `arn:aws:events:${location.region}:${location.account}:rule/${path}`;
}

export function archiveArn(location: EventsLocation, archiveName: string): string {
  return `arn:aws:events:${location.region}:${location.account}:archive/${archiveName}`;
}

/**
 * The bus name from an `EventBusName` value, which PutEvents and rules accept as a name or an
 * ARN. Returns `undefined` for an ARN that is not an event bus's.
 */
export function busNameOf(nameOrArn: string): string | undefined {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const arn = parseArn(nameOrArn);
  if (arn?.service !== 'events' || !arn.resource.startsWith('event-bus/')) return undefined;
  return arn.resource.slice('event-bus/'.length);
}
