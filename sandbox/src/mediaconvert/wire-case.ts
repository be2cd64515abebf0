/**
 * MediaConvert's REST-JSON wire names are its member names with a lower-case first letter
 * (`OutputGroups` ↔ `outputGroups`), while CloudFormation's `SettingsJson` and the SDK's objects
 * use the member names. The emulation keeps settings in member-name case and converts at the wire.
 * Keys of map-typed fields (`AudioSelectors: { 'Audio Selector 1': … }`, `userMetadata`) are names
 * the user chose, and stay as they are.
 */
const MAP_FIELDS = new Set([
  'AudioSelectors',
  'AudioSelectorGroups',
  'CaptionSelectors',
  'DynamicAudioSelectors',
  'UserMetadata',
  'Tags',
]);

type Json = unknown;

const toUpperFirst = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
const toLowerFirst = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);

function convert(value: Json, rename: (key: string) => string, keepKeys: boolean): Json {
  if (Array.isArray(value)) return value.map((item) => convert(item, rename, false));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, Json> = {};
  for (const [key, child] of Object.entries(value)) {
    const name = keepKeys ? key : rename(key);
    // A map's entries are values of the field's type: their own fields are renamed again.
    const isMap = !keepKeys && MAP_FIELDS.has(toUpperFirst(key));
    result[name] = isMap ? convertMap(child, rename) : convert(child, rename, false);
  }
  return result;
}

function convertMap(value: Json, rename: (key: string) => string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, convert(entry, rename, false)]),
  );
}

/** Wire (`outputGroups`) → member names (`OutputGroups`). */
export function fromWire(value: Json): Json {
  return convert(value, toUpperFirst, false);
}

/** Member names (`OutputGroups`) → wire (`outputGroups`). */
export function toWire(value: Json): Json {
  return convert(value, toLowerFirst, false);
}
