// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are written with ${...}
import { describe, expect, it } from 'vitest';
import { parseSub } from '../../src/template/sub-syntax.ts';

describe('parseSub', () => {
  it('splits literals, variables and escapes', () => {
    expect(parseSub('a${B}c${D.E.F}${!G}${')).toEqual([
      { kind: 'literal', text: 'a' },
      { kind: 'variable', name: 'B' },
      { kind: 'literal', text: 'c' },
      { kind: 'variable', name: 'D.E.F' },
      { kind: 'literal', text: '${G}${' },
    ]);
  });

  it('keeps text without variables whole', () => {
    expect(parseSub('plain {text}')).toEqual([{ kind: 'literal', text: 'plain {text}' }]);
  });
});
