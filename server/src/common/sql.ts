/** `s` as a literal inside an ILIKE pattern: `%`, `_` and the escape character itself lose their meaning. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
