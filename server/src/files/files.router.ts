import express, { type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { authChecker } from '../auth/auth-checker';
import { can, Permission } from '../auth/permissions';
import { badInput } from '../common/errors';
import { buildContext, type ContextDeps } from '../context/build-context';
import type { RequestContext } from '../context/request-context';
import { evidenceService } from '../evidence/evidence.service';
import { readEvidenceFile } from '../evidence/evidence-upload';
import { InputSource, Period } from '../input/input.entity';
import { assertSourceAllowed } from '../input/input.service';
import { progressService } from '../progress/progress.service';
import { resultService } from '../result/result.service';
import { resultLines } from '../result/results-stream';
import { schemeService } from '../scheme/scheme.service';
import { definitionOf } from '../subject/data-guard';
import { importSubjects } from './import-subjects';
import { importWorkbook } from './import-workbook';
import { langOf, type Lang } from './messages';
import { buildResults } from './results-workbook';
import { ownershipGuard } from '../department/ownership';
import { buildSupervision } from './supervision-workbook';
import { loadSheetData } from './sheet-data';
import { buildTemplate } from './template';
import { checkZip, UPLOAD_LIMIT } from './upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

type Outcome =
  | { file: Buffer; name: string; type?: string }
  | { json: unknown; status?: number; commit?: boolean }
  | { lines: AsyncIterable<string>; name: string };
type Handler = (ctx: RequestContext, req: Request, res: Response, lang: Lang) => Promise<Outcome>;

/** The same check as `@Authorized(...)` on a resolver (one permission model). */
// authChecker refuses by throwing and answers synchronously (its type allows a promise).
const authorize = (ctx: RequestContext, ...perms: Permission[]): void =>
  void authChecker({ context: ctx } as never, perms);

/** One query parameter as a single string (a repeated one is refused); NUL and control characters refused. */
function param(req: Request, name: string): string | undefined {
  const v = req.query[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || CONTROL.test(v)) throw badInput(`Invalid query parameter "${name}"`);
  return v;
}

/** Without ?source=: REVIEW for whoever may enter it (and callers who may enter none), else the one source they may. */
function defaultSource(ctx: RequestContext): InputSource {
  if (can(ctx, Permission.INPUT_WRITE_REVIEW)) return InputSource.REVIEW;
  if (can(ctx, Permission.INPUT_WRITE_MONITOR)) return InputSource.MONITOR;
  if (can(ctx, Permission.INPUT_WRITE_SELF)) return InputSource.SELF;
  return InputSource.REVIEW;
}

function sourceOf(req: Request, ctx: RequestContext): InputSource {
  const s = param(req, 'source');
  if (s === undefined) return defaultSource(ctx);
  if (!(Object.values(InputSource) as string[]).includes(s)) throw badInput('source must be SELF, MONITOR or REVIEW');
  return s as InputSource;
}

function dryRunOf(req: Request): boolean {
  const d = param(req, 'dryRun');
  if (d === undefined || d === 'false' || d === '0') return false;
  if (d === 'true' || d === '1') return true;
  throw badInput('dryRun must be true or false');
}

/**
 * Runs one file request: the caller and tenant from the same `buildContext` as /graphql, the
 * handler in the request transaction (committed when it succeeds and asks to), errors as the
 * GraphQL error JSON with the matching HTTP status. Never a 5xx for what a client can send.
 */
function handle(deps: ContextDeps, fn: Handler) {
  // Express does not wait for a handler's promise; the handler answers every failure itself.
  return (req: Request, res: Response): void => void answer(deps, fn, req, res);
}

async function answer(deps: ContextDeps, fn: Handler, req: Request, res: Response): Promise<void> {
  let ctx: RequestContext | undefined;
  try {
    ctx = await buildContext(deps, req, res);
    res.locals.logFields = ctx.logFields;
    const out = await fn(ctx, req, res, langOf(req));
    if ('lines' in out) return await streamLines(ctx, res, out.lines, out.name);
    await ctx.finish('file' in out || out.commit !== false);
    if ('file' in out) {
      res.setHeader('content-type', out.type ?? XLSX);
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-disposition', attachment(out.name));
      res.setHeader('cache-control', 'no-store');
      res.status(200).send(out.file);
    } else res.status(out.status ?? 200).json(out.json);
  } catch (e) {
    await ctx?.finish(false).catch(() => undefined);
    sendError(deps, res, e);
  }
}

const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/**
 * Streams JSON lines inside the request transaction (one snapshot), waiting for the client to drain.
 * An error once the first line is out can only cut the response short: the reader sees no final newline.
 */
async function streamLines(
  ctx: RequestContext,
  res: Response,
  lines: AsyncIterable<string>,
  name: string,
): Promise<void> {
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next(); // errors before any byte still become a proper error answer
  res.setHeader('content-type', 'application/x-ndjson; charset=utf-8');
  res.setHeader('content-disposition', attachment(name));
  res.setHeader('cache-control', 'no-store');
  res.status(200);
  try {
    for (let r = first; !r.done; r = await it.next()) {
      if (res.destroyed) break;
      if (!res.write(r.value))
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
    }
    await ctx.finish(true);
    res.end();
  } catch (e) {
    await ctx.finish(false).catch(() => undefined);
    ctx.log.error({ err: e }, 'results stream failed');
    res.destroy();
  }
}

function sendError(deps: ContextDeps, res: Response, e: unknown) {
  if (res.headersSent) return;
  const body = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
    errors: [{ message, extensions: { code, ...extra } }],
  });
  if (e instanceof GraphQLError) {
    const code = typeof e.extensions.code === 'string' ? e.extensions.code : '';
    const status = STATUS[code] ?? (e.extensions.http as { status?: number } | undefined)?.status;
    if (status) {
      const extra = Array.isArray(e.extensions.problems) ? { problems: e.extensions.problems } : {};
      return void res.status(status).json(body(code, e.message, extra));
    }
  }
  const b = e as { type?: string; status?: number };
  if (b.type === 'entity.too.large')
    return void res
      .status(413)
      .json(body('PAYLOAD_TOO_LARGE', `The workbook is too large (the limit is ${UPLOAD_LIMIT})`));
  if (typeof b.status === 'number' && b.status >= 400 && b.status < 500)
    return void res.status(b.status === 415 ? 415 : 400).json(body('BAD_REQUEST', 'Bad request'));
  deps.log.error({ err: e }, 'file route failed');
  res.status(500).json(body('INTERNAL_SERVER_ERROR', 'Internal server error'));
}

const readBody = express.raw({ type: () => true, limit: UPLOAD_LIMIT, inflate: false });

/** The uploaded workbook, read once the caller is known (nobody else makes the server buffer 32 MB), its zip directory checked. */
async function upload(req: Request, res: Response): Promise<Buffer> {
  await new Promise<void>((resolve, reject) =>
    readBody(req, res, (err?: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    ),
  );
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  checkZip(body);
  return body;
}

/** `/files/…`: workbooks beside /graphql, with the same tokens, roles and tenant scope. */
export function filesRouter(deps: ContextDeps): express.Router {
  const router = express.Router();

  router.get(
    '/schemes/:id/template.xlsx',
    handle(deps, async (ctx, req, _res, lang) => {
      authorize(ctx, Permission.INPUT_WRITE);
      const source = sourceOf(req, ctx);
      const scheme = await schemeService.findOrFail(ctx, String(req.params.id));
      assertSourceAllowed(ctx, source);
      const data = await loadSheetData(ctx, scheme.id, source);
      const guard = await ownershipGuard(ctx, definitionOf(scheme));
      const wb = buildTemplate(definitionOf(scheme), data, {
        lang,
        source,
        ballots: source === InputSource.REVIEW && can(ctx, Permission.BALLOT_WRITE),
        adjustments: can(ctx, Permission.ADJUSTMENT_CLAIM),
        writable: guard?.mayWrite,
      });
      return { file: Buffer.from(await wb.xlsx.writeBuffer()), name: `${scheme.code}-${source}.xlsx` };
    }),
  );

  router.post(
    '/schemes/:id/inputs.xlsx',
    handle(deps, async (ctx, req, res, lang) => {
      authorize(ctx, Permission.INPUT_WRITE);
      const source = sourceOf(req, ctx);
      const dryRun = dryRunOf(req);
      const key = req.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || key.length < 1 || key.length > 200 || CONTROL.test(key)))
        throw badInput('Idempotency-Key must have 1 to 200 printable characters');
      const body = await upload(req, res);
      const { report, commit } = await importWorkbook(
        ctx,
        String(req.params.id),
        source,
        dryRun,
        body,
        key ?? null,
        lang,
      );
      return { json: report, status: report.problems.length ? 422 : 200, commit };
    }),
  );

  router.post(
    '/schemes/:id/subjects.xlsx',
    handle(deps, async (ctx, req, res, lang) => {
      authorize(ctx, Permission.SUBJECT_EDIT);
      const dryRun = dryRunOf(req);
      const body = await upload(req, res);
      const { report, commit } = await importSubjects(ctx, String(req.params.id), dryRun, body, lang);
      return { json: report, status: report.problems.length ? 422 : 200, commit };
    }),
  );

  // 季度督查报告: what is behind at a period, by department and by unit; the scope of the progress query
  router.get(
    '/schemes/:id/supervision.xlsx',
    handle(deps, async (ctx, req, _res, lang) => {
      authorize(ctx, Permission.DATA_READ);
      const period = param(req, 'period');
      if (period === undefined || !(Object.values(Period) as string[]).includes(period))
        throw badInput('period must be Q1, Q2, Q3, Q4, H1, H2 or ANNUAL');
      const scheme = await schemeService.findOrFail(ctx, String(req.params.id));
      const progress = await progressService.progress(ctx, scheme.id, period as Period);
      const wb = buildSupervision(scheme.name, progress, lang);
      return { file: Buffer.from(await wb.xlsx.writeBuffer()), name: `${scheme.code}-supervision-${period}.xlsx` };
    }),
  );

  router.get(
    '/runs/:id/results.xlsx',
    handle(deps, async (ctx, req, _res, lang) => {
      authorize(ctx, Permission.RESULT_READ);
      const run = await resultService.findOrFail(ctx, String(req.params.id));
      const scheme = await schemeService.findOrFail(ctx, run.scheme_id);
      const subjects = await resultService.results(ctx, scheme.id, { runId: run.id });
      const wb = buildResults(definitionOf(scheme), subjects, lang);
      return { file: Buffer.from(await wb.xlsx.writeBuffer()), name: `${scheme.code}-results-${run.seq}.xlsx` };
    }),
  );

  router.get(
    '/runs/:id/results.jsonl',
    handle(deps, async (ctx, req) => {
      authorize(ctx, Permission.RESULT_READ);
      const run = await resultService.findOrFail(ctx, String(req.params.id));
      const scheme = await schemeService.findOrFail(ctx, run.scheme_id);
      return { lines: resultLines(ctx, run, definitionOf(scheme)), name: `${scheme.code}-results-${run.seq}.jsonl` };
    }),
  );

  // Evidence files of a claim or an input: multipart upload (part `file`), download, inside the tenant.
  router.post(
    '/adjustments/:id/evidence',
    handle(deps, async (ctx, req, res) => {
      authorize(ctx, Permission.ADJUSTMENT_CLAIM);
      const file = await readEvidenceFile(req, res); // before the transaction opens: a slow upload holds no connection
      const owner = await evidenceService.adjustmentOwner(ctx, String(req.params.id));
      return { json: await evidenceService.attach(ctx, owner, file), status: 201 };
    }),
  );

  router.post(
    '/inputs/:id/evidence',
    handle(deps, async (ctx, req, res) => {
      authorize(ctx, Permission.EVIDENCE_ATTACH);
      const file = await readEvidenceFile(req, res); // before the transaction opens: a slow upload holds no connection
      const owner = await evidenceService.inputOwner(ctx, String(req.params.id));
      return { json: await evidenceService.attach(ctx, owner, file), status: 201 };
    }),
  );

  router.get(
    '/evidence/:id',
    handle(deps, async (ctx, req) => {
      authorize(ctx, Permission.DATA_READ);
      const f = await evidenceService.download(ctx, String(req.params.id));
      return { file: f.content, name: f.name, type: f.type };
    }),
  );

  return router;
}
