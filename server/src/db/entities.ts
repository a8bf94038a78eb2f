import { ApiKey } from '../api-key/api-key.entity';
import { AuditLogEntity } from '../audit/audit.entity';
import { DepartmentEntity } from '../department/department.entity';
import { PlatformAdminEntity } from '../auth/platform-admin.entity';
import { SchemeEntity } from '../scheme/scheme.entity';
import { SubjectEntity } from '../subject/subject.entity';
import { TenantSettingsEntity } from '../tenant/tenant-settings';
import { Tenant } from '../tenant/tenant.entity';
import { UserEntity } from '../user/user.entity';

export const entities = [
  Tenant,
  PlatformAdminEntity,
  UserEntity,
  ApiKey,
  SchemeEntity,
  AuditLogEntity,
  SubjectEntity,
  TenantSettingsEntity,
  DepartmentEntity,
];
