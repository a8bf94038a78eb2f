import { Init1732390000000 } from './1732390000000-Init';
import { Schemes1732400000000 } from './1732400000000-Schemes';
import { Data1732410000000 } from './1732410000000-Data';
import { Results1732420000000 } from './1732420000000-Results';
import { SchemeDefinitionText1732430000000 } from './1732430000000-SchemeDefinitionText';
import { Lifecycle1732500000000 } from './1732500000000-Lifecycle';
import { RateLimits1732510000000 } from './1732510000000-RateLimits';
import { InputKeys1732520000000 } from './1732520000000-InputKeys';
import { RunGroupCounts1732580000000 } from './1732580000000-RunGroupCounts';
import { Webhooks1732590000000 } from './1732590000000-Webhooks';
import { Departments1732600000000 } from './1732600000000-Departments';
import { Deadlines1732610000000 } from './1732610000000-Deadlines';
import { Evidence1732620000000 } from './1732620000000-Evidence';
import { RunStoredOnce1732640000000 } from './1732640000000-RunStoredOnce';
import { SubjectDataText1732660000000 } from './1732660000000-SubjectDataText';

/** Every migration, in order. Hand-written SQL; run at start by the owner role. Never synchronize. */
export const migrations = [
  Init1732390000000,
  Schemes1732400000000,
  Data1732410000000,
  Results1732420000000,
  SchemeDefinitionText1732430000000,
  Lifecycle1732500000000,
  RateLimits1732510000000,
  InputKeys1732520000000,
  RunGroupCounts1732580000000,
  Webhooks1732590000000,
  Departments1732600000000,
  Deadlines1732610000000,
  Evidence1732620000000,
  RunStoredOnce1732640000000,
  SubjectDataText1732660000000,
];

/** Tables holding tenant data: RLS-protected, checked by the catalog test. */
export const TENANT_TABLES = [
  'users',
  'api_keys',
  'schemes',
  'audit_log',
  'subjects',
  'inputs',
  'adjustments',
  'dataset_imports',
  'result_runs',
  'result_subjects',
  'tenant_settings',
  'webhooks',
  'webhook_deliveries',
  'webhook_attempts',
  'departments',
  'evidence_files',
  'deadlines',
  'deadline_extensions',
  'notifications',
] as const;
