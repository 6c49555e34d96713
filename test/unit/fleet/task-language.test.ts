import { describe, expect, it } from 'vitest';
import { validateTask } from '../../../src/fleet/task-validation.js';

const task = (language: unknown) => ({ id: 'l-1', type: 'defect-analysis', description: 'why does it fail', payload: { language, files: [] } });

describe('payload.language', () => {
  it('takes any short language name, as writers of other languages give it', () => {
    for (const language of ['typescript', 'javascript', 'php', 'go', 'c++', 'c#', 'objective-c', 'Fortran90', 'node.js']) {
      expect(validateTask(task(language)).payload.language).toBe(language);
    }
    expect(validateTask({ ...task(undefined), payload: { files: [] } }).payload.language).toBeUndefined();
  });

  it('refuses anything else, naming the field and the rule', () => {
    for (const language of ['', '9lives', 'ruby on rails', '<script>', 'go\n', 'go\r\nX-Injected: 1', 'x'.repeat(41), 42, ['go']]) {
      expect(() => validateTask(task(language))).toThrow(/payload\.language: expected a language name/);
    }
  });
});
