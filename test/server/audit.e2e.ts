import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withTenantTransaction } from '../../server/src/context/tenant-transaction';
import {
  bootServer,
  code,
  CREATE_API_KEY,
  makeWorld,
  ok,
  type Json,
  type TestServer,
  type World,
} from '../support/server';

const EXAMPLES = path.join(__dirname, '../../shared/examples');
const SCHEME: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.scheme.json'), 'utf8'));
const DATASET: Json = JSON.parse(readFileSync(path.join(EXAMPLES, 'district-2023.dataset.json'), 'utf8'));

const ENTRY = 'id at actorKind actorId entity entityId action before after';
const AUDIT = `query($e: String, $eid: ID, $a: String, $act: ID, $from: DateTimeISO, $to: DateTimeISO, $page: Int, $perPage: Int) {
  auditLog(entity: $e, entityId: $eid, action: $a, actorId: $act, from: $from, to: $to, page: $page, perPage: $perPage) { ${ENTRY} }
  _auditLogMeta(entity: $e, entityId: $eid, action: $a, actorId: $act, from: $from, to: $to) { count } }`;
const RUN = 'id status';

let ts: TestServer;
let w: World;
let schemeId: string;
let inputId: string;
let adjustmentId: string;
let runId: string;
let beforeData: string;

beforeAll(async () => {
  ts = await bootServer();
  w = await makeWorld(ts);
  schemeId = ok(await ts.gql(`mutation($d: JSON!) { importScheme(definition: $d) { id } }`, { d: SCHEME }, w.t1.ADMIN))
    .importScheme.id;
  ok(await ts.gql(`mutation($id: ID!) { publishScheme(id: $id) { id } }`, { id: schemeId }, w.t1.ADMIN));
  await new Promise((r) => setTimeout(r, 20));
  beforeData = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  ok(
    await ts.gql(
      `mutation($s: ID!, $d: JSON!) { importDataset(schemeId: $s, dataset: $d) { subjects } }`,
      { s: schemeId, d: DATASET },
      w.t1.ADMIN,
    ),
  );
  inputId = ok(
    await ts.gql(
      `mutation($s: ID!, $v: JSON!) { setInput(schemeId: $s, subject: "T01", indicator: "TAX", source: MONITOR, value: $v) { id } }`,
      { s: schemeId, v: { actual: 7367, target: 8000 } },
      w.t1.MONITOR,
    ),
  ).setInput.id;
  const claim = ok(
    await ts.gql(
      `mutation($s: ID!) { claimAdjustment(schemeId: $s, subject: "T02", rule: "AWARD_CITY", count: 1) { id version } }`,
      { s: schemeId },
      w.t1.ASSESSOR,
    ),
  ).claimAdjustment;
  adjustmentId = claim.id;
  ok(
    await ts.gql(
      `mutation($id: ID!, $v: Int!) { verifyAdjustment(id: $id, version: $v) { id } }`,
      { id: claim.id, v: claim.version },
      w.t1.ADMIN,
    ),
  );
  runId = ok(
    await ts.gql(`mutation($s: ID!) { computeResults(schemeId: $s) { ${RUN} } }`, { s: schemeId }, w.t1.ASSESSOR),
  ).computeResults.id;
  ok(await ts.gql(`mutation($r: ID!) { reviewResults(runId: $r) { ${RUN} } }`, { r: runId }, w.t1.LEADER));
  ok(await ts.gql(`mutation($r: ID!) { approveResults(runId: $r) { ${RUN} } }`, { r: runId }, w.t1.LEADER));
  ok(
    await ts.gql(
      `mutation($r: ID!) { publishResults(runId: $r, acknowledgeMissing: true) { ${RUN} } }`,
      { r: runId },
      w.t1.ADMIN,
    ),
  );
});
afterAll(() => ts?.stop());

const audit = async (vars: Json = {}, token = w.t1.ADMIN) =>
  ok(await ts.gql(AUDIT, vars, token)) as { auditLog: Json[]; _auditLogMeta: { count: number } };

describe('auditLog', () => {
  test('a scheme import, a setInput, an adjustment verify and a run publish each appear with actor, before and after; newest first', async () => {
    const { auditLog: all, _auditLogMeta: meta } = await audit({ perPage: 200 });
    expect(meta.count).toBe(all.length);
    const ats = all.map((e) => new Date(e.at).getTime());
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({
      entity: 'result_run',
      entityId: runId,
      action: 'PUBLISH',
      actorKind: 'user',
      actorId: w.t1.userIds.ADMIN,
    });
    expect(all[0].before.status).toBe('APPROVED');
    expect(all[0].after.status).toBe('PUBLISHED');

    const imported = all.find((e) => e.entity === 'scheme' && e.entityId === schemeId && e.before === null);
    expect(imported).toMatchObject({ actorKind: 'user', actorId: w.t1.userIds.ADMIN });
    expect(imported!.after).toBeTruthy();

    const input = all.find((e) => e.entity === 'input' && e.entityId === inputId);
    expect(input).toMatchObject({ action: 'SET', actorId: w.t1.userIds.MONITOR, before: null });
    expect(input!.after).toMatchObject({ subject: 'T01', indicator: 'TAX', source: 'MONITOR' });

    const verify = all.find((e) => e.entity === 'adjustment' && e.entityId === adjustmentId && e.action === 'VERIFY');
    expect(verify).toMatchObject({ actorId: w.t1.userIds.ADMIN });
    expect(verify!.before.status).toBe('CLAIMED');
    expect(verify!.after.status).toBe('VERIFIED');
    const claim = all.find((e) => e.entity === 'adjustment' && e.entityId === adjustmentId && e.action === 'CLAIM');
    expect(claim).toMatchObject({ actorId: w.t1.userIds.ASSESSOR, before: null });
  });

  test('filters by entity, entity id, action, actor and time narrow the list; paging and the perPage cap', async () => {
    const runs = await audit({ e: 'result_run' });
    expect(runs.auditLog.map((e) => e.action)).toEqual(['PUBLISH', 'APPROVE', 'REVIEW', 'COMPUTE']);
    expect(runs._auditLogMeta.count).toBe(4);
    expect((await audit({ e: 'result_run', a: 'REVIEW' })).auditLog).toEqual([
      expect.objectContaining({ actorId: w.t1.userIds.LEADER, entityId: runId }),
    ]);
    expect((await audit({ eid: adjustmentId })).auditLog.map((e) => e.action)).toEqual(['VERIFY', 'CLAIM']);
    const byMonitor = await audit({ act: w.t1.userIds.MONITOR });
    expect(byMonitor.auditLog.map((e) => e.entityId)).toEqual([inputId]);
    expect(code(await ts.gql(AUDIT, { eid: 'not-a-uuid' }, w.t1.ADMIN))).toBe('BAD_USER_INPUT'); // not an id: refused at the edge

    const all = (await audit({ perPage: 200 }))._auditLogMeta.count;
    const before = await audit({ to: beforeData, perPage: 200 });
    const after = await audit({ from: beforeData, perPage: 200 });
    expect(before._auditLogMeta.count + after._auditLogMeta.count).toBe(all);
    expect(before.auditLog.every((e) => e.entity !== 'result_run')).toBe(true);
    expect(before.auditLog.some((e) => e.entity === 'scheme')).toBe(true);
    expect(after.auditLog.some((e) => e.entity === 'scheme')).toBe(false);
    expect((await audit({ e: 'scheme', from: beforeData }))._auditLogMeta.count).toBe(0);

    const p0 = (await audit({ e: 'result_run', page: 0, perPage: 3 })).auditLog;
    const p1 = (await audit({ e: 'result_run', page: 1, perPage: 3 })).auditLog;
    expect([...p0, ...p1].map((e) => e.action)).toEqual(['PUBLISH', 'APPROVE', 'REVIEW', 'COMPUTE']);
    expect(code(await ts.gql(AUDIT, { perPage: 201 }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
    expect(code(await ts.gql(AUDIT, { page: -1 }, w.t1.ADMIN))).toBe('BAD_USER_INPUT');
  });

  test('ADMIN only: other roles and API keys → FORBIDDEN; no token → UNAUTHENTICATED; another tenant sees none of it', async () => {
    for (const role of ['ASSESSOR', 'MONITOR', 'UNIT', 'LEADER', 'VIEWER'] as const)
      expect(code(await ts.gql(AUDIT, {}, w.t1[role]))).toBe('FORBIDDEN');
    const key = ok(await ts.gql(CREATE_API_KEY, { name: 'all', scopes: ['results:read', 'schemes:read'] }, w.t1.ADMIN))
      .createApiKey.key;
    expect(code(await ts.gql(AUDIT, {}, key))).toBe('FORBIDDEN');
    expect(code(await ts.gql(AUDIT, {}))).toBe('UNAUTHENTICATED');
    const other = await audit({ perPage: 200 }, w.t2.admin);
    expect(other.auditLog.some((e) => [schemeId, inputId, adjustmentId, runId].includes(e.entityId))).toBe(false);
    expect((await audit({ eid: runId }, w.t2.admin))._auditLogMeta.count).toBe(0);
  });

  test('the app role cannot UPDATE or DELETE audit records', async () => {
    const tx = (sql: string) => withTenantTransaction(ts.server.dataSource, w.t1.id, (em) => em.query(sql, [runId]));
    await expect(tx(`UPDATE audit_log SET after = NULL WHERE entity_id = $1`)).rejects.toThrow(/append-only/);
    await expect(tx(`DELETE FROM audit_log WHERE entity_id = $1`)).rejects.toThrow(/append-only/);
  });
});
