const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** IDs are opaque strings to clients; a malformed one is simply "not found". */
export function isId(id: unknown): id is string {
  return typeof id === 'string' && UUID.test(id);
}
