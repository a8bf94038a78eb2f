import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
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
 */
const ROOT_FIELDS = new Set(['results', 'rankings']);
/** Bytes as estimated by the answer's JSON length × 3 (its objects in the heap); a 200-subject answer with nodes ~4 MB. */
const MAX_BYTES = 48 * 1024 * 1024;

/** A run a root field read: asked as (scheme, runId argument), answered with `read`. */
interface RunRead {
  schemeId: string;
  runId: string | null;
  read: string | null;
}
interface Kept {
  data: Record<string, unknown>;
  reads: RunRead[];
  bytes: number;
}

const kept = new LRUCache<string, Kept>({
  maxSize: MAX_BYTES,
  maxEntrySize: MAX_BYTES / 4,
  sizeCalculation: (k) => k.bytes,
});
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
    return {
      async responseForOperation({ contextValue: ctx, operation, request, schema, queryHash }) {
        fields = keepableRootFields(operation);
        if (!fields || !ctx.hasTenant || !publishedOnly(ctx)) return null;
        const variables = coerceVariables(schema, operation, request.variables);
        if (!variables) return null;
        const caller = await visibility(ctx);
        key = JSON.stringify([ctx.tenantId, caller, ctx.lang, queryHash, request.operationName ?? null, variables]);
        const hit = kept.get(key);
        if (hit) {
          const scope = { tenantId: ctx.tenantId, apiKey: ctx.principal!.kind === 'apiKey' };
          const runs = await Promise.all(
            hit.reads.map((r) => publishedRunOf(() => ctx.em(), scope, r.schemeId, r.runId)),
          );
          if (runs.every((run, i) => run === hit.reads[i].read)) {
            return {
              http: { status: undefined, headers: new HeaderMap() },
              body: { kind: 'single', singleResult: { data: hit.data } },
            };
          }
          kept.delete(key);
        }
        readsOf.set(ctx, []);
        return null;
      },
      async willSendResponse({ contextValue: ctx, response, errors }) {
        const reads = readsOf.get(ctx);
        if (!key || !reads || reads.length !== fields || errors?.length || response.body.kind !== 'single') return;
        const { data, errors: fieldErrors } = response.body.singleResult;
        if (!data || fieldErrors?.length) return;
        kept.set(key, { data, reads, bytes: JSON.stringify(data).length * 3 });
      },
    };
  },
};
