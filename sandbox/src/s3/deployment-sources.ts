import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { S3DefinitionError } from './errors.ts';

/** `SourceMarkersConfig[i]` of a BucketDeployment (CDK's `Source.data`/`Source.jsonData` tokens). */
export interface MarkersConfig {
  readonly jsonEscape?: string;
  readonly markerEncodings?: Readonly<Record<string, string>>;
}

const SAFE_PLAIN_YAML = /^[A-Za-z][A-Za-z0-9._-]*$/;
const YAML_RESERVED = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);

/** How CDK's deployment handler writes a marker's value (`encode_marker_value`). */
export function encodeMarkerValue(
  marker: string,
  value: unknown,
  config: MarkersConfig,
  resource: string,
): string {
  const jsonEscape = String(config.jsonEscape ?? 'false').toLowerCase() === 'true';
  const encoding = config.markerEncodings?.[marker] ?? (jsonEscape ? 'UNQUOTED_JSON_VALUE' : 'LITERAL');
  const literal = () => {
    if (typeof value !== 'string')
      throw new S3DefinitionError(resource, [`marker ${marker} needs a string for ${encoding}`]);
    return value;
  };
  switch (encoding) {
    case 'LITERAL':
      return literal();
    case 'UNQUOTED_JSON_VALUE': {
      const serialized = JSON.stringify(value);
      return serialized.startsWith('"') && serialized.endsWith('"') ? serialized.slice(1, -1) : serialized;
    }
    case 'JSON_VALUE':
      return JSON.stringify(value);
    case 'YAML_STRING': {
      const text = literal();
      return SAFE_PLAIN_YAML.test(text) && !YAML_RESERVED.has(text.toLowerCase())
        ? text
        : JSON.stringify(text);
    }
    default:
      throw new S3DefinitionError(resource, [`unknown marker encoding ${encoding}`]);
  }
}

function replaceAllBytes(content: Buffer, token: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = content.indexOf(token, from); at !== -1; at = content.indexOf(token, from)) {
    parts.push(content.subarray(from, at), replacement);
    from = at + token.length;
  }
  if (from === 0) return content;
  parts.push(content.subarray(from));
  return Buffer.concat(parts);
}

/** Replaces every marker of one source in a file's bytes, as the handler does after extraction. */
export function replaceMarkers(
  content: Buffer,
  markers: Readonly<Record<string, unknown>>,
  config: MarkersConfig,
  resource: string,
): Buffer {
  let result = content;
  for (const [marker, value] of Object.entries(markers)) {
    const replacement = Buffer.from(encodeMarkerValue(marker, value, config, resource), 'utf8');
    result = replaceAllBytes(result, Buffer.from(marker, 'utf8'), replacement);
  }
  return result;
}

function walk(directory: string, root: string, files: Map<string, Buffer>): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, root, files);
    else if (entry.isFile()) files.set(relative(root, path).split(sep).join('/'), readFileSync(path));
  }
}

/**
 * The files of one deployment source, relative path → bytes. CDK stages a folder asset unzipped,
 * so a directory is read as is; a file asset is a zip archive and is extracted.
 */
export function sourceFiles(path: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (statSync(path).isDirectory()) {
    walk(path, path, files);
    return files;
  }
  for (const [name, content] of Object.entries(unzipSync(readFileSync(path)))) {
    if (!name.endsWith('/')) files.set(name, Buffer.from(content));
  }
  return files;
}

/** The source as the archive itself (`Extract: false`), named after its object key. */
export function sourceArchive(path: string, objectKey: string): [name: string, content: Buffer] {
  if (!statSync(path).isDirectory()) return [basename(objectKey), readFileSync(path)];
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of sourceFiles(path)) entries[name] = content;
  return [basename(objectKey), Buffer.from(zipSync(entries))];
}
