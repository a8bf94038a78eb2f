export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A claimed bonus, deduction or veto for a subject, verified or rejected by the assessment team. */
export type Adjustment = {
  __typename?: 'Adjustment';
  /** Who claimed it (null: imported by the system). */
  claimedBy: Maybe<Scalars['ID']['output']>;
  /** Name of the user who claimed it (null: imported by the system). */
  claimedByName: Maybe<Scalars['String']['output']>;
  /** How many times the rule applies. */
  count: Scalars['Int']['output'];
  /** When it was claimed. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When it was decided. */
  decidedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who verified or rejected it. */
  decidedBy: Maybe<Scalars['ID']['output']>;
  /** Their name. */
  decidedByName: Maybe<Scalars['String']['output']>;
  /** The claim's evidence files, upload order (POST /files/adjustments/{id}/evidence adds one). */
  evidence: Array<Evidence>;
  /** The subject's group code. */
  group: Scalars['String']['output'];
  /** The adjustment id. */
  id: Scalars['ID']['output'];
  /** The rule's kind in the scheme definition. */
  kind: Maybe<RuleKind>;
  /** The claimant's note. */
  note: Maybe<Scalars['String']['output']>;
  /** Points claimed (rules with free points). */
  points: Maybe<Scalars['Float']['output']>;
  /** Why it was rejected. */
  reason: Maybe<Scalars['String']['output']>;
  /** The rule code. */
  rule: Scalars['String']['output'];
  /** The rule's name in the scheme definition. */
  ruleName: Maybe<Scalars['String']['output']>;
  /** Its scheme. */
  schemeId: Scalars['ID']['output'];
  /** CLAIMED, VERIFIED or REJECTED. */
  status: AdjustmentStatus;
  /** Subject code. */
  subject: Scalars['String']['output'];
  /** Subject name. */
  subjectName: Scalars['String']['output'];
  /** Bumped by every change (optimistic locking). */
  version: Scalars['Int']['output'];
};

/** Which adjustments to list. */
export type AdjustmentFilter = {
  /** The subject's group code. */
  group?: InputMaybe<Scalars['String']['input']>;
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The rule's kind in the scheme definition. */
  kind?: InputMaybe<RuleKind>;
  /** Only this scheme's. */
  schemeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only in this state. */
  status?: InputMaybe<AdjustmentStatus>;
  /** Only this subject's (its code). */
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** Only VERIFIED adjustments are scored. */
export type AdjustmentStatus =
  /** Claimed, waiting for the assessment team. */
  | 'CLAIMED'
  /** Rejected: not scored. */
  | 'REJECTED'
  /** Verified: scored. */
  | 'VERIFIED';

/** A key a third-party application reads the tenant's published data with. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When it stops working (null: never). */
  expiresAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The key id. */
  id: Scalars['ID']['output'];
  /** When it was last used. */
  lastUsedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The public part of the key (kp_<lookupId>_…). */
  lookupId: Scalars['String']['output'];
  /** A name for the people managing it. */
  name: Scalars['String']['output'];
  /** When it was revoked (null: active). */
  revokedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** What the key may read: results:read, schemes:read. */
  scopes: Array<Scalars['String']['output']>;
};

/** A new API key: the full key is in this answer only. */
export type ApiKeyCreated = {
  __typename?: 'ApiKeyCreated';
  /** The key's record. */
  apiKey: ApiKey;
  /** The full key. Shown once; only a hash of its secret is stored. */
  key: Scalars['String']['output'];
};

/** Which API keys to list. */
export type ApiKeyFilter = {
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the name. */
  q?: InputMaybe<Scalars['String']['input']>;
  /** true: revoked keys only; false: active ones only. */
  revoked?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One recorded change: who did what to which record, with the record before and after. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** What was done (CREATE, UPDATE, PUBLISH, …). */
  action: Scalars['String']['output'];
  /** Who (a user, platform administrator or API key id). */
  actorId: Maybe<Scalars['ID']['output']>;
  /** user, platform, apiKey or system */
  actorKind: Scalars['String']['output'];
  /** The record after (null on delete). */
  after: Maybe<Scalars['JSON']['output']>;
  /** When. */
  at: Scalars['DateTimeISO']['output'];
  /** The record before (null on create). */
  before: Maybe<Scalars['JSON']['output']>;
  /** The kind of record (scheme, result_run, webhook, …). */
  entity: Scalars['String']['output'];
  /** The record id. */
  entityId: Scalars['ID']['output'];
  /** The entry id. */
  id: Scalars['ID']['output'];
};

/** A signed-in session: the token and who it belongs to. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** A JWT to send as `Authorization: Bearer <token>`; it expires (sign in again). */
  token: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** One row of setBallotsBatch: a subject's ballot counts for one SURVEY indicator. */
export type BallotRowInput = {
  /** Ballot counts `{ voterGroup: { option: count } }`. */
  ballots: Scalars['JSON']['input'];
  /** SURVEY indicator code. */
  indicator: Scalars['String']['input'];
  /** Subject code. */
  subject: Scalars['String']['input'];
};

/** One reason on a receipt or one step of an explanation: a stable code, its params, and the text in the asked language. */
export type CodedText = {
  __typename?: 'CodedText';
  /** The code (stable; for programs). */
  code: Scalars['String']['output'];
  /** The code's parameters. */
  params: Scalars['JSON']['output'];
  /** The words, in the asked language. */
  text: Scalars['String']['output'];
};

/** A new department of the tenant. */
export type CreateDepartmentInput = {
  /** The code (unique in the tenant; letters, digits, _ and -), as scheme indicators name it in `owners`. */
  code: Scalars['String']['input'];
  /** The name (e.g. 税务局). */
  name: Scalars['String']['input'];
};

/** A new tenant and its first ADMIN. */
export type CreateTenantInput = {
  /** The first ADMIN's email. */
  adminEmail: Scalars['String']['input'];
  /** The first ADMIN's password. */
  adminPassword: Scalars['String']['input'];
  /** The tenant code (used to sign in; unique). */
  code: Scalars['String']['input'];
  /** The tenant name. */
  name: Scalars['String']['input'];
};

/** A new user of the tenant. */
export type CreateUserInput = {
  /** For MONITOR users: their department (they write only the indicators it owns). */
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  /** The sign-in email. */
  email: Scalars['String']['input'];
  /** The user name. */
  name: Scalars['String']['input'];
  /** The first password. */
  password: Scalars['String']['input'];
  /** What the user may do. */
  role: Role;
  /** For UNIT users: their unit's subject code. */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** A new webhook. */
export type CreateWebhookInput = {
  /** A note for the people managing it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The events to send (at least one). */
  events: Array<WebhookEvent>;
  /** Where to POST (http or https; private addresses are refused unless the server allows them). */
  url: Scalars['String']['input'];
};

/** Where the year stands for the caller's tenant (a UNIT user: its own unit's figures). */
export type Dashboard = {
  __typename?: 'Dashboard';
  /** CLAIMED adjustments waiting for verification (a UNIT user: its own unit's). */
  claimedAdjustments: Scalars['Int']['output'];
  /** Data completeness per group of the scheme, in the scheme's group order; empty without a scheme. */
  completeness: Array<GroupCompleteness>;
  /** Per department of the tenant (by code): inputs entered vs expected for the indicators it owns in the scheme. */
  departments: Array<DepartmentCompleteness>;
  /** As many as `discrepancies(schemeId)` lists; null for roles that may not read them (UNIT). */
  discrepancies: Maybe<Scalars['Int']['output']>;
  /** The newest run the caller may see (UNIT: newest published). */
  latestRun: Maybe<ResultRun>;
  /** Discrepancies not yet settled by a REVIEW value entered after both SELF and MONITOR (`review` null in `discrepancies`); null for roles that may not read them (UNIT). */
  openDiscrepancies: Maybe<Scalars['Int']['output']>;
  /** The scheme the figures are about: the one asked for, else the current one (newest published, else newest draft, else newest closed). */
  scheme: Maybe<Scheme>;
  /** The tenant's schemes, newest year first, to choose from. */
  schemes: Array<Scheme>;
};

/** When entry of one period and source of a scheme closes for units (SELF) and departments (MONITOR). */
export type Deadline = {
  __typename?: 'Deadline';
  /** True once the due time has passed. */
  closed: Scalars['Boolean']['output'];
  /** The due time. */
  dueAt: Scalars['DateTimeISO']['output'];
  /** The due time in the tenant's time zone (YYYY-MM-DDTHH:mm). */
  dueLocal: Scalars['String']['output'];
  /** Reopenings still or once granted. */
  extensions: Array<DeadlineExtension>;
  /** The deadline. */
  id: Scalars['ID']['output'];
  /** The period whose entry it closes. */
  period: Period;
  /** Its scheme. */
  schemeId: Scalars['ID']['output'];
  /** SELF (units) or MONITOR (departments). */
  source: InputSource;
  /** The tenant's time zone, in which dueLocal is given. */
  timeZone: Scalars['String']['output'];
};

/** A deadline reopened for one unit or department until a new time. */
export type DeadlineExtension = {
  __typename?: 'DeadlineExtension';
  /** The unit subject's or the department's code. */
  code: Scalars['String']['output'];
  /** Unit or department. */
  targetKind: DeadlineTarget;
  /** Open for this target until then. */
  until: Scalars['DateTimeISO']['output'];
  /** The same time in the tenant's time zone (YYYY-MM-DDTHH:mm). */
  untilLocal: Scalars['String']['output'];
};

/** A deadline to set (replacing the same scheme, period and source). */
export type DeadlineInput = {
  /** Due time in the tenant's time zone: YYYY-MM-DDTHH:mm, or YYYY-MM-DD for the end of that day. */
  dueLocal: Scalars['String']['input'];
  /** The period. */
  period: Period;
  /** The scheme. */
  schemeId: Scalars['ID']['input'];
  /** SELF or MONITOR (REVIEW entry has no deadline). */
  source: InputSource;
};

/** Whom a deadline is reopened for. */
export type DeadlineTarget =
  /** One functional department (its MONITOR entry). */
  | 'DEPARTMENT'
  /** One assessed unit (its own SELF entry and the values about it). */
  | 'UNIT';

/** A functional department of the tenant: it reports the indicators a scheme names it owner of. */
export type Department = {
  __typename?: 'Department';
  /** The department code (unique in the tenant), as scheme indicators name it in `owners`. */
  code: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The department id. */
  id: Scalars['ID']['output'];
  /** The department name (e.g. 税务局). */
  name: Scalars['String']['output'];
  /** Bumped by every change (optimistic locking). */
  version: Scalars['Int']['output'];
};

/** Data completeness of one department: the subjects × the indicators it owns in the scheme. */
export type DepartmentCompleteness = {
  __typename?: 'DepartmentCompleteness';
  /** The department code. */
  code: Scalars['String']['output'];
  /** Expected cells with an ANNUAL value from any source. */
  effective: Scalars['Int']['output'];
  /** Expected cells with an ANNUAL MONITOR value (what the department entered). */
  entered: Scalars['Int']['output'];
  /** Cells (subject × owned indicator) expected (a UNIT user: its own unit and members only). */
  expected: Scalars['Int']['output'];
  /** The (group, indicator) pairs of the scheme that name it as an owner. */
  indicators: Scalars['Int']['output'];
  /** The department name. */
  name: Scalars['String']['output'];
};

/** Which departments to list. */
export type DepartmentFilter = {
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the code or name. */
  q?: InputMaybe<Scalars['String']['input']>;
};

/** How much of its expected MONITOR input a department has entered for one period: the subjects × the indicators it owns. */
export type DepartmentSubmission = {
  __typename?: 'DepartmentSubmission';
  /** The department's code (an owner named by the scheme). */
  code: Scalars['String']['output'];
  /** Inputs entered. */
  entered: Scalars['Int']['output'];
  /** Inputs expected. */
  expected: Scalars['Int']['output'];
  /** Its name (the code when no such department is recorded). */
  name: Scalars['String']['output'];
  /** When the deadline was reopened for this department: until when. */
  reopenedUntil: Maybe<Scalars['DateTimeISO']['output']>;
};

/** A subject's indicator whose SELF and MONITOR ANNUAL values differ by more than the scheme's review threshold; a REVIEW value settles it. */
export type Discrepancy = {
  __typename?: 'Discrepancy';
  /** Indicator code. */
  indicator: Scalars['String']['output'];
  /** The MONITOR input's value (ANNUAL). */
  monitor: Scalars['JSON']['output'];
  /** |SELF − MONITOR| / |MONITOR| of the first differing field (null when MONITOR is 0). */
  ratio: Maybe<Scalars['Float']['output']>;
  /** The REVIEW input's value (ANNUAL) when entered after both SELF and MONITOR (it settles the difference); null while unsettled. */
  review: Maybe<Scalars['JSON']['output']>;
  /** The SELF input's value (ANNUAL). */
  self: Scalars['JSON']['output'];
  /** Subject code. */
  subject: Scalars['String']['output'];
};

/** A file (PDF, image or Office document) attached to an adjustment or an input as its evidence. Download it from `url` with the same token. */
export type Evidence = {
  __typename?: 'Evidence';
  /** The content type, judged from the file's content (e.g. application/pdf, image/png). */
  contentType: Scalars['String']['output'];
  /** The file name as uploaded (Chinese names kept). */
  fileName: Scalars['String']['output'];
  /** The evidence file id. */
  id: Scalars['ID']['output'];
  /** SHA-256 of the content, hex. */
  sha256: Scalars['String']['output'];
  /** Size in bytes (at most 10 MB). */
  size: Scalars['Int']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTimeISO']['output'];
  /** Who uploaded it (a user, or a platform administrator acting in the tenant). */
  uploadedBy: Maybe<Scalars['ID']['output']>;
  /** The uploader's name (null for a platform administrator). */
  uploadedByName: Maybe<Scalars['String']['output']>;
  /** Where to download it: GET with the same bearer token (relative to the server). */
  url: Scalars['String']['output'];
};

/** How many subjects of a group got a grade. */
export type GradeCount = {
  __typename?: 'GradeCount';
  /** Subjects with it. */
  count: Scalars['Int']['output'];
  /** The grade. */
  grade: Scalars['String']['output'];
};

/** Data completeness of one group: its subjects × the indicators that need an input. */
export type GroupCompleteness = {
  __typename?: 'GroupCompleteness';
  /** Expected cells with an effective value from any source (notApplicable included). */
  effective: Scalars['Int']['output'];
  /** subjects × indicators. */
  expected: Scalars['Int']['output'];
  /** The group's code. */
  group: Scalars['String']['output'];
  /** Indicators of the group's tree that take an input (LINKED ones take none). */
  indicators: Scalars['Int']['output'];
  /** Whether the group holds units or members. */
  kind: SubjectKind;
  /** The group's name. */
  name: Scalars['String']['output'];
  /** Effective values marked notApplicable. */
  notApplicable: Scalars['Int']['output'];
  /** SELF, MONITOR, REVIEW in that order. */
  sources: Array<SourceCompleteness>;
  /** Subjects of the group (a UNIT user: its own unit and members only). */
  subjects: Scalars['Int']['output'];
};

/** What an importDataset wrote (all or nothing). */
export type ImportReport = {
  __typename?: 'ImportReport';
  /** Adjustments recorded. */
  adjustments: Scalars['Int']['output'];
  /** Input values written. */
  inputs: Scalars['Int']['output'];
  /** Subjects in the dataset (created or updated by code). */
  subjects: Scalars['Int']['output'];
};

/** One value entered for a subject and an indicator, by source (SELF, MONITOR, REVIEW) and period. The engine scores the effective ANNUAL value: REVIEW over MONITOR over SELF. */
export type Input = {
  __typename?: 'Input';
  /** Who last wrote it (a user id); null when no user did (written by the system). */
  enteredBy: Maybe<Scalars['ID']['output']>;
  /** The input's evidence files, upload order (POST /files/inputs/{id}/evidence adds one). */
  evidence: Array<Evidence>;
  /** The input id. */
  id: Scalars['ID']['output'];
  /** Indicator code. */
  indicator: Scalars['String']['output'];
  /** The period it covers; only ANNUAL values are scored. */
  period: Period;
  /** The scheme it belongs to. */
  schemeId: Scalars['ID']['output'];
  /** Who entered it: the unit itself (SELF), the monitoring department (MONITOR) or the assessment team (REVIEW). */
  source: InputSource;
  /** Subject code. */
  subject: Scalars['String']['output'];
  /** When it was last written. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** The dataset input fields: actual, target, previous, score, grade, ballots, notApplicable. */
  value: Scalars['JSON']['output'];
  /** Starts at 1 and grows with each change; send it back (setInputs rows' version) to refuse overwriting a newer value (CONFLICT). */
  version: Scalars['Int']['output'];
};

/** Which inputs to list. */
export type InputFilter = {
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only this indicator's (its code). */
  indicator?: InputMaybe<Scalars['String']['input']>;
  /** Only for this period. */
  period?: InputMaybe<Period>;
  /** Only this scheme's. */
  schemeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only from this source. */
  source?: InputMaybe<InputSource>;
  /** Only this subject's (its code). */
  subject?: InputMaybe<Scalars['String']['input']>;
};

/** One row of setInputs: a subject's value for one indicator. */
export type InputRowInput = {
  /** Indicator code. */
  indicator: Scalars['String']['input'];
  /** Subject code. */
  subject: Scalars['String']['input'];
  /** The dataset input fields: actual, target, previous, score, grade, ballots, notApplicable. */
  value: Scalars['JSON']['input'];
  /** The version the client saw (0: it saw no value); another one stored meanwhile → CONFLICT. Omitted: no check. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Who reported a value; the effective one is REVIEW over MONITOR over SELF. */
export type InputSource =
  /** The monitoring department. */
  | 'MONITOR'
  /** The assessment team (final). */
  | 'REVIEW'
  /** The unit itself. */
  | 'SELF';

/** zh (default) or en */
export type Language =
  /** English. */
  | 'en'
  /** Chinese. */
  | 'zh';

/** The size of a list, for paging. */
export type ListMetadata = {
  __typename?: 'ListMetadata';
  /** How many items match the filter. */
  count: Scalars['Int']['output'];
};

/** An indicator a subject had no input for (a MISSING_INPUT warning of the run). */
export type MissingInput = {
  __typename?: 'MissingInput';
  /** Its group code. */
  group: Scalars['String']['output'];
  /** The indicator code. */
  indicator: Scalars['String']['output'];
  /** The indicator name. */
  indicatorName: Scalars['String']['output'];
  /** The subject. */
  subject: ResultSubjectRef;
};

/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type Mutation = {
  __typename?: 'Mutation';
  /** REVIEWED → APPROVED; the scheme's newest run only (else CONFLICT). */
  approveResults: ResultRun;
  /** A CLAIMED adjustment; UNIT users for their own unit only. The scheme must be PUBLISHED. */
  claimAdjustment: Adjustment;
  /** Removes the deadline of a period and source (false when there was none); audited. */
  clearDeadline: Scalars['Boolean']['output'];
  /** A new DRAFT with the definition's code and year replaced. */
  cloneScheme: Scheme;
  /** Closes a PUBLISHED scheme's year once its results are published (sends SCHEME_CLOSED webhooks). */
  closeScheme: Scheme;
  /** Computes a PUBLISHED scheme (else CONFLICT) over its effective dataset → a DRAFT run; when nothing changed since the newest run, that run. */
  computeResults: ResultRun;
  /** Creates an API key with scopes you hold; the full key is in this answer only. */
  createApiKey: ApiKeyCreated;
  /** Creates a department; its code must be new in the tenant (else CONFLICT). */
  createDepartment: Department;
  /** The scheme must be PUBLISHED (else CONFLICT); the group must exist, a member's unit must be a UNIT subject. */
  createSubject: Subject;
  /** Creates a tenant with its first ADMIN (platform administrators). */
  createTenant: Tenant;
  /** Creates a user of the tenant. */
  createUser: User;
  /** Creates a webhook; its signing secret is shown only in this answer. */
  createWebhook: WebhookCreated;
  /** Deletes a department no user belongs to and no scheme names as an owner (else CONFLICT); answers the deleted one. */
  deleteDepartment: Department;
  /** Deletes an evidence file: its uploader or an ADMIN, while the scheme is PUBLISHED and the adjustment is not VERIFIED (else CONFLICT). Audited. */
  deleteEvidence: Scalars['Boolean']['output'];
  /** Only a subject without inputs, adjustments or members (else CONFLICT). */
  deleteSubject: Subject;
  /** Deletes a webhook and its deliveries; answers the deleted webhook. */
  deleteWebhook: Webhook;
  /** A dataset (subjects, inputs, adjustments) into a PUBLISHED scheme (else CONFLICT), all or nothing; invalid → BAD_USER_INPUT with extensions.problems. ASSESSOR imports REVIEW, MONITOR imports MONITOR, ADMIN any source. Same idempotencyKey → the first report; with another payload → CONFLICT. */
  importDataset: ImportReport;
  /** Creates a DRAFT from a scheme definition (groups, indicator tree, grades, rules); invalid → BAD_USER_INPUT with extensions.problems. */
  importScheme: Scheme;
  /** Signs in with email and password (and the tenant code for tenant users); answers a token for the Authorization header. */
  login: AuthPayload;
  /** Marks the caller's notifications read (the given ones, or all); answers how many changed. */
  markNotificationsRead: Scalars['Int']['output'];
  /** APPROVED → PUBLISHED (else CONFLICT); the scheme's previously published run becomes SUPERSEDED. A run with missing inputs needs acknowledgeMissing: true (else CONFLICT). */
  publishResults: ResultRun;
  /** Publishes a DRAFT scheme: it is frozen and data entry opens (sends SCHEME_PUBLISHED webhooks). */
  publishScheme: Scheme;
  /** Sends a DELIVERED or FAILED delivery again, with the same id and body. */
  redeliverWebhook: WebhookDelivery;
  /** CLAIMED → REJECTED with a reason; stale version or already decided → CONFLICT. */
  rejectAdjustment: Adjustment;
  /** Sends a DRAFT, REVIEWED or APPROVED run back (REJECTED, final) with a reason; by whoever may take its next step, or an ADMIN. */
  rejectResults: ResultRun;
  /** Reopens a deadline for one unit or department until a later time; audited. */
  reopenDeadline: Deadline;
  /** DRAFT → REVIEWED; the scheme's newest run only (else CONFLICT). */
  reviewResults: ResultRun;
  /** Revokes an API key at once (it answers UNAUTHENTICATED from then on). */
  revokeApiKey: ApiKey;
  /** Ballot counts `{ voterGroup: { option: count } }` of a SURVEY indicator: the REVIEW/ANNUAL input's ballots. */
  setBallots: Input;
  /** setBallots for many subjects/indicators at once (the ballot page), all or nothing, at most 2000 rows; each row's other input fields are kept. Bad rows → BAD_USER_INPUT with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }]; a value written meanwhile → CONFLICT. */
  setBallotsBatch: Array<Input>;
  /** Sets (or moves) the deadline of a period and source; audited. */
  setDeadline: Deadline;
  /** UNIT: SELF for its own unit; MONITOR: MONITOR; ASSESSOR: REVIEW; ADMIN: any. The scheme must be PUBLISHED. */
  setInput: Input;
  /** Many values of one source and period (a grid save or a paste), all or nothing, each row checked like setInput; at most 2000 rows. Bad rows → BAD_USER_INPUT (a UNIT acting for another unit: FORBIDDEN) with extensions.problems [{ path: /rows/<i>/…, row, subject, indicator, code, params, message }]. */
  setInputs: Array<Input>;
  /** Changes a department; its code stays while a scheme names it as an owner (else CONFLICT). */
  updateDepartment: Department;
  /** Replaces a DRAFT's definition; `version` must be the current one (else CONFLICT). */
  updateSchemeDefinition: Scheme;
  /** `version` must be the current one (else CONFLICT). */
  updateSubject: Subject;
  /** Changes a tenant (platform administrators). */
  updateTenant: Tenant;
  /** Changes the tenant's settings (e.g. separation of duties). */
  updateTenantSettings: TenantSettings;
  /** Changes a user. */
  updateUser: User;
  /** Changes a webhook (its secret stays). */
  updateWebhook: Webhook;
  /** CLAIMED → VERIFIED; stale version or already decided → CONFLICT. */
  verifyAdjustment: Adjustment;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationapproveResultsArgs = {
  runId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationclaimAdjustmentArgs = {
  count?: InputMaybe<Scalars['Int']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  points?: InputMaybe<Scalars['Float']['input']>;
  rule: Scalars['String']['input'];
  schemeId: Scalars['ID']['input'];
  subject: Scalars['String']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationclearDeadlineArgs = {
  period: Period;
  schemeId: Scalars['ID']['input'];
  source: InputSource;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcloneSchemeArgs = {
  code: Scalars['String']['input'];
  copyTargets?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcloseSchemeArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcomputeResultsArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateApiKeyArgs = {
  expiresAt?: InputMaybe<Scalars['DateTimeISO']['input']>;
  name: Scalars['String']['input'];
  scopes: Array<Scalars['String']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateDepartmentArgs = {
  input: CreateDepartmentInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateSubjectArgs = {
  code: Scalars['String']['input'];
  group: Scalars['String']['input'];
  name: Scalars['String']['input'];
  schemeId: Scalars['ID']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateTenantArgs = {
  input: CreateTenantInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateUserArgs = {
  input: CreateUserInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationcreateWebhookArgs = {
  input: CreateWebhookInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationdeleteDepartmentArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationdeleteEvidenceArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationdeleteSubjectArgs = {
  id: Scalars['ID']['input'];
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationdeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationimportDatasetArgs = {
  dataset: Scalars['JSON']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  schemeId: Scalars['ID']['input'];
  source?: InputSource;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationimportSchemeArgs = {
  definition: Scalars['JSON']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationloginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  tenant?: InputMaybe<Scalars['String']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationmarkNotificationsReadArgs = {
  all?: Scalars['Boolean']['input'];
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationpublishResultsArgs = {
  acknowledgeMissing?: Scalars['Boolean']['input'];
  runId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationpublishSchemeArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationredeliverWebhookArgs = {
  deliveryId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationrejectAdjustmentArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationrejectResultsArgs = {
  reason: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationreopenDeadlineArgs = {
  input: ReopenDeadlineInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationreviewResultsArgs = {
  runId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationrevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationsetBallotsArgs = {
  ballots: Scalars['JSON']['input'];
  indicator: Scalars['String']['input'];
  schemeId: Scalars['ID']['input'];
  subject: Scalars['String']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationsetBallotsBatchArgs = {
  rows: Array<BallotRowInput>;
  schemeId: Scalars['ID']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationsetDeadlineArgs = {
  input: DeadlineInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationsetInputArgs = {
  indicator: Scalars['String']['input'];
  period?: Period;
  schemeId: Scalars['ID']['input'];
  source: InputSource;
  subject: Scalars['String']['input'];
  value: Scalars['JSON']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationsetInputsArgs = {
  period?: Period;
  rows: Array<InputRowInput>;
  schemeId: Scalars['ID']['input'];
  source: InputSource;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateDepartmentArgs = {
  code?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateSchemeDefinitionArgs = {
  definition: Scalars['JSON']['input'];
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateSubjectArgs = {
  group?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['Int']['input'];
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateTenantArgs = {
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateTenantSettingsArgs = {
  input: TenantSettingsInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateUserArgs = {
  departmentId?: InputMaybe<Scalars['ID']['input']>;
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationupdateWebhookArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWebhookInput;
};


/** Changes, for the tenant's staff (each one in one transaction, audited). */
export type MutationverifyAdjustmentArgs = {
  id: Scalars['ID']['input'];
  version: Scalars['Int']['input'];
};

/** Why a subject has no toNextGrade: it has the best grade; a veto caps it below the next grade; the next grade's quota decides, not a score. */
export type NextGradeBlock =
  /** It already has the best grade. */
  | 'BEST_GRADE'
  /** The next grade's quota decides, not a score. */
  | 'QUOTA'
  /** A veto caps it below the next grade. */
  | 'VETO';

/** Who has not entered a period's expected inputs of one source, before or after its deadline. */
export type NotSubmitted = {
  __typename?: 'NotSubmitted';
  /** The deadline of this period and source, if any. */
  deadline: Maybe<Deadline>;
  /** MONITOR only: owner departments with an expected input (0 when the scheme names no owners). */
  departments: Scalars['Int']['output'];
  /** The units with fewer inputs entered than expected, in subject order. */
  missing: Array<UnitSubmission>;
  /** MONITOR only: the owner departments with fewer inputs entered than expected, by code. */
  missingDepartments: Array<DepartmentSubmission>;
  /** Units with an expected input. */
  units: Scalars['Int']['output'];
};

/** One message in a person's inbox. */
export type Notification = {
  __typename?: 'Notification';
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The notification. */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: NotificationKind;
  /** The facts it carries (scheme, run, deadline, …), by kind. */
  params: Scalars['JSON']['output'];
  /** When it was marked read; null while unread. */
  readAt: Maybe<Scalars['DateTimeISO']['output']>;
};

/** What a notification is about. */
export type NotificationKind =
  /** A bonus or deduction claim awaits verification. */
  | 'CLAIM_AWAITS_VERIFICATION'
  /** A deadline is near and your unit or department has not entered all its inputs. */
  | 'DEADLINE_REMINDER'
  /** Results of a scheme were published. */
  | 'RESULTS_PUBLISHED'
  /** A reviewed result run awaits approval. */
  | 'RUN_AWAITS_APPROVAL'
  /** An approved result run awaits publication. */
  | 'RUN_AWAITS_PUBLISH'
  /** A computed result run awaits review. */
  | 'RUN_AWAITS_REVIEW';

/** Only ANNUAL inputs are scored; the others are monitoring history. */
export type Period =
  /** The whole year (scored). */
  | 'ANNUAL'
  /** First half-year. */
  | 'H1'
  /** Second half-year. */
  | 'H2'
  /** First quarter. */
  | 'Q1'
  /** Second quarter. */
  | 'Q2'
  /** Third quarter. */
  | 'Q3'
  /** Fourth quarter. */
  | 'Q4';

/** Something a caller may do; `me { permissions }` lists those granted. */
export type Permission =
  /** Claim adjustments (a UNIT user: for its own unit). */
  | 'ADJUSTMENT_CLAIM'
  /** Verify or reject claimed adjustments; what they import is verified at once. */
  | 'ADJUSTMENT_VERIFY'
  /** Give an API key the results:read scope. */
  | 'API_KEY_GRANT_RESULTS'
  /** Give an API key the schemes:read scope. */
  | 'API_KEY_GRANT_SCHEMES'
  /** Create, list and revoke API keys. */
  | 'API_KEY_MANAGE'
  /** Read the audit log. */
  | 'AUDIT_READ'
  /** Enter ballot counts. */
  | 'BALLOT_WRITE'
  /** Read the tenant the request acts in. */
  | 'CURRENT_TENANT_READ'
  /** Import whole datasets. */
  | 'DATASET_IMPORT'
  /** Read subjects, inputs, adjustments and the dashboard (a UNIT user: its own unit). */
  | 'DATA_READ'
  /** Enter values after a deadline (units and departments are closed by it). */
  | 'DEADLINE_BYPASS'
  /** Set, clear and reopen deadlines. */
  | 'DEADLINE_MANAGE'
  /** Create, change and delete departments. */
  | 'DEPARTMENT_MANAGE'
  /** Read SELF/MONITOR discrepancies. */
  | 'DISCREPANCY_READ'
  /** Attach evidence files to a claim or an input the caller may write. */
  | 'EVIDENCE_ATTACH'
  /** Delete evidence files uploaded by someone else. */
  | 'EVIDENCE_DELETE_ANY'
  /** Read and mark one's own notifications. */
  | 'INBOX_READ'
  /** Enter values of some source (which one: the INPUT_WRITE_* permissions). */
  | 'INPUT_WRITE'
  /** Enter MONITOR values. */
  | 'INPUT_WRITE_MONITOR'
  /** Enter REVIEW values. */
  | 'INPUT_WRITE_REVIEW'
  /** Enter SELF values (a UNIT user: for its own unit). */
  | 'INPUT_WRITE_SELF'
  /** Read who has not submitted a period. */
  | 'NOT_SUBMITTED_READ'
  /** Approve a REVIEWED run (or send it back). */
  | 'RESULT_APPROVE'
  /** Compute result runs. */
  | 'RESULT_COMPUTE'
  /** Publish an APPROVED run (or send it back). */
  | 'RESULT_PUBLISH'
  /** Read results (API keys and UNIT users: published runs only). */
  | 'RESULT_READ'
  /** Read runs that are not published yet. */
  | 'RESULT_READ_UNPUBLISHED'
  /** Review a DRAFT run (or send it back). */
  | 'RESULT_REVIEW'
  /** Create, edit and copy schemes; read their history. */
  | 'SCHEME_EDIT'
  /** Publish and close schemes. */
  | 'SCHEME_PUBLISH'
  /** Read schemes. */
  | 'SCHEME_READ'
  /** Change the tenant's settings. */
  | 'SETTINGS_EDIT'
  /** Read the tenant's settings. */
  | 'SETTINGS_READ'
  /** Run what-if simulations. */
  | 'SIMULATE'
  /** Create, change and delete subjects. */
  | 'SUBJECT_EDIT'
  /** Create and change tenants. */
  | 'TENANT_MANAGE'
  /** List tenants (a tenant user sees its own). */
  | 'TENANT_READ'
  /** Create, change and list the tenant's users. */
  | 'USER_MANAGE'
  /** Manage webhooks and their deliveries. */
  | 'WEBHOOK_MANAGE';

/** Progress through the year at a period (督查): every subject × measurable indicator, filtered. */
export type Progress = {
  __typename?: 'Progress';
  /** Share of the year elapsed at the period, in %. */
  expected: Scalars['Float']['output'];
  /** Subjects in import order, indicators in scheme order. */
  items: Array<ProgressItem>;
  /** The period whose cumulative values are shown. */
  period: Period;
  /** The scheme. */
  schemeId: Scalars['ID']['output'];
  /** The scheme's thresholds (defaults 10 and 25). */
  thresholds: ProgressThresholds;
};

/** A department responsible for an indicator (its `owners` in the scheme). */
export type ProgressDepartment = {
  __typename?: 'ProgressDepartment';
  /** Department code. */
  code: Scalars['String']['output'];
  /** Department name (the code when the tenant has no such department). */
  name: Scalars['String']['output'];
};

/** Whether more is better or the target is a ceiling. */
export type ProgressDirection =
  /** More is better: completion is value ÷ target. */
  | 'HIGHER'
  /** The target is a ceiling: completion is the share of it used. */
  | 'LOWER';

/** One subject's progress on one indicator: value to date against the annual target and the schedule. */
export type ProgressItem = {
  __typename?: 'ProgressItem';
  /** Value to date (cumulative); null when not reported or not applicable. */
  actual: Maybe<Scalars['Float']['output']>;
  /** Completion in % (2 places): value ÷ target; for LOWER, the share of the ceiling used. */
  completion: Maybe<Scalars['Float']['output']>;
  /** HIGHER or LOWER (the method's direction). */
  direction: ProgressDirection;
  /** Share of the year elapsed at the period, in % (Q1 25, Q2/H1 50, Q3 75, Q4/H2/ANNUAL 100). */
  expected: Scalars['Float']['output'];
  /** Percentage points behind schedule (negative: ahead). */
  gap: Maybe<Scalars['Float']['output']>;
  /** Group code. */
  group: Scalars['String']['output'];
  /** Indicator code. */
  indicator: Scalars['String']['output'];
  /** Indicator name. */
  indicatorName: Scalars['String']['output'];
  /** The warning level; null when it cannot be measured (see note). */
  level: Maybe<ProgressLevel>;
  /** The indicator's unit of measure (e.g. 万元, %). */
  measure: Maybe<Scalars['String']['output']>;
  /** Why there is no level; null when there is one. */
  note: Maybe<ProgressNote>;
  /** The indicator's owner departments (empty when the scheme names none). */
  owners: Array<ProgressDepartment>;
  /** Who reported the value to date (REVIEW over MONITOR over SELF). */
  source: Maybe<InputSource>;
  /** Subject code. */
  subject: Scalars['String']['output'];
  /** Subject name. */
  subjectName: Scalars['String']['output'];
  /** The annual target: the period input's target, else the ANNUAL input's. */
  target: Maybe<Scalars['Float']['output']>;
  /** The unit the subject belongs to: its own code for a unit, its unit's code for a member. */
  unit: Scalars['String']['output'];
  /** The name of that unit. */
  unitName: Scalars['String']['output'];
};

/** A warning level by the percentage points an item is behind schedule (thresholds per scheme, default 10 and 25). */
export type ProgressLevel =
  /** At least `behind` points behind schedule. */
  | 'BEHIND'
  /** At least `farBehind` points behind schedule. */
  | 'FAR_BEHIND'
  /** Less than `behind` points behind schedule (or ahead). */
  | 'ON_TRACK';

/** Why an item has no level. */
export type ProgressNote =
  /** Reported as not applicable. */
  | 'NOT_APPLICABLE'
  /** Neither the period's input nor the ANNUAL input gives a target. */
  | 'NO_TARGET'
  /** No value to date was reported for the period. */
  | 'NO_VALUE'
  /** A higher-is-better target of 0 or less: no completion share. */
  | 'TARGET_NOT_POSITIVE';

/** The thresholds of the scheme's progress warnings, in percentage points behind schedule. */
export type ProgressThresholds = {
  __typename?: 'ProgressThresholds';
  /** From this many points behind: BEHIND. */
  behind: Scalars['Float']['output'];
  /** From this many points behind: FAR_BEHIND. */
  farBehind: Scalars['Float']['output'];
};

/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query = {
  __typename?: 'Query';
  /** One adjustment by id. */
  Adjustment: Maybe<Adjustment>;
  /** One API key by id. */
  ApiKey: Maybe<ApiKey>;
  /** One department by id (the console's form; same as `department`). */
  Department: Maybe<Department>;
  /** One input by id. */
  Input: Maybe<Input>;
  /** Another tenant's or a missing id → NOT_FOUND. */
  ResultRun: Maybe<ResultRun>;
  /** One scheme by id. */
  Scheme: Maybe<Scheme>;
  /** One subject by id. */
  Subject: Maybe<Subject>;
  /** One tenant by id. */
  Tenant: Maybe<Tenant>;
  /** One user by id. */
  User: Maybe<User>;
  /** How many adjustments match the filter (for paging allAdjustments). */
  _allAdjustmentsMeta: ListMetadata;
  /** How many API keys match the filter (for paging allApiKeys). */
  _allApiKeysMeta: ListMetadata;
  /** How many departments match the filter (for paging allDepartments). */
  _allDepartmentsMeta: ListMetadata;
  /** How many inputs match the filter (for paging allInputs). */
  _allInputsMeta: ListMetadata;
  /** How many result runs match the filter (for paging allResultRuns). */
  _allResultRunsMeta: ListMetadata;
  /** How many schemes match the filter (for paging allSchemes). */
  _allSchemesMeta: ListMetadata;
  /** How many subjects match the filter (for paging allSubjects). */
  _allSubjectsMeta: ListMetadata;
  /** How many tenants match the filter (for paging allTenants). */
  _allTenantsMeta: ListMetadata;
  /** How many users match the filter (for paging allUsers). */
  _allUsersMeta: ListMetadata;
  /** How many audit entries match the filter (for paging auditLog). */
  _auditLogMeta: ListMetadata;
  /** Entry order. A UNIT user sees its own unit's only. */
  adjustments: Array<Adjustment>;
  /** Adjustments, paged and filtered. */
  allAdjustments: Array<Adjustment>;
  /** API keys, paged and filtered. */
  allApiKeys: Array<ApiKey>;
  /** Departments, paged and filtered (the console's list). */
  allDepartments: Array<Department>;
  /** Inputs, paged and filtered. */
  allInputs: Array<Input>;
  /** Result runs of every scheme, paged (API keys and UNIT users: PUBLISHED ones). */
  allResultRuns: Array<ResultRun>;
  /** Schemes, paged and filtered. */
  allSchemes: Array<Scheme>;
  /** Subjects, paged and filtered. */
  allSubjects: Array<Subject>;
  /** Tenants, paged and filtered. */
  allTenants: Array<Tenant>;
  /** Users, paged and filtered. */
  allUsers: Array<User>;
  /** The tenant's audit records, newest first; every given filter must match (from/to inclusive). */
  auditLog: Array<AuditEntry>;
  /** Subjects whose final, rank or grade changed from runA to runB. */
  compareRuns: Array<RunDiff>;
  /** The caller's tenant. */
  currentTenant: Tenant;
  /** Where the year stands: the scheme (given, else the current one), completeness per group, open discrepancies, claimed adjustments, the newest run. */
  dashboard: Dashboard;
  /** Per group: subjects × input indicators expected vs entered, per source and effective (REVIEW over MONITOR over SELF). */
  dataCompleteness: Array<GroupCompleteness>;
  /** A scheme's deadlines, earliest first, with their reopenings. */
  deadlines: Array<Deadline>;
  /** One department by id (NOT_FOUND when there is none). */
  department: Department;
  /** The tenant's departments, by code. */
  departments: Array<Department>;
  /** ANNUAL SELF vs MONITOR values differing by more than the scheme's reviewThreshold (any difference when MONITOR is 0). */
  discrepancies: Array<Discrepancy>;
  /** The definition as imported (or as last edited). */
  exportScheme: Scalars['JSON']['output'];
  /** A UNIT user sees its own unit's inputs only. */
  inputs: Array<Input>;
  /** The signed-in user. */
  me: Maybe<User>;
  /** The units that have not entered all expected inputs of a period and source, with its deadline. */
  notSubmitted: NotSubmitted;
  /** The caller's notifications, newest first. */
  notifications: Array<Notification>;
  /** Progress through the year (督查): per subject and indicator, the period's cumulative value (REVIEW over MONITOR over SELF) against the annual target and the share of the year elapsed, with a warning level. Only ANNUAL inputs are scored; this changes no score. Unknown or another tenant's scheme: NOT_FOUND. */
  progress: Progress;
  /** One group's results ordered by rank (then import order); run chosen as in `results`; paged as `results`. */
  rankings: Array<SubjectResult>;
  /** A scheme's runs, newest first. */
  resultRuns: Array<ResultRun>;
  /** The given run, else the newest (API keys and UNIT users: newest published); subjects in import order; `subject`: that one only; `grade`, `unit` (the unit and its members) filter; pages: `limit` (1–1000; API keys: 1000 when omitted) and `offset`. */
  results: Array<SubjectResult>;
  /** One scheme by id. */
  scheme: Maybe<Scheme>;
  /** The scheme's audit records, oldest first, with before/after. */
  schemeHistory: Array<AuditEntry>;
  /** The tenant's schemes (API keys: PUBLISHED and CLOSED ones), optionally of one year. */
  schemes: Array<Scheme>;
  /** A run's group: finals per score band (every band, zeros included). Runs visible as in `results`. */
  scoreBands: Array<ScoreBand>;
  /** What-if: evaluates `definition` (default: the scheme's own, which may be a DRAFT) over the current effective data of scheme `dataFrom` (default: the scheme itself), subjects, indicators and rules matched by code (unknown ones listed in `unmatched`), next to the newest run of `dataFrom`. Stores nothing. An invalid definition, or data it cannot evaluate, is BAD_USER_INPUT with extensions.problems. */
  simulate: Simulation;
  /** The data a what-if evaluates, for evaluating in the browser: `{ dataset, before: { runId, subjects: [{ subject, final, rank, grade }] } | null }` of the scheme. */
  simulationData: Scalars['JSON']['output'];
  /** The scheme's subjects in import order. */
  subjects: Array<Subject>;
  /** The tenant's settings (defaults until changed). */
  tenantSettings: TenantSettings;
  /** How many of the caller's notifications are unread (the app bar's badge). */
  unreadNotificationCount: Scalars['Int']['output'];
  /** A webhook's deliveries, newest first, with every attempt. */
  webhookDeliveries: Array<WebhookDelivery>;
  /** The tenant's webhooks. */
  webhooks: Array<Webhook>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryAdjustmentArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryApiKeyArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryDepartmentArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryInputArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryResultRunArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerySchemeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerySubjectArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryTenantArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allAdjustmentsMetaArgs = {
  filter?: InputMaybe<AdjustmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allApiKeysMetaArgs = {
  filter?: InputMaybe<ApiKeyFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allDepartmentsMetaArgs = {
  filter?: InputMaybe<DepartmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allInputsMetaArgs = {
  filter?: InputMaybe<InputFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allResultRunsMetaArgs = {
  filter?: InputMaybe<ResultRunFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allSchemesMetaArgs = {
  filter?: InputMaybe<SchemeFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allSubjectsMetaArgs = {
  filter?: InputMaybe<SubjectFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allTenantsMetaArgs = {
  filter?: InputMaybe<TenantFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_allUsersMetaArgs = {
  filter?: InputMaybe<UserFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type Query_auditLogMetaArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  entity?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryadjustmentsArgs = {
  schemeId: Scalars['ID']['input'];
  status?: InputMaybe<AdjustmentStatus>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallAdjustmentsArgs = {
  filter?: InputMaybe<AdjustmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallApiKeysArgs = {
  filter?: InputMaybe<ApiKeyFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallDepartmentsArgs = {
  filter?: InputMaybe<DepartmentFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallInputsArgs = {
  filter?: InputMaybe<InputFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallResultRunsArgs = {
  filter?: InputMaybe<ResultRunFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallSchemesArgs = {
  filter?: InputMaybe<SchemeFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallSubjectsArgs = {
  filter?: InputMaybe<SubjectFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallTenantsArgs = {
  filter?: InputMaybe<TenantFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryallUsersArgs = {
  filter?: InputMaybe<UserFilter>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  sortField?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryauditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  entity?: InputMaybe<Scalars['String']['input']>;
  entityId?: InputMaybe<Scalars['ID']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerycompareRunsArgs = {
  runA: Scalars['ID']['input'];
  runB: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerydashboardArgs = {
  schemeId?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerydataCompletenessArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerydeadlinesArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerydepartmentArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerydiscrepanciesArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryexportSchemeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryinputsArgs = {
  indicator?: InputMaybe<Scalars['String']['input']>;
  period?: InputMaybe<Period>;
  schemeId: Scalars['ID']['input'];
  source?: InputMaybe<InputSource>;
  subject?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerynotSubmittedArgs = {
  period?: Period;
  schemeId: Scalars['ID']['input'];
  source?: InputSource;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerynotificationsArgs = {
  limit?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
  unreadOnly?: Scalars['Boolean']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryprogressArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
  level?: InputMaybe<ProgressLevel>;
  period: Period;
  schemeId: Scalars['ID']['input'];
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryrankingsArgs = {
  group: Scalars['String']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryresultRunsArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryresultsArgs = {
  grade?: InputMaybe<Scalars['String']['input']>;
  group?: InputMaybe<Scalars['String']['input']>;
  limit?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
  schemeId: Scalars['ID']['input'];
  subject?: InputMaybe<Scalars['String']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryschemeArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryschemeHistoryArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryschemesArgs = {
  year?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QueryscoreBandsArgs = {
  group: Scalars['String']['input'];
  runId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerysimulateArgs = {
  dataFrom?: InputMaybe<Scalars['ID']['input']>;
  definition?: InputMaybe<Scalars['JSON']['input']>;
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerysimulationDataArgs = {
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerysubjectsArgs = {
  group?: InputMaybe<Scalars['String']['input']>;
  schemeId: Scalars['ID']['input'];
};


/** Reads. Staff sign in with a token; third-party applications use an API key with scopes. */
export type QuerywebhookDeliveriesArgs = {
  page?: InputMaybe<Scalars['Int']['input']>;
  perPage?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
  webhookId: Scalars['ID']['input'];
};

/** Why a subject has its rank, grade, adjustments and values, in one run. */
export type Receipt = {
  __typename?: 'Receipt';
  /** Each bonus or deduction rule, claimed and counted. */
  adjustments: Array<ReceiptAdjustment>;
  /** The bonus total against its cap. */
  bonus: ReceiptTotal;
  /** The deduction total against its cap. */
  deduction: ReceiptTotal;
  /** The grade given. */
  grade: Scalars['String']['output'];
  /** The grade's reasons: each better grade missed, then the grade itself. */
  gradeReasons: Array<CodedText>;
  /** Each indicator with its value and points. */
  indicators: Array<ReceiptIndicator>;
  /** sha256 of the effective dataset the run read (canonical JSON). */
  inputsHash: Scalars['String']['output'];
  /** Every reason in reading order: rank, adjustments, caps, vetoes, grade. */
  lines: Array<CodedText>;
  /** How the rank came about. */
  rank: ReceiptRank;
  /** sha256 of the scheme definition the run read (canonical JSON). */
  schemeHash: Scalars['String']['output'];
  /** Veto rules that capped the grade. */
  vetoes: Array<ReceiptVeto>;
};

/** A bonus or deduction rule on a receipt. */
export type ReceiptAdjustment = {
  __typename?: 'ReceiptAdjustment';
  /** Points of the events, before the rule's cap per subject. */
  claimed: Scalars['Float']['output'];
  /** Points counted for the rule (after its cap per subject; the group cap applies to the total). */
  counted: Scalars['Float']['output'];
  /** Whether the rule's cap per subject cut it. */
  cutByRuleCap: Scalars['Boolean']['output'];
  /** BONUS or DEDUCTION. */
  kind: Scalars['String']['output'];
  /** The rule's cap per subject (null: none). */
  maxPerSubject: Maybe<Scalars['Float']['output']>;
  /** The rule name. */
  name: Scalars['String']['output'];
  /** The rule code. */
  rule: Scalars['String']['output'];
};

/** One indicator on a receipt. */
export type ReceiptIndicator = {
  __typename?: 'ReceiptIndicator';
  /** Why that value: agreement, priority, or the discrepancy decision. */
  decision: Maybe<CodedText>;
  /** The indicator code. */
  indicator: Scalars['String']['output'];
  /** The indicator name. */
  name: Scalars['String']['output'];
  /** The other sources' values for the same indicator. */
  others: Array<SourceValue>;
  /** SELF, MONITOR or REVIEW: whose value was used. */
  source: Maybe<Scalars['String']['output']>;
  /** The input the run read (null: none). */
  value: Maybe<Scalars['JSON']['output']>;
};

/** The subject's rank among its group. */
export type ReceiptRank = {
  __typename?: 'ReceiptRank';
  /** Subjects in the group, the subject included. */
  peers: Scalars['Int']['output'];
  /** The rank (1 is best). */
  rank: Scalars['Int']['output'];
  /** Other subjects of the group with the same final. */
  tied: Scalars['Int']['output'];
};

/** A bonus or deduction total against the group cap. */
export type ReceiptTotal = {
  __typename?: 'ReceiptTotal';
  /** The group's cap (null: none). */
  cap: Maybe<Scalars['Float']['output']>;
  /** The counted rule subtotals, before the group cap. */
  claimed: Scalars['Float']['output'];
  /** Points counted after the caps. */
  counted: Scalars['Float']['output'];
  /** Whether the group cap cut it. */
  cutByGroupCap: Scalars['Boolean']['output'];
};

/** A veto rule that applied. */
export type ReceiptVeto = {
  __typename?: 'ReceiptVeto';
  /** The veto that capped the grade (the strictest one). */
  binding: Scalars['Boolean']['output'];
  /** The best grade it allows. */
  maxGrade: Scalars['String']['output'];
  /** The rule name. */
  name: Scalars['String']['output'];
  /** The rule code. */
  rule: Scalars['String']['output'];
};

/** Reopens a passed deadline for one unit or department. */
export type ReopenDeadlineInput = {
  /** The unit subject's or department's code. */
  code: Scalars['String']['input'];
  /** The deadline. */
  deadlineId: Scalars['ID']['input'];
  /** Unit or department. */
  targetKind: DeadlineTarget;
  /** Open until then, in the tenant's time zone (YYYY-MM-DDTHH:mm or YYYY-MM-DD). */
  untilLocal: Scalars['String']['input'];
};

/** A bonus or deduction rule counted for a subject. */
export type ResultAdjustment = {
  __typename?: 'ResultAdjustment';
  /** Points counted (positive: bonus, negative: deduction). */
  points: Scalars['Float']['output'];
  /** The rule code. */
  rule: Scalars['String']['output'];
};

/** A group of a run: its size and grade counts. */
export type ResultGroup = {
  __typename?: 'ResultGroup';
  /** Subjects in the group. */
  count: Scalars['Int']['output'];
  /** Subjects per grade. */
  gradeCounts: Array<GradeCount>;
  /** The group code. */
  group: Scalars['String']['output'];
};

/** A category or indicator of the scheme with the subject's points. */
export type ResultNode = {
  __typename?: 'ResultNode';
  /** The node code. */
  code: Scalars['String']['output'];
  /** How the indicator's points came about, in the asked language; null for categories. */
  explain: Maybe<Scalars['String']['output']>;
  /** The explanation as data: each step's code and params (empty for categories and runs stored before). */
  explainParts: Array<CodedText>;
  /** Its maximum points (null when it does not apply). */
  maxPoints: Maybe<Scalars['Float']['output']>;
  /** The node name. */
  name: Scalars['String']['output'];
  /** True when the indicator does not apply to the subject (its weight goes to its siblings). */
  out: Scalars['Boolean']['output'];
  /** Points earned (null when it does not apply). */
  points: Maybe<Scalars['Float']['output']>;
  /** Points ÷ maximum (null when not applicable). */
  rate: Maybe<Scalars['Float']['output']>;
};


/** A category or indicator of the scheme with the subject's points. */
export type ResultNodeexplainArgs = {
  lang?: InputMaybe<Language>;
};


/** A category or indicator of the scheme with the subject's points. */
export type ResultNodeexplainPartsArgs = {
  lang?: InputMaybe<Language>;
};

/** One computation of a scheme's results and its review: DRAFT → REVIEWED → APPROVED → PUBLISHED (or REJECTED, SUPERSEDED). */
export type ResultRun = {
  __typename?: 'ResultRun';
  /** When it was approved. */
  approvedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who approved it (hidden from API keys and UNIT users). */
  approvedBy: Maybe<RunActor>;
  /** When it was computed. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Who computed the run (null: the system; never shown to API keys and UNIT users). */
  createdBy: Maybe<RunActor>;
  /** Per group: size and grade counts. */
  groups: Array<ResultGroup>;
  /** The run id. */
  id: Scalars['ID']['output'];
  /** The run's missing inputs, in subject order (UNIT users: their own unit's). */
  missing: Array<MissingInput>;
  /** Inputs the run found missing (MISSING_INPUT warnings); publishing needs acknowledgeMissing when > 0. */
  missingInputs: Scalars['Int']['output'];
  /** Whether this is its scheme's newest run (only the newest run moves forward). */
  newest: Scalars['Boolean']['output'];
  /** When it was published. */
  publishedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who published it (hidden from API keys and UNIT users). */
  publishedBy: Maybe<RunActor>;
  /** Why the run was sent back (REJECTED runs only). */
  rejectReason: Maybe<Scalars['String']['output']>;
  /** When it was sent back. */
  rejectedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who sent it back (hidden from API keys and UNIT users). */
  rejectedBy: Maybe<RunActor>;
  /** When it was reviewed. */
  reviewedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Who reviewed it (hidden from API keys and UNIT users). */
  reviewedBy: Maybe<RunActor>;
  /** The scheme it scores. */
  schemeId: Scalars['ID']['output'];
  /** The scheme version it read. */
  schemeVersion: Scalars['Int']['output'];
  /** Where the run stands in its review. */
  status: ResultStatus;
  /** When a newer publication replaced it. */
  supersededAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The run whose publication superseded this one. */
  supersededBy: Maybe<Scalars['ID']['output']>;
};

/** Which result runs to list. */
export type ResultRunFilter = {
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only this scheme's. */
  schemeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only in this state. */
  status?: InputMaybe<ResultStatus>;
};

/** Where a result run stands in its review. */
export type ResultStatus =
  /** Approved, waiting for publication. */
  | 'APPROVED'
  /** Computed, waiting for review. */
  | 'DRAFT'
  /** The scheme's published results (one per scheme); visible to API keys. */
  | 'PUBLISHED'
  /** Sent back with a reason (final). */
  | 'REJECTED'
  /** Reviewed, waiting for approval. */
  | 'REVIEWED'
  /** Was published; replaced by a later publication. */
  | 'SUPERSEDED';

/** A subject named in results. */
export type ResultSubjectRef = {
  __typename?: 'ResultSubjectRef';
  /** The subject code. */
  code: Scalars['String']['output'];
  /** The subject name. */
  name: Scalars['String']['output'];
};

/** A warning of the computation, as a code. */
export type ResultWarning = {
  __typename?: 'ResultWarning';
  /** The warning code (e.g. MISSING_INPUT). */
  code: Scalars['String']['output'];
  /** The indicator it concerns. */
  indicator: Scalars['String']['output'];
};

/** What a person may do. */
export type Role =
  /** Manages the tenant: schemes, users, keys, webhooks; publishes results. */
  | 'ADMIN'
  /** The assessment team: enters and verifies figures, computes results. */
  | 'ASSESSOR'
  /** Reviews and approves result runs. */
  | 'LEADER'
  /** A department that reports monitoring figures. */
  | 'MONITOR'
  /** Runs the platform: tenants and their first administrators. */
  | 'PLATFORM_ADMIN'
  /** An assessed unit: reports its own figures, sees its own published results. */
  | 'UNIT'
  /** Reads everything, changes nothing. */
  | 'VIEWER';

/** A bonus, deduction or veto rule of the scheme. */
export type RuleKind =
  /** Adds points. */
  | 'BONUS'
  /** Takes points off. */
  | 'DEDUCTION'
  /** Caps the grade. */
  | 'VETO';

/** The person who took a step of a run (a tenant user or a platform administrator). */
export type RunActor = {
  __typename?: 'RunActor';
  /** The user id. */
  id: Scalars['ID']['output'];
  /** The user name. */
  name: Scalars['String']['output'];
};

/** A subject whose final, rank or grade differs between two runs (null on the side it is missing from). */
export type RunDiff = {
  __typename?: 'RunDiff';
  /** Final score in runB (null: not in runB). */
  finalAfter: Maybe<Scalars['Float']['output']>;
  /** Final score in runA (null: not in runA). */
  finalBefore: Maybe<Scalars['Float']['output']>;
  /** finalAfter − finalBefore */
  finalDelta: Maybe<Scalars['Float']['output']>;
  /** Grade in runB. */
  gradeAfter: Maybe<Scalars['String']['output']>;
  /** Grade in runA. */
  gradeBefore: Maybe<Scalars['String']['output']>;
  /** Its group code. */
  group: Scalars['String']['output'];
  /** Rank in runB. */
  rankAfter: Maybe<Scalars['Int']['output']>;
  /** Rank in runA. */
  rankBefore: Maybe<Scalars['Int']['output']>;
  /** rankAfter − rankBefore */
  rankDelta: Maybe<Scalars['Int']['output']>;
  /** The subject. */
  subject: ResultSubjectRef;
};

/** One year's assessment scheme of the tenant: groups, indicators, rules and grading as data. DRAFT until published; CLOSED at the end of the year. */
export type Scheme = {
  __typename?: 'Scheme';
  /** When its year was closed. */
  closedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The scheme code (unique in the tenant). */
  code: Scalars['String']['output'];
  /** When it was imported. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The scheme id. */
  id: Scalars['ID']['output'];
  /** The scheme name. */
  name: Scalars['String']['output'];
  /** When it was published. */
  publishedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** DRAFT, PUBLISHED or CLOSED. */
  status: SchemeStatus;
  /** When it last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Bumped by every change (optimistic locking). */
  version: Scalars['Int']['output'];
  /** The assessment year. */
  year: Scalars['Int']['output'];
};

/** Which schemes to list. */
export type SchemeFilter = {
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the code or name. */
  q?: InputMaybe<Scalars['String']['input']>;
  /** Only in this state. */
  status?: InputMaybe<SchemeStatus>;
  /** Only this year's. */
  year?: InputMaybe<Scalars['Int']['input']>;
};

/** A scheme's state. */
export type SchemeStatus =
  /** The year is over; frozen. */
  | 'CLOSED'
  /** Being edited; invisible to API keys. */
  | 'DRAFT'
  /** In force for its year; frozen. */
  | 'PUBLISHED';

/** How many subjects of a group have a final in [from, to) (from/to null: unbounded). */
export type ScoreBand = {
  __typename?: 'ScoreBand';
  /** Subjects of the group whose final lies in the band. */
  count: Scalars['Int']['output'];
  /** Lowest final in the band (inclusive); null for the lowest band. */
  from: Maybe<Scalars['Float']['output']>;
  /** Upper limit of the band (exclusive); null for the highest band. */
  to: Maybe<Scalars['Float']['output']>;
};

/** One subject's outcome under the simulated definition. */
export type SimulatedSubject = {
  __typename?: 'SimulatedSubject';
  /** Its standing in the newest run of the data's scheme; null when there is no run or it was not in it. */
  before: Maybe<SimulationStanding>;
  /** Its final score under the definition (points, two decimals). */
  final: Scalars['Float']['output'];
  /** Its grade code under the definition. */
  grade: Scalars['String']['output'];
  /** Its group's code. */
  group: Scalars['String']['output'];
  /** Why toNextGrade is null; null when toNextGrade is given. */
  nextGradeBlock: Maybe<NextGradeBlock>;
  /** Its rank in its group under the definition (1 = best; ties share a rank). */
  rank: Scalars['Int']['output'];
  /** The subject. */
  subject: ResultSubjectRef;
  /** Points the final must rise by to reach the next better grade under this definition's bands; null: see nextGradeBlock. */
  toNextGrade: Maybe<Scalars['Float']['output']>;
};

/** A definition evaluated over a scheme's current effective data; nothing is stored. */
export type Simulation = {
  __typename?: 'Simulation';
  /** The run `before` comes from: the newest of the data's scheme. */
  beforeRunId: Maybe<Scalars['ID']['output']>;
  /** Per group: subjects counted and grade counts under the definition. */
  groups: Array<ResultGroup>;
  /** In the order of the dataset. */
  subjects: Array<SimulatedSubject>;
  /** Codes in the data that the definition does not know (left out, not errors). */
  unmatched: SimulationUnmatched;
};

/** Where a subject stood in the newest run of the data's scheme. */
export type SimulationStanding = {
  __typename?: 'SimulationStanding';
  /** Its final score in that run (points, two decimals). */
  final: Scalars['Float']['output'];
  /** Its grade code in that run. */
  grade: Scalars['String']['output'];
  /** Its rank in its group in that run (1 = best; ties share a rank). */
  rank: Scalars['Int']['output'];
};

/** Codes in the data that the definition does not know: left out of the simulation, not errors. */
export type SimulationUnmatched = {
  __typename?: 'SimulationUnmatched';
  /** Indicators with inputs that the subject's group tree does not hold. */
  indicators: Array<Scalars['String']['output']>;
  /** Rules with adjustments that the definition lacks or no longer applies to the subject's group. */
  rules: Array<Scalars['String']['output']>;
  /** Subjects whose group the definition lacks (or members whose unit was left out). */
  subjects: Array<Scalars['String']['output']>;
};

/** One input source's share of a group's expected values. */
export type SourceCompleteness = {
  __typename?: 'SourceCompleteness';
  /** Cells whose effective value (REVIEW over MONITOR over SELF) comes from this source. */
  effective: Scalars['Int']['output'];
  /** Expected cells (subject × indicator) with an ANNUAL value from this source. */
  entered: Scalars['Int']['output'];
  /** The input source. */
  source: InputSource;
};

/** A value as entered by one source. */
export type SourceValue = {
  __typename?: 'SourceValue';
  /** Who entered it (SELF, MONITOR or REVIEW). */
  source: Scalars['String']['output'];
  /** The value. */
  value: Scalars['JSON']['output'];
};

/** A unit or member being assessed in a scheme (a township, a department, …). */
export type Subject = {
  __typename?: 'Subject';
  /** The subject code (unique in the scheme). */
  code: Scalars['String']['output'];
  /** Its group code. */
  group: Scalars['String']['output'];
  /** The subject id. */
  id: Scalars['ID']['output'];
  /** UNIT or MEMBER (a member belongs to a unit). */
  kind: SubjectKind;
  /** The subject name. */
  name: Scalars['String']['output'];
  /** Import order. */
  position: Scalars['Int']['output'];
  /** Its scheme. */
  schemeId: Scalars['ID']['output'];
  /** A member's unit (subject code); null for units. */
  unit: Maybe<Scalars['String']['output']>;
  /** Bumped by every change (optimistic locking). */
  version: Scalars['Int']['output'];
};

/** Which subjects to list. */
export type SubjectFilter = {
  /** Only this group's. */
  group?: InputMaybe<Scalars['String']['input']>;
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the code or name. */
  q?: InputMaybe<Scalars['String']['input']>;
  /** Only this scheme's. */
  schemeId?: InputMaybe<Scalars['ID']['input']>;
};

/** A unit or one of its members. */
export type SubjectKind =
  /** A member of a unit (e.g. its leading group). */
  | 'MEMBER'
  /** An assessed unit (a township, a department). */
  | 'UNIT';

/** One subject's score in a run: points, bonus, deduction, final score, rank and grade, with the per-indicator breakdown. */
export type SubjectResult = {
  __typename?: 'SubjectResult';
  /** Bonus and deduction rules counted. */
  adjustments: Array<ResultAdjustment>;
  /** Points from the indicators. */
  base: Scalars['Float']['output'];
  /** Bonus points counted. */
  bonus: Scalars['Float']['output'];
  /** Deduction points counted. */
  deduction: Scalars['Float']['output'];
  /** The final score: base + bonus − deduction (vetoes applied). */
  final: Scalars['Float']['output'];
  /** The grade from the scheme's grading. */
  grade: Scalars['String']['output'];
  /** Its group code. */
  group: Scalars['String']['output'];
  /** Every category and indicator with its points. */
  nodes: Array<ResultNode>;
  /** Rank within the group (1 is best; ties share a rank). */
  rank: Scalars['Int']['output'];
  /** Why this rank, grade, adjustments and values (null for a run stored before receipts). */
  receipt: Maybe<Receipt>;
  /** The subject. */
  subject: ResultSubjectRef;
  /** Veto rules that applied. */
  vetoes: Array<Scalars['String']['output']>;
  /** Warnings of the computation (e.g. MISSING_INPUT). */
  warnings: Array<ResultWarning>;
};


/** One subject's score in a run: points, bonus, deduction, final score, rank and grade, with the per-indicator breakdown. */
export type SubjectResultreceiptArgs = {
  lang?: InputMaybe<Language>;
};

/** A district using Kaoping: its data is invisible to every other tenant. */
export type Tenant = {
  __typename?: 'Tenant';
  /** The tenant code (used to sign in). */
  code: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** A disabled tenant cannot sign in or use keys. */
  disabled: Scalars['Boolean']['output'];
  /** The tenant id. */
  id: Scalars['ID']['output'];
  /** The tenant name. */
  name: Scalars['String']['output'];
};

/** Which tenants to list. */
export type TenantFilter = {
  /** Only the tenant with this code. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** true: disabled tenants only; false: enabled ones only. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the code or name. */
  q?: InputMaybe<Scalars['String']['input']>;
};

/** A tenant named on a user. */
export type TenantRef = {
  __typename?: 'TenantRef';
  /** The tenant code. */
  code: Scalars['String']['output'];
  /** The tenant id. */
  id: Scalars['ID']['output'];
  /** The tenant name. */
  name: Scalars['String']['output'];
};

/** The tenant's settings (the defaults until an ADMIN first changes them). */
export type TenantSettings = {
  __typename?: 'TenantSettings';
  /** How many days before a deadline reminders go to those who have not submitted (default 3; 0: none). */
  reminderDays: Scalars['Int']['output'];
  /** When on, no person takes two steps of one result run (compute, review, approve, publish), ADMINs included. */
  separationOfDuties: Scalars['Boolean']['output'];
  /** IANA time zone in which deadlines are set and shown (default Asia/Shanghai). */
  timeZone: Scalars['String']['output'];
  /** When they were last changed; null while the defaults apply. */
  updatedAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** 0 until the settings are first changed. */
  version: Scalars['Int']['output'];
};

/** Settings to change; omitted fields stay. */
export type TenantSettingsInput = {
  /** Days before a deadline to remind (0 to 60). */
  reminderDays?: InputMaybe<Scalars['Int']['input']>;
  /** On: no person takes two steps of one result run (compute, review, approve, publish), ADMINs included. Applies to steps taken from then on. */
  separationOfDuties?: InputMaybe<Scalars['Boolean']['input']>;
  /** IANA time zone, e.g. Asia/Shanghai. */
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

/** How much of its expected input a unit has entered for one period and source. */
export type UnitSubmission = {
  __typename?: 'UnitSubmission';
  /** Inputs entered. */
  entered: Scalars['Int']['output'];
  /** Inputs expected: its subjects × their indicators that take an input. */
  expected: Scalars['Int']['output'];
  /** Its name. */
  name: Scalars['String']['output'];
  /** When the deadline was reopened for this unit: until when. */
  reopenedUntil: Maybe<Scalars['DateTimeISO']['output']>;
  /** The unit subject's code. */
  unit: Scalars['String']['output'];
};

/** Changes to a webhook; omitted fields stay. */
export type UpdateWebhookInput = {
  /** false stops new deliveries. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** A note for the people managing it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The events to send (at least one). */
  events?: InputMaybe<Array<WebhookEvent>>;
  /** Where to POST. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A person of a tenant who signs in. */
export type User = {
  __typename?: 'User';
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** For MONITOR users: the department they report for (they write only the indicators it owns). */
  department: Maybe<Department>;
  /** For MONITOR users: the id of their department. */
  departmentId: Maybe<Scalars['ID']['output']>;
  /** A disabled user cannot sign in. */
  disabled: Scalars['Boolean']['output'];
  /** The sign-in email. */
  email: Scalars['String']['output'];
  /** The user id. */
  id: Scalars['ID']['output'];
  /** The user name. */
  name: Scalars['String']['output'];
  /** What the user may do (the console shapes its menus and buttons by it): for the signed-in user (`me`), what this request is granted (a platform administrator acting through X-Tenant holds what ADMIN holds); for another user, what their role grants. */
  permissions: Array<Permission>;
  /** What the user may do. */
  role: Role;
  /** The user's tenant. */
  tenant: Maybe<TenantRef>;
  /** For UNIT users: their unit's subject code. */
  unit: Maybe<Scalars['String']['output']>;
};

/** Which users to list. */
export type UserFilter = {
  /** true: disabled users only; false: active ones only. */
  disabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only these ids. */
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Text in the email or name. */
  q?: InputMaybe<Scalars['String']['input']>;
  /** Only with this role. */
  role?: InputMaybe<Role>;
  /** Only of this unit (subject code). */
  unit?: InputMaybe<Scalars['String']['input']>;
};

/** An endpoint of the tenant that receives signed POSTs for the events it subscribes to. */
export type Webhook = {
  __typename?: 'Webhook';
  /** Inactive webhooks get no new deliveries. */
  active: Scalars['Boolean']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** A note for the people managing it. */
  description: Scalars['String']['output'];
  /** The events sent to this webhook. */
  events: Array<WebhookEvent>;
  /** The webhook id. */
  id: Scalars['ID']['output'];
  /** Where deliveries are POSTed (http or https). */
  url: Scalars['String']['output'];
};

/** One try of a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  /** When it was made. */
  at: Scalars['DateTimeISO']['output'];
  /** The attempt number, from 1. */
  attempt: Scalars['Int']['output'];
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Int']['output'];
  /** Why it failed; null when delivered. */
  error: Maybe<Scalars['String']['output']>;
  /** The receiver's HTTP status; null when no answer came. */
  statusCode: Maybe<Scalars['Int']['output']>;
};

/** A new webhook and its signing secret. */
export type WebhookCreated = {
  __typename?: 'WebhookCreated';
  /** The HMAC-SHA256 signing secret. Shown once. */
  secret: Scalars['String']['output'];
  /** The webhook. */
  webhook: Webhook;
};

/** One event sent to one webhook, with every attempt. Retries and redeliveries keep its id. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Every attempt, oldest first. */
  attempts: Array<WebhookAttempt>;
  /** The JSON body sent, exactly as signed. */
  body: Scalars['String']['output'];
  /** When the event happened. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** When a 2xx came. */
  deliveredAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** The event. */
  event: WebhookEvent;
  /** The delivery id: the body's `id` and the Kaoping-Webhook-Id header. */
  id: Scalars['ID']['output'];
  /** When the next attempt is due, while PENDING. */
  nextAttemptAt: Maybe<Scalars['DateTimeISO']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
  /** The webhook it goes to. */
  webhookId: Scalars['ID']['output'];
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** The receiver answered an attempt with a 2xx. */
  | 'DELIVERED'
  /** Every attempt failed; redeliverWebhook sends it again. */
  | 'FAILED'
  /** Not yet answered with a 2xx; another attempt is scheduled. */
  | 'PENDING';

/** What a webhook is told about. */
export type WebhookEvent =
  /** A scheme's result run was published (data: run and scheme). */
  | 'RESULT_RUN_PUBLISHED'
  /** A scheme's year was closed (data: the scheme). */
  | 'SCHEME_CLOSED'
  /** A scheme was published (data: the scheme). */
  | 'SCHEME_PUBLISHED';
