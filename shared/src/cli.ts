#!/usr/bin/env node
/**
 * kaoping CLI:
 *   kaoping validate [--json] <scheme.json>
 *   kaoping evaluate [--explain] <scheme.json> <dataset.json>
 * Exit codes: 0 ok, 1 invalid input (every problem on stderr as "path: message", or with --json
 * on stdout as JSON), 2 usage error.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  buildReceipts,
  canonicalJson,
  evaluateValidated,
  formatLine,
  langFor,
  validateDatasetFor,
  validateScheme,
  type Dataset,
  type Problem,
  type ReceiptLine,
  type Scheme,
  type SubjectReceipt,
} from './index';

export interface CliIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export const USAGE = [
  'usage: kaoping validate [--json] <scheme.json>',
  '       kaoping evaluate [--explain] <scheme.json> <dataset.json>',
  '',
  'validate --json prints { valid, problems: [{ path, code, params, message }] } on stdout.',
  'evaluate prints the result JSON; --explain adds an explanation to every indicator and a receipt to every subject.',
].join('\n');

function load(io: CliIo, path: string, label: string): { value?: unknown; problem?: string } {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    return { problem: `${label}: cannot read ${path}: ${(e as Error).message}` };
  }
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { problem: `${label}: ${path} is not valid JSON: ${(e as Error).message}` };
  }
}

function report(io: CliIo, label: string, problems: Problem[]): void {
  io.stderr(`${label} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`);
  for (const p of problems) io.stderr(`${p.path || '/'}: ${p.message}\n`);
}

/** Runs the CLI on argv (without node and script) and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [cmd, ...rest] = argv;
  const flags = rest.filter((a) => a.startsWith('--'));
  const args = rest.filter((a) => !a.startsWith('--'));
  const usage = (why: string): number => {
    io.stderr(`${why}\n${USAGE}\n`);
    return 2;
  };
  if (cmd === 'validate') {
    if (args.length !== 1 || flags.some((f) => f !== '--json'))
      return usage('validate takes one file and an optional --json');
    const s = load(io, args[0], 'scheme');
    if (s.problem) {
      io.stderr(`${s.problem}\n`);
      return 1;
    }
    const problems = validateScheme(s.value);
    if (flags.includes('--json')) {
      io.stdout(`${JSON.stringify({ valid: problems.length === 0, problems }, null, 2)}\n`);
      return problems.length ? 1 : 0;
    }
    if (problems.length) {
      report(io, 'scheme', problems);
      return 1;
    }
    io.stdout(`valid: ${args[0]} (scheme ${(s.value as Scheme).code})\n`);
    return 0;
  }
  if (cmd === 'evaluate') {
    if (args.length !== 2 || flags.some((f) => f !== '--explain'))
      return usage('evaluate takes two files and an optional --explain');
    const s = load(io, args[0], 'scheme');
    const d = load(io, args[1], 'dataset');
    if (s.problem || d.problem) {
      for (const p of [s.problem, d.problem]) if (p) io.stderr(`${p}\n`);
      return 1;
    }
    const sp = validateScheme(s.value);
    if (sp.length) {
      report(io, 'scheme', sp);
      return 1;
    }
    const dp = validateDatasetFor(s.value as Scheme, d.value);
    if (dp.length) {
      report(io, 'dataset', dp);
      return 1;
    }
    const scheme = s.value as Scheme;
    const dataset = d.value as Dataset;
    const explain = flags.includes('--explain');
    const result = evaluateValidated(scheme, dataset, { explain });
    if (explain) {
      const hashes = { schemeHash: sha256(canonicalJson(scheme)), inputsHash: sha256(canonicalJson(dataset)) };
      const lang = langFor(scheme.name);
      buildReceipts(dataset, result).forEach((r, i) => {
        (result.subjects[i] as unknown as { receipt: object }).receipt = withText(r, hashes, lang);
      });
    }
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  if (cmd === undefined || cmd === '--help' || cmd === '-h' || cmd === 'help') return usage('');
  return usage(`unknown command "${cmd}"`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A receipt for reading: the run's hashes, and every line with its text in the scheme's language. */
function withText(r: SubjectReceipt, hashes: { schemeHash: string; inputsHash: string }, lang: 'zh' | 'en') {
  const line = (l: ReceiptLine) => ({ ...l, text: formatLine(l, lang) });
  const { subject: _s, group: _g, ...rest } = r;
  return { ...hashes, ...rest, grade: { ...r.grade, lines: r.grade.lines.map(line) }, lines: r.lines.map(line) };
}

/* istanbul ignore next */
if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (p) => readFileSync(p, 'utf8'),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
