import { previewIndicator } from '../index';
import { ind } from '../test-support/factories';

describe('previewIndicator', () => {
  it('rates one indicator, with points when maxPoints is given', () => {
    expect(
      previewIndicator(ind('TAX', { type: 'TARGET' }), { actual: 5350, target: 16000 }, { maxPoints: 8, lang: 'zh' }),
    ).toEqual({
      rate: 0.3344,
      maxPoints: 8,
      points: 2.68,
      explain: '实际 5350 / 目标 16000 = 33.44%，得 2.68 分（满分 8 分）',
      warnings: [],
      parts: [
        { code: 'RATIO', params: { actual: 5350, target: 16000, ratio: 5350 / 16000 } },
        { code: 'POINTS', params: { points: '2.68', maxPoints: '8' } },
      ],
    });
  });
  it("without maxPoints: rate and the method's explanation only", () => {
    expect(previewIndicator(ind('S', { type: 'SCORE' }), { score: 50 })).toEqual({
      rate: 0.5,
      explain: 'score 50 / 100 = 50%',
      parts: [{ code: 'SCORE', params: { score: 50, max: 100, rate: 0.5 } }],
      warnings: [],
    });
  });
  it('detects the language from a scheme name', () => {
    expect(previewIndicator(ind('S', { type: 'SCORE' }), undefined, { lang: { schemeName: '方案' } }).explain).toBe(
      '缺少数据',
    );
  });
});
