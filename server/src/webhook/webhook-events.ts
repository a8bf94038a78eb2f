import type { Scheme } from '../scheme/scheme.entity';

type SchemeLike = Pick<Scheme, 'id' | 'code' | 'name' | 'year' | 'status' | 'version' | 'publishedAt' | 'closedAt'>;

/** The `data` of SCHEME_PUBLISHED and SCHEME_CLOSED (and the scheme part of RESULT_RUN_PUBLISHED). */
export function schemeEventData(s: SchemeLike) {
  return {
    scheme: {
      id: s.id,
      code: s.code,
      name: s.name,
      year: s.year,
      status: s.status,
      version: s.version,
      publishedAt: s.publishedAt,
      closedAt: s.closedAt,
    },
  };
}
