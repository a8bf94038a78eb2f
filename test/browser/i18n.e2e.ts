// The console's two languages hold the same keys: every message shown in Chinese has its English
// twin and vice versa (the merged message files, as the console loads them), and no message is
// empty. A key missing in one language would show the raw key (allowMissing) instead of text.
import zh from '../../admin/src/i18n/zh';
import en from '../../admin/src/i18n/en';

type Tree = { [key: string]: unknown };

/** Dotted paths of a message tree's leaves. */
const leaves = (tree: unknown, prefix: string): string[] =>
  tree !== null && typeof tree === 'object' && !Array.isArray(tree)
    ? Object.entries(tree as Tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

const SUBTREES = ['kaoping', 'resources', 'roles', 'dataEntry', 'progress'];

describe('console messages (admin/src/i18n)', () => {
  test.each(SUBTREES)('%s: the same keys in zh and en', (subtree) => {
    const z = leaves((zh as Tree)[subtree], subtree);
    const e = leaves((en as Tree)[subtree], subtree);
    expect(z.length).toBeGreaterThan(0);
    const enKeys = new Set(e);
    const zhKeys = new Set(z);
    expect({ missingInEn: z.filter((k) => !enKeys.has(k)), missingInZh: e.filter((k) => !zhKeys.has(k)) }).toEqual({
      missingInEn: [],
      missingInZh: [],
    });
  });

  test.each(SUBTREES)('%s: every message is a non-empty string', (subtree) => {
    for (const [lang, messages] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const get = (path: string) => path.split('.').reduce<unknown>((t, k) => (t as Tree)[k], messages);
      const bad = leaves((messages as Tree)[subtree], subtree).filter(
        (k) => typeof get(k) !== 'string' || (get(k) as string).trim() === '',
      );
      expect({ lang, bad }).toEqual({ lang, bad: [] });
    }
  });

  test('the ra.* keys react-admin uses are all translated into Chinese', () => {
    const z = new Set(leaves((zh as Tree).ra, 'ra'));
    expect(leaves((en as Tree).ra, 'ra').filter((k) => !z.has(k))).toEqual([]);
  });
});
