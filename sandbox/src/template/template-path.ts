/** A place inside a template: `Resources.Fn.Properties.Code.S3Key`, `...Fn::Join[1][0]`. */
export type TemplatePath = readonly (string | number)[];

export function formatPath(path: TemplatePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text || '(template root)';
}
