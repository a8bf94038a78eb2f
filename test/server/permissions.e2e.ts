// The one permissions table (server/src/auth/permissions.ts) and what `me { permissions }` answers.
import { grantedPermissions, Permission, PERMISSIONS, roleGrants } from '../../server/src/auth/permissions';
import { Role } from '../../server/src/user/role';
import { bootServer, makeWorld, ok, TENANT_ROLES, type TestServer, type World } from '../support/server';

const ME = `{ me { role permissions } }`;

describe('the permissions table', () => {
  test('ADMIN holds every permission a tenant role or an API key holds; the platform ones are not tenant-level', () => {
    const platformOnly = (Object.keys(PERMISSIONS) as Permission[]).filter((p) =>
      PERMISSIONS[p].roles.every((r) => r === Role.PLATFORM_ADMIN),
    );
    expect(platformOnly).toEqual([Permission.TENANT_MANAGE]);
    const missing = (Object.keys(PERMISSIONS) as Permission[]).filter(
      (p) => !platformOnly.includes(p) && !PERMISSIONS[p].roles.includes(Role.ADMIN),
    );
    expect(missing).toEqual([]);
  });

  test("a platform administrator holds the platform permissions, and ADMIN's only inside a tenant", () => {
    const platform = { kind: 'platform' as const, id: 'p', email: 'p@x' };
    expect(grantedPermissions(platform, false).sort()).toEqual(
      [Permission.TENANT_MANAGE, Permission.TENANT_READ].sort(),
    );
    expect(grantedPermissions(platform, true).sort()).toEqual(
      [...new Set([...roleGrants(Role.ADMIN), Permission.TENANT_MANAGE])].sort(),
    );
  });

  test('an API key holds what its scopes give: published results and schemes, nothing to write', () => {
    const key = (scopes: string[]) => grantedPermissions({ kind: 'apiKey', id: 'k', tenantId: 't', scopes }, true);
    expect(key(['results:read'])).toEqual([Permission.RESULT_READ]);
    expect(key(['schemes:read']).sort()).toEqual([Permission.CURRENT_TENANT_READ, Permission.SCHEME_READ].sort());
    expect(grantedPermissions(null, true)).toEqual([]);
  });

  test('a UNIT user enters SELF values and claims adjustments; a VIEWER only reads', () => {
    expect(roleGrants(Role.UNIT)).toEqual(
      expect.arrayContaining([Permission.INPUT_WRITE_SELF, Permission.ADJUSTMENT_CLAIM, Permission.RESULT_READ]),
    );
    expect(roleGrants(Role.UNIT)).not.toContain(Permission.RESULT_READ_UNPUBLISHED);
    expect(roleGrants(Role.VIEWER).filter((p) => !/_READ(_|$)/.test(p))).toEqual([
      Permission.API_KEY_GRANT_RESULTS,
      Permission.API_KEY_GRANT_SCHEMES,
    ]);
  });
});

describe('me { permissions }', () => {
  let ts: TestServer;
  let w: World;
  beforeAll(async () => {
    ts = await bootServer();
    w = await makeWorld(ts);
  });
  afterAll(() => ts?.stop());

  test('every tenant role gets what the table grants its role', async () => {
    for (const role of TENANT_ROLES) {
      const me = ok(await ts.gql(ME, {}, w.t1[role])).me;
      expect([role, [...me.permissions].sort()]).toEqual([role, roleGrants(role as Role).sort()]);
    }
  });

  test("a platform administrator: the platform permissions, and ADMIN's too through X-Tenant", async () => {
    const outside = ok(await ts.gql(ME, {}, w.platform)).me;
    expect([...outside.permissions].sort()).toEqual([Permission.TENANT_MANAGE, Permission.TENANT_READ].sort());
    const inside = ok(await ts.gql(ME, {}, w.platform, { 'x-tenant': 't1' })).me;
    expect(inside.permissions).toEqual(expect.arrayContaining([...roleGrants(Role.ADMIN), Permission.TENANT_MANAGE]));
  });

  test("another user's permissions are what their role grants", async () => {
    const users = ok(await ts.gql(`{ allUsers(perPage: 50) { role permissions } }`, {}, w.t1.ADMIN)).allUsers as {
      role: Role;
      permissions: string[];
    }[];
    const leader = users.find((u) => u.role === Role.LEADER)!;
    expect([...leader.permissions].sort()).toEqual(roleGrants(Role.LEADER).sort());
  });
});
