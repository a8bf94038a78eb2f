import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { callerUnit } from '../common/caller';
import type { RequestContext } from '../context/request-context';
import { coerceVariables } from '../graphql/argument-guard';
import { publishedRunOf } from './result-cache';
import { publishedOnly } from './result.service';

/**
 * Whole answers to published-only readers (API keys, UNIT users) of published runs, kept per
 * process: a published run never changes, so an operation whose every root field is `results` or
 * `rankings` answers the same again for the same caller visibility, document, variables and
 * language as long as each field still reads the same run. That is checked on every hit through
 * the newest-published pointer (result-cache.ts: dropped by a publish here, re-read after 2 s, so
 * another server's publish is seen as soon as by a fresh read). Authentication, rate and cost
 * limits run before this (context, guardPlugin); invalid variables never reach it (execution
 * answers their 400). Only error-free answers are kept, bounded in bytes, least recently used out.
 *
 * A kept answer is kept as the bytes of its `data` and sent from them (sendKeptAnswers): every
 * hit shares one buffer instead of serialising and encoding ~1.2 MB of its own (a 200-subject
 * answer with nodes), which under 50 connections was a hundred megabytes in flight.
 */
const ROOT_FIELDS = new Set(['results', 'rankings']);
const MAX_BYTES = 32 * 1024 * 1024;

/** A run a root field read: asked as (scheme, runId argument), answered with `read`. */
interface RunRead {
  schemeId: string;
  runId: string | null;
  read: string | null;
}
interface Kept {
  /** The UTF-8 JSON of the answer's `data`. */
  data: Buffer;
  reads: RunRead[];
}

const kept = new LRUCache<string, Kept>({
  maxSize: MAX_BYTES,
  maxEntrySize: MAX_BYTES / 4,
  sizeCalculation: (k) => k.data.length,
});
/** The text Apollo writes for a hit's stand-in `data` (an empty object), always first: a hit has no errors. */
const STAND_IN = '{"data":{}';
const DATA_KEY = Buffer.from('{"data":');
/**
 * Answers being made for the first time, by key: the same request meanwhile waits for that one
 * (at most WAIT_MS) instead of building its own — 50 readers arriving together at an empty cache
 * each built a 200-subject answer with nodes, ~200 MB at once.
 */
const answering = new Map<string, Promise<void>>();
const WAIT_MS = 10_000;

/** The runs each request's root fields read (resultService.results notes them). */
const readsOf = new WeakMap<RequestContext, RunRead[]>();

/** Called by a published-only `results`/`rankings` read with the run it read. */
export function notePublishedRead(ctx: RequestContext, read: RunRead): void {
  readsOf.get(ctx)?.push(read);
}

/** Root fields of an operation when all are keepable reads (plain fields, no directives), else 0. */
function keepableRootFields(operation: OperationDefinitionNode | undefined): number {
  // none when the document's operation is ambiguous (execution answers that with a 400)
  if (operation?.operation !== OperationTypeNode.QUERY) return 0;
  const sels = operation.selectionSet.selections;
  const plain = sels.every((s) => s.kind === Kind.FIELD && ROOT_FIELDS.has(s.name.value) && !s.directives?.length);
  return plain ? sels.length : 0;
}

/** Who may see what: the key itself, or a user's role and unit (the scope rule of common/caller.ts). */
async function visibility(ctx: RequestContext): Promise<string> {
  const p = ctx.principal!;
  return p.kind === 'apiKey' ? `key:${p.id}` : `user:${p.kind === 'user' ? p.role : ''}:${await callerUnit(ctx)}`;
}

export const publishedResponsesPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    let key: string | undefined;
    let fields = 0;
    let answered: (() => void) | undefined;
    return {
      async responseForOperation({ contextValue: ctx, operation, request, schema, queryHash }) {
        fields = keepableRootFields(operation);
        if (!fields || !ctx.hasTenant || !publishedOnly(ctx)) return null;
        const variables = coerceVariables(schema, operation, request.variables);
        if (!variables) return null;
        const caller = await visibility(ctx);
        key = JSON.stringify([ctx.tenantId, caller, ctx.lang, queryHash, request.operationName ?? null, variables]);
        let hit = kept.get(key);
        const first = hit ? undefined : answering.get(key);
        if (first) {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<true>((r) => (timer = setTimeout(() => r(true), WAIT_MS)));
          // an answer never finished is not waited for again
          if ((await Promise.race([first, late])) === true && answering.get(key) === first) answering.delete(key);
          clearTimeout(timer);
          hit = kept.get(key);
        }
        if (hit) {
          const scope = { tenantId: ctx.tenantId, apiKey: ctx.principal!.kind === 'apiKey' };
          const runs = await Promise.all(
            hit.reads.map((r) => publishedRunOf(() => ctx.em(), scope, r.schemeId, r.runId)),
          );
          if (runs.every((run, i) => run === hit.reads[i].read)) {
            ctx.sending.kept = hit.data;
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data: {} } },
            };
          }
          kept.delete(key);
        }
        if (!answering.has(key)) {
          const k = key;
          answering.set(k, new Promise<void>((resolve) => (answered = () => (answering.delete(k), resolve()))));
        }
        readsOf.set(ctx, []);
        return null;
      },
      async willSendResponse({ contextValue: ctx, response, errors }) {
        try {
          const reads = readsOf.get(ctx);
          if (!key || !reads || reads.length !== fields || errors?.length || response.body.kind !== 'single') return;
          const { data, errors: fieldErrors } = response.body.singleResult;
          if (!data || fieldErrors?.length) return;
          kept.set(key, { data: Buffer.from(JSON.stringify(data)), reads });
        } finally {
          answered?.(); // those waiting for this answer read it now (or make their own)
        }
      },
    };
  },
};

/**
 * Express middleware before Apollo's on the GraphQL route: a hit's answer, written by Apollo
 * around its stand-in `data` (`{"data":{},"extensions":…}` — the cost differs per request), is
 * sent as that text with the kept bytes in the stand-in's place. `contextOf` gives the request's
 * context once Apollo has built it.
 */
export function sendKeptAnswers(contextOf: (res: Response) => RequestContext | undefined) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const ctx = contextOf(res);
      const data = ctx?.sending.kept;
      if (!data || typeof body !== 'string' || !body.startsWith(STAND_IN)) return send(body);
      const rest = Buffer.from(body.slice(STAND_IN.length));
      res.setHeader('content-length', DATA_KEY.length + data.length + rest.length);
      res.write(DATA_KEY);
      res.write(data);
      res.end(rest);
      return res;
    };
    next();
  };
}
