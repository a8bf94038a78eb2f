/**
 * Real server processes (`node server/src/main.ts` through ts-register.js, no build needed), for
 * tests that need more than one server on a database or the process's own start-up behaviour.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  stop(): Promise<void>;
}

/** Runs server/src/main.ts with `env` added to this process's environment; resolves with its exit when it stops by itself. */
export function runMain(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    ['-r', path.join(root, 'test/support/ts-register.js'), path.join(root, 'server/src/main.ts')],
    {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Starts a server process and waits for its "ready" log line (port 0: a free port). */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const p = runMain({ PORT: '0', HOST: '127.0.0.1', ...env });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server process not ready in ${timeoutMs} ms:\n${p.output().slice(-3000)}`)),
      timeoutMs,
    );
    const look = () => {
      const m = /"url":"(http:\/\/[^"]+)\/graphql"[^\n]*Kaoping server ready/.exec(p.output());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    p.child.stdout!.on('data', look);
    void p.exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited (${code}):\n${p.output().slice(-3000)}`));
    });
  });
  return {
    child: p.child,
    origin,
    async stop() {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
      await p.exited;
    },
  };
}
