import type { Scheme as SchemeDefinition } from '@kaoping/shared';
import { conflict, forbidden } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { SchemeStatus, type SchemeEntity } from '../scheme/scheme.entity';
import { schemeService } from '../scheme/scheme.service';

/**
 * Rules shared by subjects, inputs and adjustments (who the caller is: common/caller.ts).
 *
 * Data may be written only while the scheme is PUBLISHED: a DRAFT scheme answers CONFLICT (not
 * yet open), a CLOSED one FORBIDDEN (the year is over; the database refuses it too), after the
 * scheme was found (another tenant's or a missing scheme is NOT_FOUND first).
 */
export async function writableScheme(ctx: RequestContext, schemeId: string): Promise<SchemeEntity> {
  const s = await schemeService.findOrFail(ctx, schemeId);
  if (s.status === SchemeStatus.CLOSED) throw forbidden('The scheme is CLOSED: its data can no longer change');
  if (s.status !== SchemeStatus.PUBLISHED)
    throw conflict(`Data can be entered only while the scheme is PUBLISHED; this one is ${s.status}`);
  return s;
}

export function definitionOf(s: SchemeEntity): SchemeDefinition {
  return s.definition as unknown as SchemeDefinition;
}
