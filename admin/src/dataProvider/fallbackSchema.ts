// The known contract of the console's resources, used only when the server refuses schema
// introspection (e.g. Apollo's production default). Live introspection is preferred: it follows
// the server as it grows. Keep this in step with the server's schema for these types.
export const FALLBACK_SDL = /* GraphQL */ `
  enum Role { PLATFORM_ADMIN ADMIN ASSESSOR MONITOR UNIT LEADER VIEWER }
  type TenantRef { code: String! }
  type Tenant { id: ID! code: String! name: String! createdAt: String }
  type User { id: ID! email: String! name: String! role: Role! unit: String departmentId: ID disabled: Boolean tenant: TenantRef }
  type Department { id: ID! code: String! name: String! version: Int! createdAt: String }
  input DepartmentFilter { q: String ids: [ID] }
  input CreateDepartmentInput { code: String! name: String! }
  type ApiKey { id: ID! name: String! lookupId: String scopes: [String!]! createdAt: String expiresAt: String revokedAt: String lastUsedAt: String }
  type ApiKeyCreated { key: String! apiKey: ApiKey! }
  enum SchemeStatus { DRAFT PUBLISHED CLOSED }
  type Scheme { id: ID! code: String! name: String! year: Int! status: SchemeStatus! version: Int! createdAt: String publishedAt: String closedAt: String }
  enum SubjectKind { UNIT MEMBER }
  type Subject { id: ID! schemeId: ID! code: String! name: String! group: String! kind: SubjectKind! unit: String position: Int! version: Int! }
  input SubjectFilter { schemeId: ID group: String q: String ids: [ID] }
  type ListMetadata { count: Int! }
  input TenantFilter { q: String ids: [ID] }
  input UserFilter { q: String ids: [ID] role: Role }
  input ApiKeyFilter { q: String ids: [ID] }
  enum ResultStatus { DRAFT REVIEWED APPROVED PUBLISHED REJECTED SUPERSEDED }
  type RunActor { id: ID! name: String! }
  type GradeCount { grade: String! count: Int! }
  type ResultGroup { group: String! count: Int! gradeCounts: [GradeCount!]! }
  type ResultRun { id: ID! schemeId: ID! status: ResultStatus! createdAt: String! schemeVersion: Int! groups: [ResultGroup!]! reviewedAt: String approvedAt: String publishedAt: String rejectedAt: String rejectReason: String supersededAt: String supersededBy: ID createdBy: RunActor reviewedBy: RunActor approvedBy: RunActor publishedBy: RunActor rejectedBy: RunActor missingInputs: Int! newest: Boolean! }
  input ResultRunFilter { ids: [ID] schemeId: ID status: ResultStatus }
  enum AdjustmentStatus { CLAIMED VERIFIED REJECTED }
  enum RuleKind { BONUS DEDUCTION VETO }
  type Adjustment { id: ID! schemeId: ID! subject: String! subjectName: String! group: String! rule: String! ruleName: String kind: RuleKind count: Int! points: Float note: String status: AdjustmentStatus! reason: String claimedBy: ID claimedByName: String decidedBy: ID decidedByName: String decidedAt: String createdAt: String! version: Int! }
  input AdjustmentFilter { ids: [ID] schemeId: ID status: AdjustmentStatus subject: String group: String kind: RuleKind }
  input SchemeFilter { q: String ids: [ID] year: Int status: SchemeStatus }
  input CreateTenantInput { code: String! name: String! adminEmail: String! adminPassword: String! }
  input CreateUserInput { email: String! password: String! name: String! role: Role! unit: String departmentId: ID }
  type Query {
    allTenants(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: TenantFilter): [Tenant!]!
    _allTenantsMeta(page: Int, perPage: Int, filter: TenantFilter): ListMetadata
    Tenant(id: ID!): Tenant
    allUsers(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: UserFilter): [User!]!
    _allUsersMeta(page: Int, perPage: Int, filter: UserFilter): ListMetadata
    User(id: ID!): User
    allApiKeys(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: ApiKeyFilter): [ApiKey!]!
    _allApiKeysMeta(page: Int, perPage: Int, filter: ApiKeyFilter): ListMetadata
    ApiKey(id: ID!): ApiKey
    allSchemes(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: SchemeFilter): [Scheme!]!
    _allSchemesMeta(page: Int, perPage: Int, filter: SchemeFilter): ListMetadata
    Scheme(id: ID!): Scheme
    allResultRuns(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: ResultRunFilter): [ResultRun!]!
    _allResultRunsMeta(page: Int, perPage: Int, filter: ResultRunFilter): ListMetadata
    ResultRun(id: ID!): ResultRun
    allAdjustments(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: AdjustmentFilter): [Adjustment!]!
    _allAdjustmentsMeta(page: Int, perPage: Int, filter: AdjustmentFilter): ListMetadata
    Adjustment(id: ID!): Adjustment
    allSubjects(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: SubjectFilter): [Subject!]!
    _allSubjectsMeta(page: Int, perPage: Int, filter: SubjectFilter): ListMetadata
    Subject(id: ID!): Subject
    allDepartments(page: Int, perPage: Int, sortField: String, sortOrder: String, filter: DepartmentFilter): [Department!]!
    _allDepartmentsMeta(page: Int, perPage: Int, filter: DepartmentFilter): ListMetadata
    Department(id: ID!): Department
  }
  type Mutation {
    createTenant(input: CreateTenantInput!): Tenant!
    updateTenant(id: ID!, name: String): Tenant!
    createUser(input: CreateUserInput!): User!
    updateUser(id: ID!, name: String, role: Role, unit: String, departmentId: ID, disabled: Boolean): User!
    createDepartment(input: CreateDepartmentInput!): Department!
    updateDepartment(id: ID!, code: String, name: String, version: Int): Department!
    deleteDepartment(id: ID!, version: Int): Department!
    createApiKey(name: String!, scopes: [String!]!): ApiKeyCreated!
    revokeApiKey(id: ID!): ApiKey!
    createSubject(schemeId: ID!, code: String!, name: String!, group: String!, unit: String): Subject!
    updateSubject(id: ID!, version: Int!, name: String, group: String, unit: String): Subject!
    deleteSubject(id: ID!, version: Int): Subject!
  }
`;
