import { canonicalJson } from '@kaoping/shared';
import { createHash } from 'node:crypto';

export { canonicalJson };

/** sha256 (hex) of the canonical JSON of `v`. */
export function canonicalHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex');
}
