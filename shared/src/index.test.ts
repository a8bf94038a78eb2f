import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as api from './index';

describe('public API', () => {
  it('exports the entry points the server and admin use', () => {
    for (const name of [
      'validateScheme',
      'validateDataset',
      'validateDatasetFor',
      'evaluate',
      'evaluateValidated',
      'previewIndicator',
      'roundHalfUp',
      'roundScaled',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    }
    const p = api.problem('/x', 'WEIGHT_NOT_POSITIVE');
    expect(new api.ValidationError([p]).problems).toEqual([
      { path: '/x', code: 'WEIGHT_NOT_POSITIVE', params: {}, message: 'weight must be a number > 0' },
    ]);
  });

  it('is pure: nothing index.ts reaches imports Node built-ins, server or admin', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/from '([^']+)'/g)) {
        const spec = m[1];
        expect(`${relative(__dirname, file)} → ${spec}`).not.toMatch(
          /→ (node:|fs$|path$|os$|child_process|http|crypto|@kaoping\/(server|admin))/,
        );
        if (spec.startsWith('.')) {
          const base = join(file, '..', spec);
          visit(statSync(`${base}.ts`, { throwIfNoEntry: false }) ? `${base}.ts` : join(base, 'index.ts'));
        }
      }
      expect(src).not.toMatch(/\beval\(|new Function\(|Date\.now\(|new Date\(|Math\.random\(/);
    };
    visit(join(__dirname, 'index.ts'));
    expect(seen.size).toBeGreaterThan(20);
  });

  it('keeps every source file under ~300 lines', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    for (const f of walk(__dirname))
      expect([relative(__dirname, f), readFileSync(f, 'utf8').split('\n').length <= 300]).toEqual([
        relative(__dirname, f),
        true,
      ]);
  });
});
