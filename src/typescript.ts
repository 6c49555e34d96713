import { createRequire } from 'node:module';
import type * as TS from 'typescript';

/**
 * The TypeScript compiler, loaded with require(): an ESM `import ts from 'typescript'` makes Node scan the
 * 9 MB CommonJS bundle for named exports first (cjs-module-lexer), about 1.5 s of CPU on every start of a
 * process that imports it, more than loading it costs.
 */
const ts: typeof TS = createRequire(import.meta.url)('typescript');
export default ts;
