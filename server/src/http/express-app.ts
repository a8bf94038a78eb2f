import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

export const BODY_LIMIT = '1mb';

/** One log line per request: method, path, status, duration, tenant, operation. Never bodies or headers. */
export function requestLogger(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.locals.logFields = {};
    res.on('finish', () => {
      const durationMs = Number((process.hrtime.bigint() - start) / 1000n) / 1000;
      const f = res.locals.logFields as Record<string, unknown>;
      log.info(
        { method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, durationMs, ...f },
        'request',
      );
    });
    next();
  };
}

export function healthRoute(ds: () => DataSource | undefined) {
  return async (_req: Request, res: Response) => {
    const d = ds();
    try {
      if (!d?.isInitialized) throw new Error('not connected');
      await Promise.race([
        d.query('SELECT 1'),
        new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000)),
      ]);
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  };
}

/** body-parser errors as GraphQL-shaped JSON: 413 for too large, 400 for malformed. */
export function bodyErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction) {
  const e = err as { type?: string; status?: number };
  if (res.headersSent) return next(err);
  if (e.type === 'entity.too.large') {
    res.status(413).json({
      errors: [
        {
          message: `Request body too large (the limit is ${BODY_LIMIT}; 16mb for one importDataset mutation)`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
    return;
  }
  if (e.type === 'entity.parse.failed') {
    res
      .status(400)
      .json({ errors: [{ message: 'Malformed JSON in request body', extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  if (e.status && e.status >= 400 && e.status < 500) {
    res.status(e.status).json({ errors: [{ message: 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
    return;
  }
  next(err);
}

/**
 * Persisted queries (APQ) are not offered: a request naming one gets a clear 400 instead of
 * Apollo's 200 PERSISTED_QUERY_NOT_SUPPORTED, in a POST body or a GET query string.
 */
export function refusePersistedQueries(req: Request, res: Response, next: NextFunction) {
  const body = req.body as { extensions?: { persistedQuery?: unknown } } | undefined;
  const inBody =
    body !== null &&
    typeof body === 'object' &&
    body.extensions !== null &&
    typeof body.extensions === 'object' &&
    'persistedQuery' in body.extensions;
  const q = req.query?.extensions;
  const inQuery = typeof q === 'string' && q.includes('persistedQuery');
  if (!inBody && !inQuery) return next();
  res.status(400).json({
    errors: [
      {
        message: 'Persisted queries are not supported; send the query text',
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
      },
    ],
  });
}

/** The built admin console at /admin (SPA fallback to index.html); / redirects there. */
export function mountAdmin(app: express.Express, adminDist: string, log: Logger) {
  app.get('/', (_req, res) => res.redirect(302, '/admin/'));
  if (!existsSync(path.join(adminDist, 'index.html'))) {
    log.info({ adminDist }, 'admin console not built; /admin not served');
    return;
  }
  // Hashed assets may be cached for long; index.html never, so a deploy is seen at once.
  app.use(
    '/admin',
    express.static(adminDist, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res, file) => {
        if (file.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
      },
    }),
  );
  app.use('/admin', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(adminDist, 'index.html'));
  });
}

/** Last resort: masks anything unexpected. */
export function finalErrorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    log.error({ err }, 'unhandled HTTP error');
    if (res.headersSent) return;
    res
      .status(500)
      .json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
