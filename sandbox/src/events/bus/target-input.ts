import type { TransformContext } from './input-transformer.ts';
import { renderInputTransformer } from './input-transformer.ts';
import { evaluateJsonPath } from './json-path.ts';
import type { TargetInput } from './rule-target.ts';

/**
 * The text a target receives for one event: the event as JSON, the constant `Input` as written,
 * the JSON of what `InputPath` selects (`null` when the event has nothing there), or the rendered
 * `InputTransformer` template.
 */
export function renderTargetInput(input: TargetInput, context: TransformContext): string {
  switch (input.kind) {
    case 'event':
      return JSON.stringify(context.event);
    case 'constant':
      return input.text;
    case 'path':
      return JSON.stringify(evaluateJsonPath(input.path, context.event) ?? null);
    case 'transformer':
      return renderInputTransformer(input.transformer, context);
  }
}
