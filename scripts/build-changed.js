#!/usr/bin/env node
// `npm start`'s build: only what changed since the last start. A package whose output is newer
// than all its sources is skipped (even a no-change `tsc --incremental` takes seconds: it still
// parses every declaration file); otherwise shared and server by incremental tsc (its build info
// kept in dist/, so deleting dist starts over) and the console by Vite (it bundles shared/src too).
// `npm run build` (CI, `npm test`'s fresh builds) still builds everything from scratch.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const at = (...p) => path.join(REPO, ...p);
const TSC = require.resolve('typescript/bin/tsc', { paths: [REPO] });

/** The newest modification time under p (0 when missing). */
function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newest(path.join(p, name))), stat.mtimeMs);
}

const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/** Runs `build` unless `output` is newer than every source; `output` is touched after a build. */
function unlessFresh(name, output, sources, build) {
  if (mtime(output) > Math.max(...sources.map(newest))) {
    console.log(`${name}: up to date`);
    return;
  }
  const started = Date.now();
  build();
  const now = new Date();
  fs.utimesSync(output, now, now);
  console.log(`${name}: built in ${Date.now() - started} ms`);
}

const tsc = (workspace) => () =>
  execFileSync(
    process.execPath,
    [
      TSC,
      '-p',
      at(workspace, 'tsconfig.build.json'),
      '--incremental',
      '--tsBuildInfoFile',
      at(workspace, 'dist', '.tsbuildinfo'),
    ],
    { stdio: 'inherit' },
  );
const config = (workspace) =>
  ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json']
    .map((p) => at(workspace, p))
    .concat(at('tsconfig.base.json'));

unlessFresh('shared', at('shared', 'dist', '.tsbuildinfo'), config('shared'), tsc('shared'));
unlessFresh(
  'server',
  at('server', 'dist', '.tsbuildinfo'),
  [...config('server'), at('shared', 'dist', '.tsbuildinfo')],
  tsc('server'),
);
unlessFresh(
  'admin',
  at('admin', 'dist', 'index.html'),
  [
    at('shared', 'src'),
    at('server', 'schema.graphql'),
    ...['src', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'].map((p) => at('admin', p)),
  ],
  () =>
    execFileSync('npm', ['run', 'build', '-w', '@kaoping/admin'], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    }),
);
