import express, { type NextFunction, type Request, type Response } from 'express';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { BODY_LIMIT } from './express-app';

/** importDataset's cap: a tenant of 1,000 subjects × 100 indicators is ~7 MB of JSON. */
export const IMPORT_BODY_LIMIT = '16mb';
const SMALL_BYTES = 1024 * 1024;

const small = express.json({ limit: BODY_LIMIT });
const large = express.json({
  limit: IMPORT_BODY_LIMIT,
  verify: (req, _res, buf) => {
    (req as Request & { bodyBytes?: number }).bodyBytes = buf.length;
  },
});

/** A single mutation whose every root field is importDataset (aliases allowed, nothing else). */
function onlyImportDataset(body: unknown): boolean {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string' || query.length > 20_000) return false;
  try {
    const doc = parse(query, { maxTokens: 2000 });
    const [op] = doc.definitions;
    return (
      doc.definitions.length === 1 &&
      op.kind === Kind.OPERATION_DEFINITION &&
      op.operation === OperationTypeNode.MUTATION &&
      op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === 'importDataset')
    );
  } catch {
    return false;
  }
}

/**
 * The /graphql body parser: 1 MB for everything, except that a request with credentials may send
 * up to 16 MB when it is one importDataset mutation (checked on the parsed document; anything
 * else over 1 MB is 413 as before). Without credentials nothing over 1 MB is read.
 */
export function graphqlBody() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.headers.authorization) return small(req, res, next);
    large(req, res, (err?: unknown) => {
      if (err) return next(err);
      const bytes = (req as Request & { bodyBytes?: number }).bodyBytes ?? 0;
      if (bytes > SMALL_BYTES && !onlyImportDataset(req.body))
        return next(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 }));
      next();
    });
  };
}
