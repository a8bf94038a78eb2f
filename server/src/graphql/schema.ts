import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AdjustmentResolver } from '../adjustment/adjustment.resolver';
import { ApiKeyResolver } from '../api-key/api-key.resolver';
import { authChecker } from '../auth/auth-checker';
import { AuditResolver } from '../audit/audit.resolver';
import { DashboardResolver } from '../dashboard/dashboard.resolver';
import { DashboardDepartmentsResolver } from '../department/department-completeness';
import { DeadlineResolver } from '../deadline/deadline.resolver';
import { DepartmentResolver } from '../department/department.resolver';
import { AdjustmentEvidenceResolver, EvidenceResolver, InputEvidenceResolver } from '../evidence/evidence.resolver';
import { AuthResolver } from '../auth/auth.resolver';
import { InputResolver } from '../input/input.resolver';
import { ProgressResolver } from '../progress/progress.resolver';
import { NotificationResolver } from '../notification/notification.resolver';
import { ResultNodeResolver, SubjectReceiptResolver } from '../result/receipt.resolver';
import { ResultResolver } from '../result/result.resolver';
import { ScoreBandResolver } from '../result/score-bands';
import { SchemeResolver } from '../scheme/scheme.resolver';
import { SimulationResolver } from '../simulation/simulation.resolver';
import { SubjectResolver } from '../subject/subject.resolver';
import { TenantSettingsResolver } from '../tenant/tenant-settings';
import { TenantResolver } from '../tenant/tenant.resolver';
import { UserResolver } from '../user/user.resolver';
import { WebhookResolver } from '../webhook/webhook.resolver';

export const resolvers = [
  AuthResolver,
  TenantResolver,
  UserResolver,
  ApiKeyResolver,
  SchemeResolver,
  SubjectResolver,
  InputResolver,
  AdjustmentResolver,
  ResultResolver,
  SubjectReceiptResolver,
  ResultNodeResolver,
  ScoreBandResolver,
  AuditResolver,
  DashboardResolver,
  TenantSettingsResolver,
  SimulationResolver,
  WebhookResolver,
  DepartmentResolver,
  DashboardDepartmentsResolver,
  AdjustmentEvidenceResolver,
  InputEvidenceResolver,
  EvidenceResolver,
  ProgressResolver,
  DeadlineResolver,
  NotificationResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The schema; class-validator runs on every input (nested inputs need @ValidateNested). */
export function buildKaopingSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  }).then((schema) => {
    // type-graphql names the root types only; describe them for the published schema
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query)
      query.description = 'Reads. Staff sign in with a token; third-party applications use an API key with scopes.';
    if (mutation) mutation.description = "Changes, for the tenant's staff (each one in one transaction, audited).";
    return schema;
  });
  return built;
}
