import type { TranslationMessages } from 'ra-core';

type Tree = { [key: string]: unknown };

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep-merges an area's messages (src/<area>/messages.ts) into a language's; the area's keys win. */
export const mergeMessages = (base: TranslationMessages, ...areas: Tree[]): TranslationMessages => {
  const merge = (a: Tree, b: Tree): Tree => {
    const out: Tree = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = isTree(v) && isTree(out[k]) ? merge(out[k], v) : v;
    return out;
  };
  return areas.reduce<Tree>((acc, area) => merge(acc, area), base as Tree) as TranslationMessages;
};
