// Receipts and explanations as data, through GraphQL: each subject's receipt (sources and the
// discrepancy decision per indicator, adjustments and the caps that cut them, the binding veto,
// the grade's reasons, rank peers and ties, the run's hashes) in Chinese or English (lang
// argument or Accept-Language); problems carry codes; a run stored in the old format (Chinese
// explanation text, no receipt) still reads the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson, type Lang } from '@kaoping/shared';
import { createHash } from 'node:crypto';
import { langOf } from '../../server/src/common/lang';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
  setUpScheme,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));
const EXPLAINED: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.explained.json'), 'utf8'));
const CJK = /[\u3400-\u9fff]/;

const RECEIPT = `receipt(lang: $lang) { schemeHash inputsHash rank { rank peers tied } grade gradeReasons { code params text }
  adjustments { rule name kind claimed counted maxPerSubject cutByRuleCap } bonus { claimed counted cap cutByGroupCap }
  deduction { claimed counted cap cutByGroupCap } vetoes { rule name maxGrade binding }
  indicators { indicator name value source others { source value } decision { code params text } } lines { code params text } }`;
const RESULTS = `query($s: ID!, $lang: Language) { results(schemeId: $s) { subject { code } group grade final
  nodes { code out explain(lang: $lang) explainParts(lang: $lang) { code params text } } ${RECEIPT} } }`;
const PLAIN = `query($s: ID!) { results(schemeId: $s) { subject { code } nodes { code explain } receipt { lines { text } } } }`;

let ts: TestServer;
let w: World;
let schemeId: string;
const input = (subject: string, indicator: string): Json =>
  DATASET.inputs.find((i: Json) => i.subject === subject && i.indicator === indicator);
const setInput = (subject: string, source: string, value: Json) =>
  ts.gql(
    `mutation($s: ID!, $j: String!, $src: InputSource!, $v: JSON!) { setInput(schemeId: $s, subject: $j, indicator: "TAX", source: $src, value: $v) { id } }`,
    { s: schemeId, j: subject, src: source, v: value },
    w.t1.ADMIN,
  );

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = await setUpScheme(ts, w.t1.ADMIN, SCHEME, DATASET, 'SELF');
  const tax = (s: string) => input(s, 'TAX');
  ok(
    await setInput('T01', 'MONITOR', {
      ...tax('T01'),
      subject: undefined,
      indicator: undefined,
      actual: tax('T01').actual * 0.5,
    }),
  ); // beyond 10%: open
  ok(await setInput('T02', 'MONITOR', { actual: tax('T02').actual, target: tax('T02').target })); // the same: agree
  ok(await setInput('T03', 'MONITOR', { actual: tax('T03').actual * 1.05, target: tax('T03').target })); // within 10%
  ok(await setInput('T05', 'MONITOR', { actual: tax('T05').actual * 2, target: tax('T05').target }));
  ok(await setInput('T05', 'REVIEW', { actual: tax('T05').actual * 1.5, target: tax('T05').target })); // entered after both: settled
  ok(await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { id } }`, { s: schemeId }, w.t1.ADMIN));
});
afterAll(() => ts?.stop());

async function results(lang?: Lang, headers: Record<string, string> = {}): Promise<Json[]> {
  return ok(await ts.gql(RESULTS, { s: schemeId, lang: lang ?? null }, w.t1.ADMIN, headers)).results;
}
const subject = (rs: Json[], c: string) => rs.find((r) => r.subject.code === c)!;
const taxOf = (r: Json) => r.receipt.indicators.find((i: Json) => i.indicator === 'TAX');

describe('receipts', () => {
  test('each indicator: the value used, its source, the other sources and the decision', async () => {
    const rs = await results('en');
    expect(taxOf(subject(rs, 'T01'))).toMatchObject({
      source: 'MONITOR',
      others: [{ source: 'SELF' }],
      decision: { code: 'DISCREPANCY_OPEN', params: { threshold: '10%', difference: '100%', source: 'MONITOR' } },
    });
    expect(taxOf(subject(rs, 'T01')).value.actual).toBe(input('T01', 'TAX').actual * 0.5);
    expect(taxOf(subject(rs, 'T02')).decision.code).toBe('SOURCES_AGREE');
    expect(taxOf(subject(rs, 'T03')).decision).toMatchObject({
      code: 'WITHIN_THRESHOLD',
      text: expect.stringContaining('within the review threshold 10%'),
    });
    expect(taxOf(subject(rs, 'T05'))).toMatchObject({ source: 'REVIEW', decision: { code: 'REVIEW_SETTLED' } });
    expect(taxOf(subject(rs, 'T04'))).toMatchObject({
      source: 'SELF',
      others: [],
      decision: { code: 'SOURCE_ONLY' },
      name: '税收收入',
    });
    const zh = await results('zh');
    expect(taxOf(subject(zh, 'T01')).decision.text).toBe(
      '自评与监测值相差 100%，超过复核阈值 10%，尚未复核，采用监测值',
    );
  });

  test("a capped bonus, a veto and the grade's reasons; rank peers and ties; the run's hashes", async () => {
    const rs = await results('zh');
    const t01 = subject(rs, 'T01').receipt;
    expect(t01.bonus).toEqual({ claimed: 6, counted: 5, cap: 5, cutByGroupCap: true });
    expect(t01.adjustments.find((a: Json) => a.rule === 'AWARD_DISTRICT')).toEqual({
      rule: 'AWARD_DISTRICT',
      name: '区级表彰',
      kind: 'BONUS',
      claimed: 2.5,
      counted: 2,
      maxPerSubject: 2,
      cutByRuleCap: true,
    });
    expect(t01.lines.map((l: Json) => l.text)).toContain('加分合计 6 分，超过本组加分上限 5 分，计入 5 分');
    const t04 = subject(rs, 'T04');
    expect(t04.receipt.vetoes).toEqual([
      { rule: 'MAJOR_ACCIDENT', name: '重大安全责任事故', maxGrade: 'FAIR', binding: true },
    ]);
    expect(t04.receipt.gradeReasons.map((l: Json) => l.code).slice(0, 2)).toEqual(['GRADE_VETOED', 'GRADE_VETOED']);
    expect(t04.receipt.gradeReasons[0].text).toBe('未评“优秀”：因否决项“重大安全责任事故”，最高只能评“一般”');
    const townships = rs.filter((r) => r.group === 'TOWNSHIP');
    for (const r of townships) {
      expect(r.receipt.rank.peers).toBe(townships.length);
      expect(r.receipt.rank.tied).toBe(townships.filter((x) => x !== r && x.final === r.final).length);
      expect(r.receipt.grade).toBe(r.grade);
    }
    const [run] = await withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
      em.query(`SELECT scheme_hash, inputs_hash FROM result_runs WHERE scheme_id = $1`, [schemeId]),
    );
    expect([t01.schemeHash, t01.inputsHash]).toEqual([run.scheme_hash, run.inputs_hash]);
    expect(t01.schemeHash).toBe(createHash('sha256').update(canonicalJson(SCHEME)).digest('hex'));
  });

  test('the language: lang argument, else Accept-Language, else Chinese; English has no Chinese but names', async () => {
    const byHeader = await results(undefined, { 'accept-language': 'en-GB,en;q=0.9,zh;q=0.5' });
    const byArg = await results('en');
    expect(byHeader).toEqual(byArg);
    expect(await results(undefined, { 'accept-language': 'fr' })).toEqual(await results('zh'));
    const nodeNames = (n: Json): string[] => [n.name, ...(n.children ?? []).flatMap(nodeNames)];
    const names = [...SCHEME.grades, ...SCHEME.rules]
      .map((x: Json) => x.name)
      .concat(
        DATASET.subjects.map((s: Json) => s.name),
        SCHEME.groups.flatMap((g: Json) => nodeNames(g.root)),
      );
    names.sort((a: string, b: string) => b.length - a.length); // longer names first: one may contain another
    const strip = (t: string) => names.reduce((s: string, n: string) => s.split(n).join(''), t);
    for (const r of byArg) {
      for (const l of r.receipt.lines) expect(strip(l.text)).not.toMatch(CJK);
      for (const n of r.nodes) if (n.explain) expect(n.explain).not.toMatch(CJK);
    }
    expect(langOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(langOf('en;q=0.2, zh;q=0.1')).toBe('en');
    expect(langOf('de, en;q=0')).toBe('zh');
    expect(langOf(undefined)).toBe('zh');
  });

  test("explanations: Chinese word for word the engine's, parts as data, the same numbers in English", async () => {
    const zh = await results('zh');
    const t04 = subject(zh, 'T04');
    const want = EXPLAINED.subjects.find((s: Json) => s.subject === 'T04');
    // T04's TAX is unchanged (only T01–T03, T05 got other sources): every explanation as the engine writes it
    expect(t04.nodes.map((n: Json) => n.explain ?? null)).toEqual(want.nodes.map((n: Json) => n.explain ?? null));
    const tax = t04.nodes.find((n: Json) => n.code === 'TAX');
    expect(tax.explainParts[0]).toMatchObject({
      code: 'RATIO',
      params: { actual: input('T04', 'TAX').actual, target: input('T04', 'TAX').target },
    });
    const en = subject(await results('en'), 'T04').nodes.find((n: Json) => n.code === 'TAX');
    expect(en.explain).toMatch(/^actual [\d.]+ \/ target [\d.]+ = [\d.]+%.*: [\d.]+ of [\d.]+ points$/);
  });

  test('problems carry codes: a misspelt key in a scheme is UNKNOWN_KEY with a suggestion; an unknown input field too', async () => {
    const bad = structuredClone(SCHEME);
    bad.code = 'misspelt';
    bad.groups[0].root.children[0].children[0].children[0].method.cpa = 1.2;
    const r = await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: bad }, w.t1.ADMIN);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.body.errors![0].extensions!.problems).toEqual([
      {
        path: '/groups/0/root/children/0/children/0/children/0/method/cpa',
        code: 'UNKNOWN_KEY',
        params: { key: 'cpa', suggestion: 'cap' },
        message: 'unknown key "cpa" (did you mean "cap"?)',
      },
    ]);
    const v = await setInput('T01', 'SELF', { acutal: 1 });
    expect(v.body.errors![0].extensions!.problems).toEqual([
      {
        path: '/value/acutal',
        code: 'UNKNOWN_KEY',
        params: { key: 'acutal', suggestion: 'actual' },
        message: 'unknown key "acutal" (did you mean "actual"?)',
      },
    ]);
  });
});

describe('runs stored before explanations became data', () => {
  test('an old-format run (Chinese text, no receipt) reads the same in either language; its receipt is null', async () => {
    const t = w.t1.id;
    const old = EXPLAINED.subjects.filter((s: Json) => s.group === 'TOWNSHIP').slice(0, 2);
    const explainOf = (s: Json) => s.nodes.map((n: Json) => n.explain ?? null);
    await withTenantTransaction(ts.server.dataSource, t, async (em) => {
      const [run] = await em.query(
        `INSERT INTO result_runs (tenant_id, scheme_id, status, scheme_version, scheme_hash, inputs_hash, result)
         VALUES ($1, $2, 'DRAFT', 2, 'old-scheme-hash', 'old-inputs-hash', $3::jsonb) RETURNING id`,
        [t, schemeId, JSON.stringify({ scheme: SCHEME.code, groups: [], subjects: old })],
      );
      for (const [i, s] of old.entries()) {
        await em.query(
          `INSERT INTO result_subjects (tenant_id, run_id, position, subject_code, subject_name, group_code, unit_code, base, bonus, deduction, final, rank, grade, data)
           VALUES ($1, $2, $3, $4, $4, $5, NULL, $6, $7, $8, $9, $10, $11, $12::jsonb)`,
          [
            t,
            run.id,
            i + 1,
            s.subject,
            s.group,
            s.base,
            s.bonus,
            s.deduction,
            s.final,
            s.rank,
            s.grade,
            JSON.stringify({ nodes: s.nodes, adjustments: s.adjustments, warnings: s.warnings, vetoes: s.vetoes }),
          ],
        );
      }
    });
    for (const headers of [{}, { 'accept-language': 'en' }] as Record<string, string>[]) {
      const rs = ok(await ts.gql(PLAIN, { s: schemeId }, w.t1.ADMIN, headers)).results as Json[];
      expect(rs.map((r) => [r.subject.code, explainOf(r), r.receipt])).toEqual(
        old.map((s: Json) => [s.subject, explainOf(s), null]),
      );
    }
  });
});
