import { ApiKey } from '../api-key/api-key.entity';
import { AuditLogEntity } from '../audit/audit.entity';
import { PlatformAdminEntity } from '../auth/platform-admin.entity';
import { SchemeEntity } from '../scheme/scheme.entity';
import { Tenant } from '../tenant/tenant.entity';
import { UserEntity } from '../user/user.entity';

export const entities = [Tenant, PlatformAdminEntity, UserEntity, ApiKey, SchemeEntity, AuditLogEntity];
