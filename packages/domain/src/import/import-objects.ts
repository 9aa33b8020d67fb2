import {
  ACCOUNT_REGIONS,
  ACCOUNT_SEGMENTS,
  ACTIVITY_KINDS,
  ACTIVITY_PURPOSES,
  HEALTH_COLOURS,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  RELATIONSHIP_STAGES,
} from '../assessment/vocabulary.ts';

/**
 * The CSV format of each object Liaison imports and exports: Salesforce API names for standard
 * fields (`Id`, `Name`, `AccountId`, `StageName`, …) and `Name__c`-style custom fields for
 * Liaison's own. Exports write the `header` of every exported field in this order; imports
 * recognise the header or one of its aliases, case-insensitively.
 */

export const IMPORT_OBJECTS = ['accounts', 'contacts', 'opportunities', 'activities', 'users'] as const;
export type ImportObject = (typeof IMPORT_OBJECTS)[number];

export const STAFF_ROLES = [
  'admin',
  'tam_manager',
  'tam',
  'sal',
  'ae',
  'sa',
  'pse',
  'sdr',
  'viewer',
] as const;
export const STAKEHOLDER_ROLES = [
  'champion',
  'economic_buyer',
  'decision_maker',
  'technical_contact',
  'executive_sponsor',
  'admin',
] as const;

export type FieldKind =
  /** Free text, kept as written. */
  | 'text'
  /** A required short name: trimmed, 1–200 characters. */
  | 'name'
  | 'email'
  /** One of `values` (or of the playbook's plans), through the value maps. */
  | 'enum'
  /** `a;b;c`, each one of `values` (or of the playbook's stages). */
  | 'list'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'date'
  | 'instant'
  /** The record's own Salesforce Id (15 or 18 characters, stored as 18). */
  | 'salesforceId'
  /** The record's own Liaison id (a UUID), as exports write it. */
  | 'liaisonId'
  /** Another record: its Salesforce Id or its Liaison id. */
  | 'recordRef'
  /** A user: Salesforce Id or e-mail address. */
  | 'userRef';

export interface FieldSpec {
  /** Liaison's field, or what the import resolves (`parentRef` → the parent account's id). */
  readonly field: string;
  /** The column as exports write it. */
  readonly header: string;
  /** Other headers recognised when `header` is absent (lower priority). */
  readonly aliases?: readonly string[];
  readonly kind: FieldKind;
  /** `#N/A` may clear it. */
  readonly nullable: boolean;
  /** A new record needs it (checked once the import knows which rows create records). */
  readonly requiredOnCreate?: boolean;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly maxItems?: number;
  /** Allowed values of an enum or list; `plans`/`stages` come from the playbook in force. */
  readonly values?: readonly string[] | 'plans' | 'stages';
  /** Salesforce's own values and other spellings (matched case-insensitively); null: ignore the cell. */
  readonly valueMap?: Readonly<Record<string, string | null>>;
  /** Written by exports (default true). */
  readonly exported?: boolean;
  /** Only feeds another field (FirstName/LastName → Name); not staged on its own. */
  readonly staged?: boolean;
  /** Stored in lower case (users' e-mail addresses). */
  readonly lowercase?: boolean;
}

/** Salesforce's default Opportunity stages → Liaison's (docs/import-export.md). */
export const SALESFORCE_STAGE_NAMES: Readonly<Record<string, string>> = {
  Prospecting: 'discovery',
  Qualification: 'discovery',
  'Needs Analysis': 'scoping',
  'Value Proposition': 'scoping',
  'Id. Decision Makers': 'technical_evaluation',
  'Perception Analysis': 'technical_evaluation',
  'Proposal/Price Quote': 'proposal',
  'Negotiation/Review': 'negotiating',
  'Closed Won': 'closed_won',
  'Closed Lost': 'closed_lost',
};

/** Salesforce's default Opportunity types → Liaison's. */
export const SALESFORCE_OPPORTUNITY_TYPES: Readonly<Record<string, string>> = {
  'New Customer': 'new_business',
  'New Business': 'new_business',
  'Existing Customer - Upgrade': 'growth',
  'Existing Customer - Downgrade': 'growth',
  'Existing Customer - Replacement': 'renewal',
};

/** Salesforce's default Account types → relationship stages; partner types are ignored. */
export const SALESFORCE_ACCOUNT_TYPES: Readonly<Record<string, string | null>> = {
  Prospect: 'lead',
  'Customer - Direct': 'customer',
  'Customer - Channel': 'customer',
  'Former Customer': 'former_customer',
  'Channel Partner / Reseller': null,
  'Installation Partner': null,
  'Technology Partner': null,
  Other: null,
};

/** Salesforce's default Task/Event types → activity kinds. */
export const SALESFORCE_ACTIVITY_TYPES: Readonly<Record<string, string>> = {
  Call: 'meeting',
  Email: 'email',
  Meeting: 'meeting',
  Other: 'note',
  'Send Letter': 'note',
  'Send Quote': 'note',
};

const REGION_NAMES: Readonly<Record<string, string>> = {
  NA: 'noram',
  AMER: 'noram',
  'North America': 'noram',
  'Latin America': 'latam',
  'Asia Pacific': 'apac',
  APJ: 'apac',
  'Europe, Middle East and Africa': 'emea',
};

const SEGMENT_NAMES: Readonly<Record<string, string>> = {
  'Mid-Market': 'mid_market',
  Midmarket: 'mid_market',
  'Small Business': 'smb',
  'Public Sector': 'public_sector',
  Government: 'public_sector',
};

const id: FieldSpec = { field: 'salesforceId', header: 'Id', kind: 'salesforceId', nullable: false };
const liaisonId: FieldSpec = {
  field: 'liaisonId',
  header: 'Liaison_Id__c',
  kind: 'liaisonId',
  nullable: false,
};
const accountRef: FieldSpec = {
  field: 'accountRef',
  header: 'AccountId',
  kind: 'recordRef',
  nullable: false,
  requiredOnCreate: true,
};
const personName: FieldSpec[] = [
  { field: 'name', header: 'Name', kind: 'name', nullable: false, requiredOnCreate: true, exported: false },
  { field: 'firstName', header: 'FirstName', kind: 'text', nullable: true, maxLength: 200, staged: false },
  { field: 'lastName', header: 'LastName', kind: 'text', nullable: true, maxLength: 200, staged: false },
];
const instant = (field: string, header: string): FieldSpec => ({
  field,
  header,
  kind: 'instant',
  nullable: true,
});
const flag = (field: string, header: string): FieldSpec => ({
  field,
  header,
  kind: 'boolean',
  nullable: false,
});

export const IMPORT_FORMATS: Readonly<Record<ImportObject, readonly FieldSpec[]>> = {
  accounts: [
    id,
    liaisonId,
    { field: 'name', header: 'Name', kind: 'name', nullable: false, requiredOnCreate: true },
    { field: 'parentRef', header: 'ParentId', kind: 'recordRef', nullable: true },
    { field: 'industry', header: 'Industry', kind: 'text', nullable: true, maxLength: 200 },
    { field: 'ownerRef', header: 'OwnerId', aliases: ['Owner.Email'], kind: 'userRef', nullable: true },
    { field: 'tamRef', header: 'TAM__c', aliases: ['TAM_Email__c'], kind: 'userRef', nullable: true },
    {
      field: 'segment',
      header: 'Segment__c',
      kind: 'enum',
      nullable: false,
      requiredOnCreate: true,
      values: ACCOUNT_SEGMENTS,
      valueMap: SEGMENT_NAMES,
    },
    {
      field: 'region',
      header: 'Region__c',
      kind: 'enum',
      nullable: false,
      requiredOnCreate: true,
      values: ACCOUNT_REGIONS,
      valueMap: REGION_NAMES,
    },
    { field: 'plan', header: 'Plan__c', kind: 'enum', nullable: false, values: 'plans' },
    { field: 'arr', header: 'ARR__c', kind: 'number', nullable: false, min: 0, max: 1e12 },
    {
      field: 'licensedUsers',
      header: 'Licensed_Users__c',
      kind: 'integer',
      nullable: false,
      min: 0,
      max: 1e9,
    },
    { field: 'activeUsers', header: 'Active_Users__c', kind: 'integer', nullable: false, min: 0, max: 1e9 },
    { field: 'lam', header: 'LAM__c', kind: 'integer', nullable: true, min: 0, max: 1e9 },
    {
      field: 'stagesAdopted',
      header: 'Stages_Adopted__c',
      kind: 'list',
      nullable: true,
      values: 'stages',
      maxItems: 50,
    },
    {
      field: 'relationshipStage',
      header: 'Relationship_Stage__c',
      aliases: ['Type'],
      kind: 'enum',
      nullable: false,
      values: RELATIONSHIP_STAGES,
      valueMap: SALESFORCE_ACCOUNT_TYPES,
    },
    { field: 'renewalDate', header: 'Renewal_Date__c', kind: 'date', nullable: true },
    { field: 'contractStart', header: 'Contract_Start__c', kind: 'date', nullable: true },
    { field: 'sentiment', header: 'TAM_Sentiment__c', kind: 'enum', nullable: true, values: HEALTH_COLOURS },
    instant('sentimentSetAt', 'TAM_Sentiment_Set_At__c'),
    {
      field: 'sentimentReason',
      header: 'TAM_Sentiment_Reason__c',
      kind: 'text',
      nullable: true,
      maxLength: 2_000,
    },
    flag('atRisk', 'At_Risk__c'),
    instant('onboardingStartedAt', 'Onboarding_Started_At__c'),
    instant('onboardingCompletedAt', 'Onboarding_Completed_At__c'),
    instant('firstValueAt', 'First_Value_At__c'),
    flag('keyLogo', 'Key_Logo__c'),
    flag('caseStudy', 'Case_Study__c'),
    flag('channelInitiative', 'Channel_Initiative__c'),
    flag('triageMoreAttention', 'Triage_More_Attention__c'),
    instant('lastPriorityReviewAt', 'Last_Priority_Review_At__c'),
    flag('supportTicketsTracked', 'Support_Tickets_Tracked__c'),
  ],
  contacts: [
    id,
    liaisonId,
    accountRef,
    ...personName,
    { field: 'email', header: 'Email', kind: 'email', nullable: true },
    { field: 'title', header: 'Title', kind: 'text', nullable: true, maxLength: 200 },
    { field: 'phone', header: 'Phone', kind: 'text', nullable: true, maxLength: 50 },
    {
      field: 'stakeholderRoles',
      header: 'Stakeholder_Roles__c',
      kind: 'list',
      nullable: true,
      values: STAKEHOLDER_ROLES,
      maxItems: 6,
    },
  ],
  opportunities: [
    id,
    liaisonId,
    accountRef,
    { field: 'name', header: 'Name', kind: 'name', nullable: false, requiredOnCreate: true },
    {
      field: 'type',
      header: 'Type',
      kind: 'enum',
      nullable: false,
      values: OPPORTUNITY_TYPES,
      valueMap: SALESFORCE_OPPORTUNITY_TYPES,
    },
    {
      field: 'stage',
      header: 'StageName',
      kind: 'enum',
      nullable: false,
      values: OPPORTUNITY_STAGES,
      valueMap: SALESFORCE_STAGE_NAMES,
    },
    { field: 'amount', header: 'Amount', kind: 'number', nullable: false, min: -1e12, max: 1e12 },
    { field: 'closeDate', header: 'CloseDate', kind: 'date', nullable: false, requiredOnCreate: true },
  ],
  activities: [
    id,
    liaisonId,
    { ...accountRef, aliases: ['WhatId'] },
    {
      field: 'kind',
      header: 'Type',
      kind: 'enum',
      nullable: false,
      values: ACTIVITY_KINDS,
      valueMap: SALESFORCE_ACTIVITY_TYPES,
    },
    { field: 'summary', header: 'Subject', kind: 'name', nullable: false, requiredOnCreate: true },
    {
      field: 'occurredAt',
      header: 'ActivityDateTime',
      aliases: ['ActivityDate'],
      kind: 'instant',
      nullable: false,
      requiredOnCreate: true,
    },
    { field: 'notes', header: 'Description', kind: 'text', nullable: true, maxLength: 50_000 },
    { field: 'ownerRef', header: 'OwnerId', aliases: ['Owner.Email'], kind: 'userRef', nullable: true },
    {
      field: 'purposes',
      header: 'Purposes__c',
      kind: 'list',
      nullable: true,
      values: ACTIVITY_PURPOSES,
      maxItems: 2,
    },
  ],
  users: [
    id,
    ...personName,
    {
      field: 'email',
      header: 'Email',
      kind: 'email',
      nullable: false,
      requiredOnCreate: true,
      lowercase: true,
    },
    {
      field: 'region',
      header: 'Region__c',
      kind: 'enum',
      nullable: true,
      values: ACCOUNT_REGIONS,
      valueMap: REGION_NAMES,
    },
    { field: 'roles', header: 'Roles__c', kind: 'list', nullable: false, values: STAFF_ROLES, maxItems: 9 },
    { field: 'isActive', header: 'IsActive', kind: 'boolean', nullable: false },
  ],
};

/** The fields an import stages, in order (FirstName/LastName only feed Name). */
export function stagedFields(object: ImportObject): FieldSpec[] {
  return IMPORT_FORMATS[object].filter((spec) => spec.staged !== false);
}

/** The columns an export writes, in order. */
export function exportHeaders(object: ImportObject): string[] {
  return IMPORT_FORMATS[object].filter((spec) => spec.exported !== false).map((spec) => spec.header);
}

export function isImportObject(value: string): value is ImportObject {
  return (IMPORT_OBJECTS as readonly string[]).includes(value);
}
