import { Logger as WorkerLogger, run, runMigrations, type Runner, type Task } from 'graphile-worker';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

/** A background task: gets the job's payload; throwing makes the queue retry it later. */
export type JobTask = (payload: unknown, helpers: { addJob: JobQueue['add'] }) => Promise<void>;

export interface JobQueue {
  /** Adds a job from outside a request (the runner's own connection), e.g. a task scheduling its own retry. */
  add(identifier: string, payload: Record<string, unknown>, runAt?: Date): Promise<void>;
}

export interface JobRunner extends JobQueue {
  stop(): Promise<void>;
}

/**
 * Adds a job in the caller's transaction (a request's or `withTenantTransaction`'s): it exists only
 * if that transaction commits. Goes through `kaoping_enqueue_job`, the app role's only way in.
 */
export async function enqueueJob(
  em: EntityManager,
  identifier: string,
  payload: Record<string, unknown>,
  runAt?: Date,
  jobKey?: string,
): Promise<void> {
  // a job key keeps one pending job per key: adding it again replaces the payload and time
  if (jobKey) {
    await em.query(`SELECT kaoping_enqueue_job_keyed($1, $2::json, COALESCE($3::timestamptz, now()), $4)`, [
      identifier,
      JSON.stringify(payload),
      runAt ?? null,
      jobKey,
    ]);
    return;
  }
  await em.query(`SELECT kaoping_enqueue_job($1, $2::json, COALESCE($3::timestamptz, now()))`, [
    identifier,
    JSON.stringify(payload),
    runAt ?? null,
  ]);
}

/**
 * The job runner on PostgreSQL (graphile-worker), connecting as the owner role, which creates and
 * owns the queue's schema `graphile_worker`. Tasks touching tenant rows open their own
 * `withTenantTransaction` on the app pool, so row-level security applies to them as to requests.
 * Every server runs one; jobs are taken with SKIP LOCKED, so each runs once; cron items
 * (`crontab`, graphile-worker's format) are queued once per tick across all servers.
 */
export async function startJobRunner(
  ownerUrl: string,
  tasks: Record<string, JobTask>,
  log: Logger,
  opts: { concurrency?: number; pollIntervalMs?: number; crontab?: string } = {},
): Promise<JobRunner> {
  const logger = new WorkerLogger(() => (level, message) => {
    // LogLevel is a type-only enum at run time (graphile-worker exports no value for it): compare its text
    const kind = String(level);
    if (kind === 'error') log.error({ component: 'jobs' }, message);
    else if (kind === 'warning') log.warn({ component: 'jobs' }, message);
    else log.debug({ component: 'jobs' }, message);
  });
  // our own pool, so that a connection the database drops (restart, shutdown) is logged, never an unhandled 'error'
  const pool = new Pool({ connectionString: ownerUrl, max: 4 });
  pool.on('error', (e) => log.warn({ component: 'jobs', err: { message: e.message } }, 'job runner connection lost'));
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await runMigrations({ pgPool: pool, logger });
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw e;
  }
  let runner: Runner | undefined = undefined;
  const add: JobQueue['add'] = async (identifier, payload, runAt) => {
    if (!runner) throw new Error('job runner not started');
    await runner.addJob(identifier, payload, { runAt, maxAttempts: 5 });
  };
  const taskList: Record<string, Task> = {};
  for (const [name, fn] of Object.entries(tasks)) taskList[name] = (payload) => fn(payload, { addJob: add });
  runner = await run({
    pgPool: pool,
    taskList,
    logger,
    concurrency: opts.concurrency ?? 4,
    pollInterval: opts.pollIntervalMs ?? 1000,
    // graphile-worker's cron: each tick is queued once whatever the number of servers (known_crontabs + job key)
    crontab: opts.crontab ?? '',
    noHandleSignals: true,
  });
  return {
    add,
    async stop() {
      await runner?.stop().catch((e: Error) => log.warn({ err: { message: e.message } }, 'job runner stop'));
      await pool.end().catch(() => undefined);
    },
  };
}
