import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliIo } from './cli';

const ex = (f: string) => join(__dirname, '..', 'examples', f);
const SCHEME = ex('district-2023.scheme.json');
const DATASET = ex('district-2023.dataset.json');

function run(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (p) => (p in files ? files[p] : readFileSync(p, 'utf8')),
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  };
  const code = runCli(argv, io);
  return { code, stdout, stderr };
}

describe('CLI', () => {
  it('validate: a valid scheme → exit 0 and a "valid" line', () => {
    const r = run(['validate', SCHEME]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^valid/);
  });

  it('validate: every problem on stderr as "path: message", exit 1', () => {
    const s = JSON.parse(readFileSync(SCHEME, 'utf8'));
    s.formatVersion = 2;
    s.precision = 9;
    const r = run(['validate', 'bad.json'], { 'bad.json': JSON.stringify(s) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/formatVersion: formatVersion must be 1');
    expect(r.stderr).toContain('/precision: ');
  });

  it('evaluate: the expected result on stdout, 2-space indent', () => {
    const r = run(['evaluate', SCHEME, DATASET]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(ex('district-2023.expected.json'), 'utf8'));
    expect(r.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('evaluate --explain adds explanations (byte for byte the fixture, made when they were built eagerly) and receipts', () => {
    const r = run(['evaluate', '--explain', SCHEME, DATASET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('实际 5350 / 目标 16000 = 33.44%，得 2.68 分（满分 8 分）');
    const out = JSON.parse(r.stdout);
    const t01 = out.subjects.find((s: { subject: string }) => s.subject === 'T01').receipt;
    expect(t01.schemeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t01.inputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t01.bonus).toEqual({ claimed: 6, counted: 5, cap: 5 });
    expect(t01.lines.map((l: { text: string }) => l.text)).toContain('加分合计 6 分，超过本组加分上限 5 分，计入 5 分');
    for (const s of out.subjects) delete s.receipt;
    expect(`${JSON.stringify(out, null, 2)}\n`).toBe(readFileSync(ex('district-2023.explained.json'), 'utf8'));
  });

  it('validate --json: the problems as JSON with codes on stdout, exit 1; a valid scheme → valid: true', () => {
    const s = JSON.parse(readFileSync(SCHEME, 'utf8'));
    s.reviewThreshhold = 0.1;
    const r = run(['validate', '--json', 'bad.json'], { 'bad.json': JSON.stringify(s) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      problems: [
        {
          path: '/reviewThreshhold',
          code: 'UNKNOWN_KEY',
          params: { key: 'reviewThreshhold', suggestion: 'reviewThreshold' },
          message: 'unknown key "reviewThreshhold" (did you mean "reviewThreshold"?)',
        },
      ],
    });
    const ok = run(['validate', '--json', SCHEME]);
    expect([ok.code, JSON.parse(ok.stdout)]).toEqual([0, { valid: true, problems: [] }]);
  });

  it('evaluate: an invalid dataset → problems on stderr, exit 1', () => {
    const d = JSON.parse(readFileSync(DATASET, 'utf8'));
    d.inputs[0].actual = 'x';
    const r = run(['evaluate', SCHEME, 'd.json'], { 'd.json': JSON.stringify(d) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/inputs/0/actual: actual must be a number');
    expect(r.stdout).toBe('');
  });

  it('unreadable or broken JSON → exit 1', () => {
    expect(run(['validate', 'x.json'], { 'x.json': '{' }).code).toBe(1);
    expect(run(['validate', '/nonexistent/file.json']).code).toBe(1);
  });

  it.each([[[]], [['validate']], [['evaluate', SCHEME]], [['frobnicate']], [['evaluate', '--nope', SCHEME, DATASET]]])(
    'usage error %p → exit 2',
    (argv) => {
      const r = run(argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('usage: kaoping');
    },
  );

  it('package.json bin points at the compiled CLI, which starts with a shebang', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ kaoping: 'dist/cli.js' });
    expect(readFileSync(join(__dirname, 'cli.ts'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
