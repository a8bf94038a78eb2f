import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  CREATE_USER,
  login,
  makeWorld,
  ok,
  type GqlResult,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));

const RUN = `id status newest missingInputs rejectReason rejectedAt supersededAt supersededBy
  createdBy { id name } reviewedBy { id name } approvedBy { id name } publishedBy { id name } rejectedBy { id name }`;
const COMPUTE = `mutation($s: ID!) { computeResults(schemeId: $s) { ${RUN} } }`;
const REVIEW = `mutation($r: ID!) { reviewResults(runId: $r) { ${RUN} } }`;
const APPROVE = `mutation($r: ID!) { approveResults(runId: $r) { ${RUN} } }`;
const PUBLISH = `mutation($r: ID!, $ack: Boolean) { publishResults(runId: $r, acknowledgeMissing: $ack) { ${RUN} } }`;
const REJECT = `mutation($r: ID!, $why: String!) { rejectResults(runId: $r, reason: $why) { ${RUN} } }`;
const ONE_RUN = `query($id: ID!) { ResultRun(id: $id) { ${RUN} missing { subject { code name } group indicator indicatorName } } }`;
const RUNS = `query($s: ID!) { resultRuns(schemeId: $s) { id status } }`;
const RESULTS = `query($s: ID!) { results(schemeId: $s) { subject { code } final } }`;
const SET_INPUT = `mutation($s: ID!, $sub: String!, $i: String!, $v: JSON!) { setInput(schemeId: $s, subject: $sub, indicator: $i, source: REVIEW, value: $v) { id } }`;
const SETTINGS = `{ tenantSettings { separationOfDuties version } }`;
const UPDATE_SETTINGS = `mutation($on: Boolean) { updateTenantSettings(input: { separationOfDuties: $on }) { separationOfDuties version } }`;
const CLOSE = `mutation($id: ID!) { closeScheme(id: $id) { id status } }`;
const AUDIT = `query($e: String, $eid: ID, $a: String) { auditLog(entity: $e, entityId: $eid, action: $a, perPage: 200) { actorKind actorId entity entityId action before after } }`;

let ts: TestServer;
let w: World;
let schemeId: string;
let resultsKey: string;
let admin2: string;
let roadsValue = 1;

const gql = (q: string, v: Json, token: string) => ts.gql(q, v, token);
const compute = async (token = w.t1.ASSESSOR) => ok(await gql(COMPUTE, { s: schemeId }, token)).computeResults as Json;
/** A changed input, so that the next compute makes a new run (T03's ROADS stays missing). */
const touch = async () =>
  ok(
    await gql(
      SET_INPUT,
      { s: schemeId, sub: 'T01', i: 'ROADS', v: { actual: 8 + roadsValue++ / 10, target: 12 } },
      w.t1.ASSESSOR,
    ),
  );
const step = async (q: string, runId: string, token: string, extra: Json = {}) => gql(q, { r: runId, ...extra }, token);
const published = async () =>
  withTenantTransaction<Json[]>(ts.server.dataSource, w.t1.id, (em) =>
    em.query(`SELECT id FROM result_runs WHERE scheme_id = $1 AND status = 'PUBLISHED'`, [schemeId]),
  );
const audit = async (vars: Json, token = w.t1.ADMIN) => ok(await gql(AUDIT, vars, token)).auditLog as Json[];
const errorOf = (r: GqlResult) => r.body.errors?.[0]?.message ?? '';

async function approvedRun(): Promise<Json> {
  await touch();
  const run = await compute();
  ok(await step(REVIEW, run.id, w.t1.LEADER));
  return ok(await step(APPROVE, run.id, w.t1.LEADER)).approveResults;
}

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = ok(await gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }, w.t1.ADMIN))
    .importScheme.id;
  ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }, w.t1.ADMIN));
  ok(
    await gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`,
      { s: schemeId, d: DATASET },
      w.t1.ADMIN,
    ),
  );
  resultsKey = ok(await gql(CREATE_API_KEY, { name: 'results app', scopes: ['results:read'] }, w.t1.ADMIN)).createApiKey
    .key;
  ok(
    await gql(
      CREATE_USER,
      { input: { email: 'admin2@t1.test', password: 'admin2-pass', name: '第二管理员', role: 'ADMIN' } },
      w.t1.ADMIN,
    ),
  );
  admin2 = (await login(ts, 'admin2@t1.test', 'admin2-pass', 't1')).token;
});
afterAll(() => ts?.stop());

describe('one published run per scheme', () => {
  test('publishing the newer run supersedes the older; stepping an older run is CONFLICT; API keys see the published one only', async () => {
    const first = await approvedRun();
    expect(ok(await step(PUBLISH, first.id, w.t1.ADMIN, { ack: true })).publishResults).toMatchObject({
      status: 'PUBLISHED',
      newest: true,
      publishedBy: { id: w.t1.userIds.ADMIN },
    });
    const keyView = ok(await gql(RESULTS, { s: schemeId }, resultsKey)).results;

    await touch();
    const older = await compute();
    await touch();
    const newer = await compute();
    expect(newer.id).not.toBe(older.id);
    const stale = await step(REVIEW, older.id, w.t1.LEADER);
    expect(code(stale)).toBe('CONFLICT');
    expect(errorOf(stale)).toMatch(/newer run/);
    expect(ok(await gql(ONE_RUN, { id: older.id }, w.t1.LEADER)).ResultRun).toMatchObject({
      status: 'DRAFT',
      newest: false,
    });

    ok(await step(REVIEW, newer.id, w.t1.LEADER));
    ok(await step(APPROVE, newer.id, w.t1.LEADER));
    ok(await step(PUBLISH, newer.id, w.t1.ADMIN, { ack: true }));
    expect(await published()).toEqual([{ id: newer.id }]);
    const old = ok(await gql(ONE_RUN, { id: first.id }, w.t1.VIEWER)).ResultRun;
    expect(old).toMatchObject({ status: 'SUPERSEDED', supersededBy: newer.id });
    expect(old.supersededAt).toBeTruthy();
    const superseded = await audit({ e: 'result_run', eid: first.id, a: 'SUPERSEDE' });
    expect(superseded).toEqual([
      expect.objectContaining({
        actorId: w.t1.userIds.ADMIN,
        before: expect.objectContaining({ status: 'PUBLISHED' }),
        after: expect.objectContaining({ status: 'SUPERSEDED', supersededBy: newer.id }),
      }),
    ]);

    // API keys: the newest published run only, never the superseded one (a changed ROADS figure moved T01)
    expect(ok(await gql(RUNS, { s: schemeId }, resultsKey)).resultRuns).toEqual([
      { id: newer.id, status: 'PUBLISHED' },
    ]);
    expect(code(await gql(ONE_RUN, { id: first.id }, resultsKey))).toBe('NOT_FOUND');
    const now = ok(await gql(RESULTS, { s: schemeId }, resultsKey)).results;
    expect(now.find((s: Json) => s.subject.code === 'T01').final).not.toBe(
      keyView.find((s: Json) => s.subject.code === 'T01').final,
    );
    expect(ok(await gql(RUNS, { s: schemeId }, w.t1.ADMIN)).resultRuns.map((r: Json) => r.status)).toEqual([
      'PUBLISHED',
      'DRAFT',
      'SUPERSEDED',
    ]);
  });

  test('two concurrent publishes leave exactly one PUBLISHED run; a raw UPDATE as the app role is refused by the unique index', async () => {
    const older = await approvedRun();
    const newer = await approvedRun();
    const both = await Promise.all([
      step(PUBLISH, older.id, w.t1.ADMIN, { ack: true }),
      step(PUBLISH, newer.id, admin2, { ack: true }),
    ]);
    expect(both.map(code)).toEqual(['CONFLICT', 'OK']);
    expect(await published()).toEqual([{ id: newer.id }]);

    const again = await approvedRun();
    const twice = await Promise.all([
      step(PUBLISH, again.id, w.t1.ADMIN, { ack: true }),
      step(PUBLISH, again.id, admin2, { ack: true }),
    ]);
    expect(twice.map(code).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await published()).toEqual([{ id: again.id }]);

    const raw = await approvedRun();
    const [me] = await ts.server.dataSource.query(`SELECT current_user AS role`);
    expect(me.role).toBe('kaoping_app');
    await expect(
      withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
        em.query(
          `UPDATE result_runs SET status = 'PUBLISHED', published_at = now(), version = version + 1 WHERE id = $1`,
          [raw.id],
        ),
      ),
    ).rejects.toThrow(/result_runs_one_published/);
    await expect(
      withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
        em.query(`UPDATE result_runs SET status = 'PUBLISHED', version = version + 1 WHERE id = $1`, [newer.id]),
      ),
    ).rejects.toThrow(/not a lifecycle step|cannot change/);
    expect(await published()).toEqual([{ id: again.id }]);
  });
});

describe('send back', () => {
  test('reject with a reason by the owner of the next step (or ADMIN); final; a recompute makes a new DRAFT; never shown to API keys', async () => {
    await touch();
    const draft = await compute();
    expect(code(await step(REJECT, draft.id, w.t1.LEADER, { why: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await step(REJECT, draft.id, w.t1.LEADER, { why: 'x'.repeat(1001) }))).toBe('BAD_USER_INPUT');
    for (const role of ['VIEWER', 'ASSESSOR', 'MONITOR', 'UNIT'] as const)
      expect(code(await step(REJECT, draft.id, w.t1[role], { why: 'no' }))).toBe('FORBIDDEN');
    expect(code(await step(REJECT, draft.id, resultsKey, { why: 'no' }))).toBe('FORBIDDEN');
    const rejected = ok(
      await step(REJECT, draft.id, w.t1.LEADER, { why: '  T03 的道路数据缺失，请补录  ' }),
    ).rejectResults;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'T03 的道路数据缺失，请补录',
      rejectedBy: { id: w.t1.userIds.LEADER, name: 'LEADER' },
      createdBy: { id: w.t1.userIds.ASSESSOR },
    });
    expect(rejected.rejectedAt).toBeTruthy();
    expect(code(await step(REVIEW, draft.id, w.t1.LEADER))).toBe('CONFLICT');
    expect(code(await step(REJECT, draft.id, w.t1.ADMIN, { why: 'again' }))).toBe('CONFLICT');
    const log = await audit({ e: 'result_run', eid: draft.id, a: 'REJECT' });
    expect(log).toEqual([
      expect.objectContaining({
        actorId: w.t1.userIds.LEADER,
        after: expect.objectContaining({ status: 'REJECTED', reason: 'T03 的道路数据缺失，请补录' }),
      }),
    ]);

    // nothing changed, yet the recompute is a new DRAFT (the rejected run stays as it is)
    const redo = await compute();
    expect(redo.id).not.toBe(draft.id);
    expect(redo.status).toBe('DRAFT');

    // an APPROVED run waits for publication: only an ADMIN sends it back
    ok(await step(REVIEW, redo.id, w.t1.LEADER));
    ok(await step(APPROVE, redo.id, w.t1.LEADER));
    expect(code(await step(REJECT, redo.id, w.t1.LEADER, { why: 'late' }))).toBe('FORBIDDEN');
    expect(ok(await step(REJECT, redo.id, w.t1.ADMIN, { why: '领导要求复核' })).rejectResults).toMatchObject({
      status: 'REJECTED',
      approvedBy: { id: w.t1.userIds.LEADER },
    });
    expect(code(await gql(ONE_RUN, { id: redo.id }, resultsKey))).toBe('NOT_FOUND');
    expect(
      ok(await gql(RUNS, { s: schemeId }, resultsKey)).resultRuns.every((r: Json) => r.status === 'PUBLISHED'),
    ).toBe(true);
    expect(
      ok(await gql(`{ allResultRuns(filter: { status: REJECTED }) { id } }`, {}, resultsKey)).allResultRuns,
    ).toEqual([]);
    const staff = ok(
      await gql(`{ allResultRuns(filter: { status: REJECTED }) { id rejectReason } }`, {}, w.t1.VIEWER),
    ).allResultRuns;
    expect(staff.map((r: Json) => r.id).sort()).toEqual([draft.id, redo.id].sort());
  });
});

describe('separation of duties', () => {
  test('off by default; when on, nobody takes two steps of a run, ADMINs included; ADMIN only; audited', async () => {
    expect(ok(await gql(SETTINGS, {}, w.t1.LEADER)).tenantSettings).toEqual({ separationOfDuties: false, version: 0 });
    // off: one ADMIN computes, reviews and approves
    await touch();
    const solo = await compute(w.t1.ADMIN);
    ok(await step(REVIEW, solo.id, w.t1.ADMIN));
    ok(await step(APPROVE, solo.id, w.t1.ADMIN));

    expect(code(await gql(UPDATE_SETTINGS, { on: true }, w.t1.LEADER))).toBe('FORBIDDEN');
    expect(code(await gql(UPDATE_SETTINGS, { on: true }, resultsKey))).toBe('FORBIDDEN');
    expect(ok(await gql(UPDATE_SETTINGS, { on: true }, w.t1.ADMIN)).updateTenantSettings).toEqual({
      separationOfDuties: true,
      version: 1,
    });
    expect(ok(await gql(SETTINGS, {}, w.t2.admin)).tenantSettings.separationOfDuties).toBe(false);
    const changed = await audit({ e: 'tenant_settings' });
    expect(changed).toEqual([
      expect.objectContaining({
        action: 'UPDATE',
        entityId: w.t1.id,
        actorId: w.t1.userIds.ADMIN,
        before: { separationOfDuties: false, version: 0 },
        after: { separationOfDuties: true, version: 1 },
      }),
    ]);

    // the ADMIN who approved may not publish
    const denied = await step(PUBLISH, solo.id, w.t1.ADMIN, { ack: true });
    expect(code(denied)).toBe('FORBIDDEN');
    expect(errorOf(denied)).toMatch(/Separation of duties: you computed this run; another person must publish it/);
    await touch();
    const run = await compute(w.t1.ASSESSOR);
    expect(code(await step(REVIEW, run.id, w.t1.ASSESSOR))).toBe('FORBIDDEN'); // not a reviewer anyway
    ok(await step(REVIEW, run.id, w.t1.LEADER));
    const twice = await step(APPROVE, run.id, w.t1.LEADER);
    expect(code(twice)).toBe('FORBIDDEN');
    expect(errorOf(twice)).toMatch(/reviewed this run; another person must approve it/);
    ok(await step(APPROVE, run.id, w.t1.ADMIN));
    expect(code(await step(PUBLISH, run.id, w.t1.ADMIN, { ack: true }))).toBe('FORBIDDEN');
    expect(ok(await step(PUBLISH, run.id, admin2, { ack: true })).publishResults).toMatchObject({
      status: 'PUBLISHED',
      createdBy: { id: w.t1.userIds.ASSESSOR },
      reviewedBy: { id: w.t1.userIds.LEADER },
      approvedBy: { id: w.t1.userIds.ADMIN },
      publishedBy: { name: '第二管理员' },
    });
    // API keys see no names
    expect(ok(await gql(ONE_RUN, { id: run.id }, resultsKey)).ResultRun).toMatchObject({
      status: 'PUBLISHED',
      publishedBy: null,
      reviewedBy: null,
    });

    expect(ok(await gql(UPDATE_SETTINGS, { on: false }, w.t1.ADMIN)).updateTenantSettings).toEqual({
      separationOfDuties: false,
      version: 2,
    });
    await touch();
    const again = await compute(w.t1.ADMIN);
    ok(await step(REVIEW, again.id, w.t1.ADMIN));
  });
});

describe('missing-data gate', () => {
  test('missingInputs counts MISSING_INPUT warnings and lists them; publishing needs the acknowledgement, which is audited', async () => {
    const run = await approvedRun();
    const view = ok(await gql(ONE_RUN, { id: run.id }, w.t1.ADMIN)).ResultRun;
    expect(view.missingInputs).toBe(1);
    expect(view.missing).toEqual([
      {
        subject: { code: 'T03', name: expect.any(String) },
        group: 'TOWNSHIP',
        indicator: 'ROADS',
        indicatorName: '通村水泥路建设',
      },
    ]);
    for (const ack of [undefined, false]) {
      const r = await step(PUBLISH, run.id, w.t1.ADMIN, ack === undefined ? {} : { ack });
      expect(code(r)).toBe('CONFLICT');
      expect(errorOf(r)).toMatch(/1 missing input/);
    }
    ok(await step(PUBLISH, run.id, w.t1.ADMIN, { ack: true }));
    const [entry] = await audit({ e: 'result_run', eid: run.id, a: 'PUBLISH' });
    expect(entry.after).toMatchObject({ status: 'PUBLISHED', missingInputs: 1, acknowledgeMissing: true });

    // the figure entered: no missing input, no acknowledgement needed
    ok(await gql(SET_INPUT, { s: schemeId, sub: 'T03', i: 'ROADS', v: { actual: 10, target: 12 } }, w.t1.ASSESSOR));
    const full = await compute();
    expect(full.missingInputs).toBe(0);
    expect(ok(await gql(ONE_RUN, { id: full.id }, w.t1.ADMIN)).ResultRun.missing).toEqual([]);
    ok(await step(REVIEW, full.id, w.t1.LEADER));
    ok(await step(APPROVE, full.id, w.t1.LEADER));
    expect(ok(await step(PUBLISH, full.id, w.t1.ADMIN)).publishResults.status).toBe('PUBLISHED');
  });
});

describe('closing a year', () => {
  test('closeScheme needs a PUBLISHED run; a CLOSED scheme takes no input, ballot, adjustment, compute or step (FORBIDDEN), also in the database', async () => {
    const other = ok(
      await gql(
        `mutation($d: JSON!) { importScheme(definition: $d) { id } }`,
        { d: { ...SCHEME, code: 'no-run-2023' } },
        w.t1.ADMIN,
      ),
    ).importScheme.id;
    ok(await gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: other }, w.t1.ADMIN));
    const noRun = await gql(CLOSE, { id: other }, w.t1.ADMIN);
    expect(code(noRun)).toBe('CONFLICT');
    expect(errorOf(noRun)).toMatch(/no PUBLISHED result run/);
    await expect(
      withTenantTransaction(ts.server.dataSource, w.t1.id, (em) =>
        em.query(`UPDATE schemes SET status = 'CLOSED', closed_at = now(), version = version + 1 WHERE id = $1`, [
          other,
        ]),
      ),
    ).rejects.toThrow(/no PUBLISHED result run/);

    await touch();
    const pending = await compute();
    const claim = ok(
      await gql(
        `mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T02", rule: "AWARD_CITY", count: 1) { id version } }`,
        { s: schemeId },
        w.t1.ASSESSOR,
      ),
    ).claimAdjustment;
    expect(ok(await gql(CLOSE, { id: schemeId }, w.t1.ADMIN)).closeScheme.status).toBe('CLOSED');

    const refused: [string, GqlResult][] = [
      [
        'setInput',
        await gql(SET_INPUT, { s: schemeId, sub: 'T01', i: 'TAX', v: { actual: 1, target: 1 } }, w.t1.ADMIN),
      ],
      [
        'setBallots',
        await gql(
          `mutation($s: ID!) { setBallots(schemeId: $s, subject: "T01", indicator: "PUBLIC_EVAL", ballots: { TEAM: { GOOD: 1 } }) { id } }`,
          { s: schemeId },
          w.t1.ADMIN,
        ),
      ],
      [
        'claimAdjustment',
        await gql(
          `mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T01", rule: "AWARD_CITY", count: 1) { id } }`,
          { s: schemeId },
          w.t1.ADMIN,
        ),
      ],
      [
        'verifyAdjustment',
        await gql(
          `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { id } }`,
          { id: claim.id, v: claim.version },
          w.t1.ADMIN,
        ),
      ],
      ['computeResults', await gql(COMPUTE, { s: schemeId }, w.t1.ADMIN)],
      ['reviewResults', await step(REVIEW, pending.id, w.t1.LEADER)],
      ['rejectResults', await step(REJECT, pending.id, w.t1.ADMIN, { why: 'closed' })],
    ];
    expect(refused.map(([name, r]) => [name, code(r)])).toEqual(refused.map(([name]) => [name, 'FORBIDDEN']));

    const tx = (sql: string, params: unknown[]) =>
      withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => em.query(sql, params));
    await expect(tx(`UPDATE inputs SET value = value WHERE scheme_id = $1`, [schemeId])).rejects.toThrow(/CLOSED/);
    await expect(
      tx(`UPDATE adjustments SET status = 'VERIFIED', version = version + 1 WHERE id = $1`, [claim.id]),
    ).rejects.toThrow(/CLOSED/);
    await expect(tx(`UPDATE subjects SET name = 'x' WHERE scheme_id = $1`, [schemeId])).rejects.toThrow(/CLOSED/);
    await expect(
      tx(`UPDATE result_runs SET status = 'REVIEWED', reviewed_at = now(), version = version + 1 WHERE id = $1`, [
        pending.id,
      ]),
    ).rejects.toThrow(/CLOSED/);
    await expect(
      tx(
        `INSERT INTO result_runs (tenant_id, scheme_id, scheme_version, scheme_hash, inputs_hash, result) SELECT tenant_id, scheme_id, scheme_version, 'x', 'y', result FROM result_runs WHERE id = $1`,
        [pending.id],
      ),
    ).rejects.toThrow(/CLOSED/);
    // the published result stays readable
    expect(ok(await gql(RESULTS, { s: schemeId }, resultsKey)).results).toHaveLength(45);
  });
});
