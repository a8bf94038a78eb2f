import { unauthenticated } from '../common/errors';
import type { RequestContext } from '../context/request-context';
import { Role } from '../user/role';
import type { User } from '../user/user.entity';
import { UserEntity } from '../user/user.entity';
import { PlatformAdminEntity } from './platform-admin.entity';
import { signToken } from './jwt';
import { verifyPassword } from './passwords';

const WRONG = 'Wrong email, password or tenant';

interface Candidate {
  kind: 'user' | 'platform';
  id: string;
  tenant_id: string | null;
  tenant_code: string | null;
  password_hash: string;
  role: string;
}

export const authService = {
  /**
   * Finds the account through the SECURITY DEFINER lookup (the app role cannot read other
   * tenants' users). Without `tenant`, only an email held by exactly one account logs in.
   * Every failure gives the same answer, after the same password-hashing work.
   */
  async login(
    ctx: RequestContext,
    email: string,
    password: string,
    tenant?: string | null,
  ): Promise<{ token: string; user: User }> {
    const em = await ctx.em();
    const rows: Candidate[] = await em.query(`SELECT * FROM kaoping_login_lookup($1, $2)`, [
      email.trim().toLowerCase(),
      tenant?.trim() || null,
    ]);
    const c = rows.length === 1 ? rows[0] : undefined;
    const ok = await verifyPassword(c?.password_hash, password);
    if (!c || !ok) throw unauthenticated(WRONG);
    const o = {
      secret: ctx.config.jwtSecret,
      issuer: ctx.config.jwtIssuer,
      audience: ctx.config.jwtAudience,
      ttlSeconds: ctx.config.jwtTtlSeconds,
    };
    if (c.kind === 'platform') {
      const a = await em.getRepository(PlatformAdminEntity).findOneOrFail({ where: { id: c.id } });
      return {
        token: await signToken({ sub: c.id, kind: 'platform' }, o),
        user: {
          id: a.id,
          email: a.email,
          name: a.name,
          role: Role.PLATFORM_ADMIN,
          unit: null,
          departmentId: null,
          disabled: a.disabled,
          createdAt: a.createdAt,
          tenant: null,
        },
      };
    }
    const tenantId = c.tenant_id!;
    const u = await ctx.asTenant(tenantId, (tem) =>
      tem.getRepository(UserEntity).findOneOrFail({ where: { tenantId, id: c.id } }),
    );
    const [t] = await em.query(`SELECT id, code, name FROM tenants WHERE id = $1`, [tenantId]);
    ctx.logFields.tenant = t.code;
    return {
      token: await signToken({ sub: u.id, kind: 'user', tid: tenantId }, o),
      user: {
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        unit: u.unit,
        departmentId: u.departmentId,
        disabled: u.disabled,
        createdAt: u.createdAt,
        tenant: { id: t.id, code: t.code, name: t.name },
      },
    };
  },
};
