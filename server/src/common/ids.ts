const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are uuids. The edge refuses malformed ones (common/input-hygiene.ts); services still treat one as "not found". */
export function isId(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}
