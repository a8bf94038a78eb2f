import { registerEnumType } from 'type-graphql';

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  ADMIN = 'ADMIN',
  ASSESSOR = 'ASSESSOR',
  MONITOR = 'MONITOR',
  UNIT = 'UNIT',
  LEADER = 'LEADER',
  VIEWER = 'VIEWER',
}
registerEnumType(Role, { name: 'Role' });

/** Roles a tenant user may have (PLATFORM_ADMIN lives in platform_admins). */
export const TENANT_ROLES = [Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.UNIT, Role.LEADER, Role.VIEWER];
