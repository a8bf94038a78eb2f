import type { Role } from '../user/role';

export type Principal =
  | { kind: 'user'; id: string; tenantId: string; role: Role; email: string }
  | { kind: 'platform'; id: string; email: string }
  | { kind: 'apiKey'; id: string; tenantId: string; scopes: string[] };

export interface TenantScope {
  id: string;
  code: string;
  name: string;
}
