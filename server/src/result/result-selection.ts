import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** SubjectResult fields that read a subject's stored `data`; of them, those that also need node names. */
const DATA_FIELDS = new Set(['nodes', 'adjustments', 'warnings', 'vetoes', 'receipt']);
const NAME_FIELDS = new Set(['nodes', 'receipt']);

/** The field names selected under the current field (fragments followed; @skip/@include counted as selected). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) out.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const f of info.fieldNodes) walk(f.selectionSet);
  return out;
}

/** What a `results` selection needs read beyond the summary columns. */
export function resultsNeed(info: GraphQLResolveInfo): { data: boolean; names: boolean } {
  const fields = [...selectedFields(info)];
  return { data: fields.some((f) => DATA_FIELDS.has(f)), names: fields.some((f) => NAME_FIELDS.has(f)) };
}
