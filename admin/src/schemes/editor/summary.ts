// A method's parameters in a few words for the tree's parameter column (the form has the details).
type Translate = (key: string, options?: Record<string, unknown>) => string;

const n = (v: unknown) => (typeof v === 'number' ? String(v) : v === undefined ? '' : JSON.stringify(v));
/** `code value · …`, or `name value` where a display name is given (SURVEY voterGroupNames/optionNames). */
const map = (v: unknown, names?: unknown) => {
  const named = names && typeof names === 'object' ? (names as Record<string, unknown>) : {};
  const label = (k: string) => (typeof named[k] === 'string' && named[k] ? named[k] : k);
  return v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${label(k)} ${n(x)}`)
        .join(' · ')
    : n(v);
};

export function methodSummary(method: ({ type: string } & Record<string, unknown>) | undefined, t: Translate): string {
  if (!method) return '';
  const p = (key: string) => t(`kaoping.schemeEditor.field.${key}`);
  const parts: string[] = [];
  if (method.direction === 'LOWER') parts.push(t('kaoping.scheme.param.LOWER'));
  switch (method.type) {
    case 'LADDER': {
      const steps = Array.isArray(method.steps) ? (method.steps as Record<string, unknown>[]) : [];
      if (method.basis === 'RATIO') parts.push(t('kaoping.scheme.param.RATIO'));
      parts.push(
        steps
          .map(s => (s && 'max' in s ? `≤${n(s.max)} → ${n(s.score)}` : `≥${n(s?.min)} → ${n(s?.score)}`))
          .join(t('kaoping.fmt.items')),
      );
      break;
    }
    case 'RANK':
      parts.push(`${p('step')} ${n(method.step)}`);
      break;
    case 'GRADE':
      parts.push(map(method.levels));
      break;
    case 'SCORE':
      parts.push(`${p('max')} ${method.max === undefined ? 100 : n(method.max)}`);
      break;
    case 'SURVEY':
      parts.push(
        t('kaoping.fmt.label', { label: p('options') }) + map(method.options, method.optionNames),
        t('kaoping.fmt.label', { label: p('voterGroups') }) + map(method.voterGroups, method.voterGroupNames),
      );
      break;
    case 'FORMULA':
      parts.push(typeof method.expression === 'string' ? method.expression : n(method.expression));
      break;
  }
  if (method.floor !== undefined) parts.push(`${p('floor')} ${n(method.floor)}`);
  if (method.cap !== undefined) parts.push(`${p('cap')} ${n(method.cap)}`);
  return parts.filter(Boolean).join(t('kaoping.fmt.clauses')) || '—';
}
