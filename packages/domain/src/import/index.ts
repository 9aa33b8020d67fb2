export type { DateFormat } from './cell-values.ts';
export {
  CellProblem,
  CLEAR,
  compileDateFormat,
  isUuid,
  normaliseWord,
  parseBoolean,
  parseDate,
  parseEmail,
  parseInstant,
  parseInteger,
  parseNumber,
  splitList,
} from './cell-values.ts';
export { formatExportValue, protectFormula } from './export-cells.ts';
export { headerProblems, IMPORT_LIMITS } from './import-limits.ts';
export type {
  ColumnPlan,
  IgnoredColumn,
  ImportMapping,
  ImportPlan,
  ImportVocabulary,
} from './import-mapping.ts';
export { ImportMappingSchema, parseImportMapping, planImport } from './import-mapping.ts';
export type { FieldKind, FieldSpec, ImportObject } from './import-objects.ts';
export {
  exportHeaders,
  IMPORT_FORMATS,
  IMPORT_OBJECTS,
  isImportObject,
  SALESFORCE_ACCOUNT_TYPES,
  SALESFORCE_ACTIVITY_TYPES,
  SALESFORCE_OPPORTUNITY_TYPES,
  SALESFORCE_STAGE_NAMES,
  STAFF_ROLES,
  STAKEHOLDER_ROLES,
  stagedFields,
} from './import-objects.ts';
export type { SalesforceIdResult } from './salesforce-id.ts';
export { isSalesforceId, parseSalesforceId, restoreCase, salesforceChecksum } from './salesforce-id.ts';
export type { RowProblem, ValidatedRow } from './validate-row.ts';
export { splitName, validateRow } from './validate-row.ts';
