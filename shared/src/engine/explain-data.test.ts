/**
 * Explanations are data (parts with a code and params), formatted when read: Chinese exactly as
 * before they became data, English without Chinese, and the same text after packing for storage.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPLAIN_CODES, EXPLAIN_TEXTS, formatParts, packParts, unpackParts } from '../i18n/explain-texts';
import { generateTenant } from '../bench/generate';
import { CASES, caseTexts, tenantDigest } from '../test-support/explain-cases';
import { previewIndicator } from './preview';
import { evaluateValidated } from './evaluate';

const fixture = JSON.parse(readFileSync(join(__dirname, '../test-support/explain-zh.fixture.json'), 'utf8'));
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

describe('explanations as data', () => {
  it('Chinese text is byte-identical to the text before (every wording)', () => {
    expect(caseTexts('zh')).toEqual(fixture.cases);
  });

  it('Chinese text is byte-identical over a generated tenant (14,860 explanations)', () => {
    expect(tenantDigest()).toEqual(fixture.tenant);
  });

  it('English text has no Chinese, and the survey wording reads "weighted rate"', () => {
    const en = caseTexts('en');
    for (const t of en) expect(t).not.toMatch(CJK);
    expect(en[CASES.findIndex(([m]) => m.type === 'SURVEY')]).toBe('survey of 6 ballots, weighted rate 65%');
  });

  it("every part code has both texts, and each case's parts give its text in both languages", () => {
    for (const code of EXPLAIN_CODES) expect(typeof EXPLAIN_TEXTS[code].zh).toBe('function');
    for (const [m, input, opts] of CASES) {
      const p = previewIndicator({ code: 'X', name: 'X', weight: 1, method: m }, input, { ...opts, lang: 'zh' });
      const back = unpackParts(JSON.parse(JSON.stringify(packParts(p.parts))));
      expect(formatParts(back, 'zh')).toBe(p.explain);
      expect(formatParts(back, 'en')).toBe(
        previewIndicator({ code: 'X', name: 'X', weight: 1, method: m }, input, { ...opts, lang: 'en' }).explain,
      );
    }
  });

  it('explainAs "parts": nodes carry packed parts that format to the text nodes carry by default', () => {
    const { scheme, dataset } = generateTenant(40, 40, 100, 3);
    const text = evaluateValidated(scheme, dataset);
    const data = evaluateValidated(scheme, dataset, { explainAs: 'parts' });
    let n = 0;
    data.subjects.forEach((s, i) =>
      s.nodes.forEach((node, j) => {
        const t = text.subjects[i].nodes[j];
        if (!('parts' in node) || !('explain' in t)) return;
        expect('explain' in node).toBe(false);
        const tail = EXPLAIN_TEXTS.POINTS.zh({ points: String(node.points), maxPoints: String(node.maxPoints) });
        expect(formatParts(unpackParts(node.parts!), 'zh') + tail).toBe(t.explain);
        n++;
      }),
    );
    expect(n).toBeGreaterThan(1000);
  });
});
