/** One piece of an `Fn::Sub` string. */
export type SubPart =
  | { readonly kind: 'literal'; readonly text: string }
  /** `${Name}` or `${Resource.Attribute}`; `name` is the text between the braces. */
  | { readonly kind: 'variable'; readonly name: string };

/**
 * Splits an `Fn::Sub` string into literals and `${...}` variables. `${!Text}` is the escape
 * for a literal `${Text}`; a `${` without a closing brace is kept as text, as CloudFormation does.
 *
 * @example
 * ```ts
 * parseSub('arn:${AWS::Partition}:s3:::${Bucket}/${!key}');
 * // literal 'arn:', variable AWS::Partition, literal ':s3:::', variable Bucket, literal '/${key}'
 * ```
 */
export function parseSub(text: string): SubPart[] {
  const parts: SubPart[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('${', index);
    const close = open === -1 ? -1 : text.indexOf('}', open + 2);
    if (open === -1 || close === -1) {
      literal += text.slice(index);
      break;
    }
    literal += text.slice(index, open);
    const inner = text.slice(open + 2, close);
    if (inner.startsWith('!')) {
      literal += `\${${inner.slice(1)}}`;
    } else {
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      parts.push({ kind: 'variable', name: inner.trim() });
    }
    index = close + 1;
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}

/** Splits `Resource.Attribute` at the first dot (attribute names may contain dots). */
export function splitAttributeName(name: string): { logicalId: string; attribute?: string } {
  const dot = name.indexOf('.');
  if (dot === -1) return { logicalId: name };
  return { logicalId: name.slice(0, dot), attribute: name.slice(dot + 1) };
}
