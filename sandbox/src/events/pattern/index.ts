export { compilePattern, MAX_PATTERN_DEPTH } from './compile-pattern.ts';
export type { CompiledPattern, JsonLeaf } from './compiled-pattern.ts';
export { EventPatternError, formatPatternPath, type PatternPath } from './errors.ts';
export { matches } from './match-pattern.ts';
