import type { Lang } from '@kaoping/shared';

/** The language for a request: Accept-Language's first zh or en by quality; Chinese when neither. */
export function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const tags = acceptLanguage.split(',').map((t, i) => {
    const [tag, ...ps] = t.trim().toLowerCase().split(';');
    const q = ps.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    return { tag, q: q === undefined ? 1 : Number(q), i };
  });
  tags.sort((a, b) => b.q - a.q || a.i - b.i);
  const hit = tags.find((t) => t.q > 0 && (t.tag.startsWith('zh') || t.tag.startsWith('en')));
  return hit?.tag.startsWith('en') ? 'en' : 'zh';
}
