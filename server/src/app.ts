import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import { RateLimiter } from './api-key/rate-limit';
import { ensurePlatformAdmin } from './auth/bootstrap';
import { configWarnings, loadConfig, type Config } from './config/config';
import { buildContext } from './context/build-context';
import type { RequestContext } from './context/request-context';
import { openDatabase } from './db/database';
import type { EmbeddedPostgres } from './db/embedded';
import { seedDemo } from './demo/seed';
import { filesRouter } from './files/files.router';
import { contextError, makeFormatError } from './graphql/errors';
import { armorValidationRules, LIMITS } from './graphql/limits';
import { guardPlugin, transactionPlugin } from './graphql/plugins';
import { buildKaopingSchema } from './graphql/schema';
import { graphqlBody } from './http/graphql-body';
import { publishedResponsesPlugin, sendKeptAnswers } from './result/published-responses';
import {
  bodyErrorHandler,
  refusePersistedQueries,
  finalErrorHandler,
  healthRoute,
  mountAdmin,
  requestLogger,
} from './http/express-app';
import { createLogger } from './http/logger';
import { startJobRunner, type JobRunner } from './jobs/job-runner';
import { notificationTasks } from './notification/notification-jobs';
import { SWEEP_TASK } from './notification/reminders';
import { deliverWebhookTask } from './webhook/webhook-delivery';
import { DELIVER_TASK } from './webhook/webhook.service';

export type { Config } from './config/config';

export interface RunningServer {
  url: string;
  port: number;
  config: Config;
  dataSource: DataSource;
  /** the embedded PostgreSQL (DATABASE_URL unset), restarted by the server when it dies */
  embedded?: EmbeddedPostgres;
  stop(): Promise<void>;
}

/**
 * Boots everything: config, database (embedded when DATABASE_URL is unset), migrations, first-start
 * data, GraphQL at POST /graphql, GET /healthz, the console at /admin. `port: 0` picks a free port.
 */
export async function startServer(overrides: Partial<Config> = {}): Promise<RunningServer> {
  // V8 lets the heap grow to up to 4× what survived the last full collection before collecting again:
  // after an import or a compute (~60 MB live, 270 MB used) and under reads of 1 MB answers that held
  // the server's RSS at 350–675 MB. 1.5× keeps it near what is live (measured: npm run bench:api).
  v8.setFlagsFromString('--heap-growing-percent=50');
  const config = loadConfig(overrides);
  const log = createLogger(config.logLevel);
  for (const w of configWarnings(config)) log.warn(w);

  const db = await openDatabase(config, log);
  let jobs: JobRunner | undefined;
  try {
    const { dataSource } = db;
    jobs = await startJobRunner(
      db.ownerUrl,
      { [DELIVER_TASK]: deliverWebhookTask(dataSource, config, log), ...notificationTasks(dataSource, config, log) },
      log,
      {
        pollIntervalMs: config.production ? 2000 : 500,
        crontab: `${config.reminderCron} ${SWEEP_TASK}`,
      },
    );
    await ensurePlatformAdmin(dataSource, config, log);
    if (config.seedDemo) await seedDemo(dataSource, log);

    const schema = await buildKaopingSchema();
    const app = express();
    app.disable('x-powered-by');
    const httpServer = http.createServer(app);
    const rateLimiter = new RateLimiter(
      dataSource,
      config.rateLimitBurst,
      config.rateLimitPerSecond,
      config.costBudget,
      config.costWindowSeconds,
    );

    const apollo = new ApolloServer<RequestContext>({
      schema,
      introspection: true, // the console needs it; API keys are refused in production (guardPlugin)
      allowBatchedHttpRequests: false,
      persistedQueries: false, // refused with 400 before Apollo (refusePersistedQueries)
      stopOnTerminationSignals: false, // main.ts owns the signals
      csrfPrevention: true,
      includeStacktraceInErrorResponses: false,
      parseOptions: { maxTokens: LIMITS.maxTokens },
      validationRules: armorValidationRules(),
      formatError: makeFormatError(log, config.production),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        ApolloServerPluginLandingPageDisabled(),
        // no HTTP cache hints are used; Apollo's default cache-control plugin wraps every field's resolver (~88,000 for 200 subjects' nodes)
        ApolloServerPluginCacheControlDisabled(),
        ...(config.production ? [ApolloServerPluginDisableSuggestions()] : []),
        transactionPlugin,
        guardPlugin(config.production, rateLimiter),
        publishedResponsesPlugin, // answers after every plugin's didResolveOperation: limits and cost are charged on a kept answer too
      ],
    });
    await apollo.start();

    app.use(requestLogger(log));
    app.get(
      '/healthz',
      healthRoute(() => (dataSource.isInitialized ? dataSource : undefined)),
    );
    app.use(
      '/graphql',
      graphqlBody(),
      refusePersistedQueries,
      sendKeptAnswers((res) => res.locals.context as RequestContext | undefined),
      expressMiddleware(apollo, {
        context: async ({ req, res }) => {
          try {
            const ctx = await buildContext({ dataSource, config, log, rateLimiter }, req, res);
            res.locals.logFields = ctx.logFields; // the request log line reads tenant/operation from here
            res.locals.context = ctx; // sendKeptAnswers reads a kept answer's bytes through it
            return ctx;
          } catch (e) {
            throw contextError(e);
          }
        },
      }),
    );
    app.use('/files', filesRouter({ dataSource, config, log, rateLimiter }));
    app.use(bodyErrorHandler);
    mountAdmin(app, config.adminDist, log);
    app.use((_req, res) =>
      res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] }),
    );
    app.use(finalErrorHandler(log));

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const port = (httpServer.address() as AddressInfo).port;
    const url = `http://localhost:${port}/graphql`;
    log.info({ url, production: config.production, embeddedDatabase: !config.databaseUrl }, 'Kaoping server ready');

    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        log.info('shutting down');
        await apollo.stop(); // stops accepting, drains in-flight requests (drain plugin closes the HTTP server)
        log.debug('http server closed');
        await jobs?.stop();
        await db.close();
        log.info('stopped');
      })());
    return { url, port, config, dataSource, embedded: db.embedded, stop };
  } catch (e) {
    await jobs?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw e;
  }
}
