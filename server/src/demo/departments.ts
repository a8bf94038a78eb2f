import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR, writeAudit } from '../audit/write-audit';

/**
 * The demo tenant's functional departments: the codes the example scheme names as `owners`
 * (统计局 compiles every economic figure; 税务局, 发改委 and 商务局 report their own) and a few more.
 */
export const DEMO_DEPARTMENTS = [
  { code: 'TAX_BUREAU', name: '税务局' },
  { code: 'STATS', name: '统计局' },
  { code: 'NDRC', name: '发改委' },
  { code: 'COMMERCE', name: '商务局' },
  { code: 'FINANCE', name: '财政局' },
  { code: 'EMERGENCY', name: '应急管理局' },
];

/** The demo MONITOR user: 统计局's reporter. */
export const DEMO_MONITOR = {
  email: 'monitor@example.com',
  password: 'demo',
  name: '统计局填报员',
  department: 'STATS',
};

/** Inserts the departments and the MONITOR user into the tenant the transaction is scoped to, with audit records (actor: system). */
export async function seedDemoDepartments(em: EntityManager, tenantId: string, passwordHash: string): Promise<void> {
  const rows: { id: string; code: string; name: string }[] = await em.query(
    `INSERT INTO departments (tenant_id, code, name) SELECT $1, d.code, d.name FROM jsonb_to_recordset($2::jsonb) AS d(code text, name text) RETURNING id, code, name`,
    [tenantId, JSON.stringify(DEMO_DEPARTMENTS)],
  );
  const dept = rows.find((r) => r.code === DEMO_MONITOR.department)!;
  const [user] = await em.query(
    `INSERT INTO users (tenant_id, email, name, password_hash, role, department_id) VALUES ($1, $2, $3, $4, 'MONITOR', $5) RETURNING id`,
    [tenantId, DEMO_MONITOR.email, DEMO_MONITOR.name, passwordHash, dept.id],
  );
  const audit = [
    ...rows.map((r) => ({
      entity: 'department',
      entityId: r.id,
      action: 'CREATE',
      after: { code: r.code, name: r.name, version: 1 },
    })),
    {
      entity: 'user',
      entityId: user.id,
      action: 'CREATE',
      after: {
        email: DEMO_MONITOR.email,
        name: DEMO_MONITOR.name,
        role: 'MONITOR',
        unit: null,
        departmentId: dept.id,
        disabled: false,
      },
    },
  ];
  await writeAudit(em, tenantId, SYSTEM_ACTOR, audit);
}
