import { EventSourceDefinitionError } from '../event-sources/errors.ts';
import { type CompiledJsonPath, compileJsonPath, evaluateJsonPath } from '../events/bus/json-path.ts';

/** What the reserved `<aws.pipes.*>` variables read, besides the event. */
export interface PipeTemplateContext {
  readonly pipeArn: string;
  readonly pipeName: string;
  readonly sourceArn: string;
  readonly enrichmentArn?: string;
  readonly targetArn: string;
  readonly ingestionTime: Date;
  /** The event as the source (or the enrichment) gave it: an SQS `body` is still text here. */
  readonly event: unknown;
  /** The same event with implicit body parsing applied: a JSON `body` is an object. */
  readonly eventJson: unknown;
}

const RESERVED = [
  'aws.pipes.pipe-arn',
  'aws.pipes.pipe-name',
  'aws.pipes.source-arn',
  'aws.pipes.enrichment-arn',
  'aws.pipes.target-arn',
  'aws.pipes.event.ingestion-time',
  'aws.pipes.event',
  'aws.pipes.event.json',
] as const;
type Reserved = (typeof RESERVED)[number];
const RESERVED_NAMES: ReadonlySet<string> = new Set(RESERVED);
/** Raw JSON values: allowed only as a JSON value, never inside a quoted string. */
const JSON_ONLY: ReadonlySet<string> = new Set(['aws.pipes.event', 'aws.pipes.event.json']);
const PLACEHOLDER = /<(\$[^<>\s]*|aws\.pipes\.[a-z.-]+)>/g;

type Segment =
  | { readonly text: string }
  | { readonly path: CompiledJsonPath; readonly inString: boolean }
  | { readonly reserved: Reserved; readonly inString: boolean };

/** A Pipes `InputTemplate`, checked and cut into text and placeholders once, at pipe creation. */
export interface CompiledPipeTemplate {
  readonly segments: readonly Segment[];
  readonly jsonTemplate: boolean;
}

/**
 * Compiles a Pipes input template: `<$.json.path>` placeholders (dot keys, `[index]`, `*`) read the
 * event, and the reserved `<aws.pipes.*>` variables read the pipe. As in EventBridge, a placeholder
 * inside a quoted string gets the raw value; outside quotes a JSON template gets a JSON value.
 *
 * @throws EventSourceDefinitionError for a path Pipes cannot evaluate, an unknown `aws.pipes.` name,
 *   or a raw-event variable inside quotes
 */
export function compilePipeTemplate(template: string, where: string): CompiledPipeTemplate {
  const problems: string[] = [];
  const segments: Segment[] = [];
  let inString = false;
  let last = 0;
  let index = 0;
  while (index < template.length) {
    const char = template[index];
    if (char === '\\' && inString) {
      index += 2;
      continue;
    }
    if (char === '"') inString = !inString;
    if (char === '<') {
      PLACEHOLDER.lastIndex = index;
      const match = PLACEHOLDER.exec(template);
      const name = match?.index === index ? match[1] : undefined;
      if (match !== null && name !== undefined) {
        if (index > last) segments.push({ text: template.slice(last, index) });
        if (name.startsWith('$')) {
          try {
            segments.push({ path: compileJsonPath(name, where), inString });
          } catch (error) {
            problems.push((error as Error).message);
          }
        } else if (!RESERVED_NAMES.has(name)) {
          problems.push(`<${name}> is not a Pipes variable (known: ${RESERVED.join(', ')})`);
        } else if (inString && JSON_ONLY.has(name)) {
          problems.push(`<${name}> can only be used as a JSON value, not inside a quoted string`);
        } else segments.push({ reserved: name as Reserved, inString });
        index += match[0].length;
        last = index;
        continue;
      }
    }
    index += 1;
  }
  if (last < template.length) segments.push({ text: template.slice(last) });
  if (problems.length > 0) throw new EventSourceDefinitionError(where, problems);
  return { segments, jsonTemplate: /^\s*[{["]/.test(template) };
}

function reservedValue(name: Reserved, context: PipeTemplateContext): unknown {
  switch (name) {
    case 'aws.pipes.pipe-arn':
      return context.pipeArn;
    case 'aws.pipes.pipe-name':
      return context.pipeName;
    case 'aws.pipes.source-arn':
      return context.sourceArn;
    case 'aws.pipes.enrichment-arn':
      return context.enrichmentArn;
    case 'aws.pipes.target-arn':
      return context.targetArn;
    case 'aws.pipes.event.ingestion-time':
      return context.ingestionTime.toISOString();
    case 'aws.pipes.event':
      return context.event;
    case 'aws.pipes.event.json':
      return context.eventJson;
  }
}

/** Renders the template for one event (JSON paths read the body-parsed event). */
export function renderPipeTemplate(compiled: CompiledPipeTemplate, context: PipeTemplateContext): string {
  let output = '';
  for (const segment of compiled.segments) {
    if ('text' in segment) {
      output += segment.text;
      continue;
    }
    const value =
      'path' in segment
        ? evaluateJsonPath(segment.path, context.eventJson)
        : reservedValue(segment.reserved, context);
    const asJson = compiled.jsonTemplate && !segment.inString;
    if (value === undefined) output += asJson ? 'null' : '';
    else if (asJson || (typeof value === 'object' && value !== null)) output += JSON.stringify(value);
    else output += String(value);
  }
  return output;
}

/**
 * A target or enrichment parameter that may be a dynamic path (`$.detail.type`): the whole value must
 * be the path. Evaluated against the event before any input transformation, as Pipes does.
 */
export function compileDynamicValue(
  value: unknown,
  where: string,
): ((event: unknown) => string | undefined) | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new EventSourceDefinitionError(where, [`expected a string, got ${JSON.stringify(value)}`]);
  if (!value.startsWith('$.')) return () => value;
  const path = compileJsonPath(value, where);
  return (event) => {
    const found = evaluateJsonPath(path, event);
    if (found === undefined || found === null) return undefined;
    return typeof found === 'object' ? JSON.stringify(found) : String(found);
  };
}
