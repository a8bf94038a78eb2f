import { registerEnumType } from 'type-graphql';
import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { Role, TENANT_ROLES } from '../user/role';

export const API_SCOPES = ['results:read', 'schemes:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * What a caller may do, in the domain's words. `@Authorized(Permission.X)` on a resolver (any of
 * several when more are named) and `can(ctx, Permission.X)` in services read the one table below;
 * nothing else decides by role. Which rows a caller sees (a UNIT user its own unit) is a scope
 * rule, `callerUnit` in common/caller.ts.
 */
export enum Permission {
  TENANT_MANAGE = 'TENANT_MANAGE',
  TENANT_READ = 'TENANT_READ',
  CURRENT_TENANT_READ = 'CURRENT_TENANT_READ',
  SETTINGS_READ = 'SETTINGS_READ',
  SETTINGS_EDIT = 'SETTINGS_EDIT',
  USER_MANAGE = 'USER_MANAGE',
  AUDIT_READ = 'AUDIT_READ',
  API_KEY_MANAGE = 'API_KEY_MANAGE',
  API_KEY_GRANT_RESULTS = 'API_KEY_GRANT_RESULTS',
  API_KEY_GRANT_SCHEMES = 'API_KEY_GRANT_SCHEMES',
  WEBHOOK_MANAGE = 'WEBHOOK_MANAGE',
  SCHEME_READ = 'SCHEME_READ',
  SCHEME_EDIT = 'SCHEME_EDIT',
  SCHEME_PUBLISH = 'SCHEME_PUBLISH',
  SUBJECT_EDIT = 'SUBJECT_EDIT',
  DEPARTMENT_MANAGE = 'DEPARTMENT_MANAGE',
  DATA_READ = 'DATA_READ',
  DEADLINE_MANAGE = 'DEADLINE_MANAGE',
  DEADLINE_BYPASS = 'DEADLINE_BYPASS',
  NOT_SUBMITTED_READ = 'NOT_SUBMITTED_READ',
  INBOX_READ = 'INBOX_READ',
  DISCREPANCY_READ = 'DISCREPANCY_READ',
  INPUT_WRITE = 'INPUT_WRITE',
  INPUT_WRITE_SELF = 'INPUT_WRITE_SELF',
  INPUT_WRITE_MONITOR = 'INPUT_WRITE_MONITOR',
  INPUT_WRITE_REVIEW = 'INPUT_WRITE_REVIEW',
  DATASET_IMPORT = 'DATASET_IMPORT',
  BALLOT_WRITE = 'BALLOT_WRITE',
  ADJUSTMENT_CLAIM = 'ADJUSTMENT_CLAIM',
  ADJUSTMENT_VERIFY = 'ADJUSTMENT_VERIFY',
  EVIDENCE_ATTACH = 'EVIDENCE_ATTACH',
  EVIDENCE_DELETE_ANY = 'EVIDENCE_DELETE_ANY',
  SIMULATE = 'SIMULATE',
  RESULT_READ = 'RESULT_READ',
  RESULT_READ_UNPUBLISHED = 'RESULT_READ_UNPUBLISHED',
  RESULT_COMPUTE = 'RESULT_COMPUTE',
  RESULT_REVIEW = 'RESULT_REVIEW',
  RESULT_APPROVE = 'RESULT_APPROVE',
  RESULT_PUBLISH = 'RESULT_PUBLISH',
}

interface Grant {
  /** Who holds it. A platform administrator acting in a tenant (X-Tenant) holds what ADMIN holds. */
  roles: readonly Role[];
  /** Platform administrators hold it without acting in a tenant. */
  platform?: true;
  /** API keys with this scope hold it. */
  scope?: ApiScope;
  description: string;
}

const { PLATFORM_ADMIN, ADMIN, ASSESSOR, MONITOR, UNIT, LEADER, VIEWER } = Role;
const EVERY_TENANT_ROLE = TENANT_ROLES;

/** The one permissions table: Permission → the roles (and API-key scope) that hold it. */
export const PERMISSIONS: Record<Permission, Grant> = {
  TENANT_MANAGE: { roles: [PLATFORM_ADMIN], platform: true, description: 'Create and change tenants.' },
  TENANT_READ: {
    roles: [PLATFORM_ADMIN, ...EVERY_TENANT_ROLE],
    platform: true,
    description: 'List tenants (a tenant user sees its own).',
  },
  CURRENT_TENANT_READ: {
    roles: EVERY_TENANT_ROLE,
    scope: 'schemes:read',
    description: 'Read the tenant the request acts in.',
  },
  SETTINGS_READ: { roles: EVERY_TENANT_ROLE, description: "Read the tenant's settings." },
  SETTINGS_EDIT: { roles: [ADMIN], description: "Change the tenant's settings." },
  USER_MANAGE: { roles: [ADMIN], description: "Create, change and list the tenant's users." },
  AUDIT_READ: { roles: [ADMIN], description: 'Read the audit log.' },
  API_KEY_MANAGE: { roles: [ADMIN], description: 'Create, list and revoke API keys.' },
  API_KEY_GRANT_RESULTS: {
    roles: [ADMIN, ASSESSOR, LEADER, VIEWER],
    description: 'Give an API key the results:read scope.',
  },
  API_KEY_GRANT_SCHEMES: { roles: EVERY_TENANT_ROLE, description: 'Give an API key the schemes:read scope.' },
  WEBHOOK_MANAGE: { roles: [ADMIN], description: 'Manage webhooks and their deliveries.' },
  SCHEME_READ: { roles: EVERY_TENANT_ROLE, scope: 'schemes:read', description: 'Read schemes.' },
  SCHEME_EDIT: { roles: [ADMIN], description: 'Create, edit and copy schemes; read their history.' },
  SCHEME_PUBLISH: { roles: [ADMIN], description: 'Publish and close schemes.' },
  SUBJECT_EDIT: { roles: [ADMIN], description: 'Create, change and delete subjects.' },
  DEPARTMENT_MANAGE: { roles: [ADMIN], description: 'Create, change and delete departments.' },
  DATA_READ: {
    roles: EVERY_TENANT_ROLE,
    description: 'Read subjects, inputs, adjustments and the dashboard (a UNIT user: its own unit).',
  },
  DEADLINE_MANAGE: { roles: [ADMIN], description: 'Set, clear and reopen deadlines.' },
  DEADLINE_BYPASS: {
    roles: [ADMIN, ASSESSOR],
    description: 'Enter values after a deadline (units and departments are closed by it).',
  },
  NOT_SUBMITTED_READ: { roles: [ADMIN, ASSESSOR, LEADER, VIEWER], description: 'Read who has not submitted a period.' },
  INBOX_READ: { roles: EVERY_TENANT_ROLE, description: "Read and mark one's own notifications." },
  DISCREPANCY_READ: {
    roles: [ADMIN, ASSESSOR, MONITOR, LEADER, VIEWER],
    description: 'Read SELF/MONITOR discrepancies.',
  },
  INPUT_WRITE: {
    roles: [ADMIN, ASSESSOR, MONITOR, UNIT],
    description: 'Enter values of some source (which one: the INPUT_WRITE_* permissions).',
  },
  INPUT_WRITE_SELF: { roles: [ADMIN, UNIT], description: 'Enter SELF values (a UNIT user: for its own unit).' },
  INPUT_WRITE_MONITOR: { roles: [ADMIN, MONITOR], description: 'Enter MONITOR values.' },
  INPUT_WRITE_REVIEW: { roles: [ADMIN, ASSESSOR], description: 'Enter REVIEW values.' },
  DATASET_IMPORT: { roles: [ADMIN, ASSESSOR, MONITOR], description: 'Import whole datasets.' },
  BALLOT_WRITE: { roles: [ADMIN, ASSESSOR], description: 'Enter ballot counts.' },
  ADJUSTMENT_CLAIM: {
    roles: [ADMIN, ASSESSOR, UNIT],
    description: 'Claim adjustments (a UNIT user: for its own unit).',
  },
  ADJUSTMENT_VERIFY: {
    roles: [ADMIN, ASSESSOR],
    description: 'Verify or reject claimed adjustments; what they import is verified at once.',
  },
  EVIDENCE_ATTACH: {
    roles: [ADMIN, ASSESSOR, MONITOR, UNIT],
    description: 'Attach evidence files to a claim or an input the caller may write.',
  },
  EVIDENCE_DELETE_ANY: { roles: [ADMIN], description: 'Delete evidence files uploaded by someone else.' },
  SIMULATE: { roles: [ADMIN, ASSESSOR, LEADER], description: 'Run what-if simulations.' },
  RESULT_READ: {
    roles: EVERY_TENANT_ROLE,
    scope: 'results:read',
    description: 'Read results (API keys and UNIT users: published runs only).',
  },
  RESULT_READ_UNPUBLISHED: {
    roles: [ADMIN, ASSESSOR, MONITOR, LEADER, VIEWER],
    description: 'Read runs that are not published yet.',
  },
  RESULT_COMPUTE: { roles: [ADMIN, ASSESSOR], description: 'Compute result runs.' },
  RESULT_REVIEW: { roles: [ADMIN, LEADER], description: 'Review a DRAFT run (or send it back).' },
  RESULT_APPROVE: { roles: [ADMIN, LEADER], description: 'Approve a REVIEWED run (or send it back).' },
  RESULT_PUBLISH: { roles: [ADMIN], description: 'Publish an APPROVED run (or send it back).' },
};

registerEnumType(Permission, {
  name: 'Permission',
  description: 'Something a caller may do; `me { permissions }` lists those granted.',
  valuesConfig: Object.fromEntries(Object.entries(PERMISSIONS).map(([k, g]) => [k, { description: g.description }])),
});

/** The scope an API key needs, and the permission a user needs to give it to a key. */
export const SCOPE_GRANT: Record<ApiScope, Permission> = {
  'results:read': Permission.API_KEY_GRANT_RESULTS,
  'schemes:read': Permission.API_KEY_GRANT_SCHEMES,
};

/** Whether the principal holds one permission; `inTenant`: the request acts in a tenant. */
export function holds(p: Principal, inTenant: boolean, perm: Permission): boolean {
  const g = PERMISSIONS[perm];
  if (p.kind === 'platform')
    return (g.platform === true && g.roles.includes(PLATFORM_ADMIN)) || (inTenant && g.roles.includes(ADMIN));
  if (!inTenant) return false;
  if (p.kind === 'apiKey') return g.scope !== undefined && p.scopes.includes(g.scope);
  return g.roles.includes(p.role);
}

/** Every permission the principal holds in this request (`me { permissions }`). */
export function grantedPermissions(p: Principal | null, inTenant: boolean): Permission[] {
  return p ? (Object.values(Permission) as Permission[]).filter((perm) => holds(p, inTenant, perm)) : [];
}

/** What a tenant user of this role holds (PLATFORM_ADMIN: outside any tenant). */
export function roleGrants(role: Role): Permission[] {
  return role === PLATFORM_ADMIN
    ? grantedPermissions({ kind: 'platform', id: '', email: '' }, false)
    : grantedPermissions({ kind: 'user', id: '', tenantId: '', role, email: '' }, true);
}

/** The tenant roles that hold a permission (whom to notify when something awaits it). */
export function rolesHolding(perm: Permission): Role[] {
  return PERMISSIONS[perm].roles.filter((r) => r !== PLATFORM_ADMIN);
}

/** The services' question: does the caller of this request hold the permission? */
export function can(ctx: RequestContext, perm: Permission): boolean {
  return !!ctx.principal && holds(ctx.principal, ctx.hasTenant, perm);
}
