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
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do.',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Runs the platform: tenants and their first administrators.' },
    ADMIN: { description: 'Manages the tenant: schemes, users, keys, webhooks; publishes results.' },
    ASSESSOR: { description: 'The assessment team: enters and verifies figures, computes results.' },
    MONITOR: { description: 'A department that reports monitoring figures.' },
    UNIT: { description: 'An assessed unit: reports its own figures, sees its own published results.' },
    LEADER: { description: 'Reviews and approves result runs.' },
    VIEWER: { description: 'Reads everything, changes nothing.' },
  },
});

/** Roles a tenant user may have (PLATFORM_ADMIN lives in platform_admins). */
export const TENANT_ROLES = [Role.ADMIN, Role.ASSESSOR, Role.MONITOR, Role.UNIT, Role.LEADER, Role.VIEWER];
