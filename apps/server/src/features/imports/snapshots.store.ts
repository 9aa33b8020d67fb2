/**
 * The presenters, in SQL: each entity's snapshot as `jsonb_build_object(…)` with exactly the keys,
 * order and value formats its presenter produces (instants as `…T…​.sssZ`, numerics as JSON
 * numbers), so history written set-based by an import reads back like history written by the
 * services. `snapshots.api.test.ts` compares both for every entity.
 */

/** `timestamptz` → `2026-03-01T09:30:00.000Z`, as `toIso` prints it. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** `numeric` → the JSON number `parseFloat` gives. */
const number = (column: string) => `(${column})::float8`;

type Fields = readonly (readonly [key: string, sql: (alias: string) => string])[];

const meta: Fields = [
  ['id', (a) => `${a}.id`],
  ['version', (a) => `${a}.version`],
  ['createdAt', (a) => iso(`${a}.created_at`)],
  ['updatedAt', (a) => iso(`${a}.updated_at`)],
];

const plain = (key: string, column: string) => [key, (a: string) => `${a}.${column}`] as const;

export const snapshotFields = {
  account: [
    ...meta,
    plain('name', 'name'),
    plain('industry', 'industry'),
    plain('segment', 'segment'),
    plain('region', 'region'),
    plain('plan', 'plan'),
    ['arr', (a) => number(`${a}.arr`)],
    plain('licensedUsers', 'licensed_users'),
    plain('activeUsers', 'active_users'),
    plain('lam', 'lam'),
    plain('stagesAdopted', 'stages_adopted'),
    plain('relationshipStage', 'relationship_stage'),
    plain('parentAccountId', 'parent_account_id'),
    plain('renewalDate', 'renewal_date'),
    plain('contractStart', 'contract_start'),
    plain('externalIds', 'external_ids'),
    plain('sentiment', 'sentiment'),
    ['sentimentSetAt', (a) => iso(`${a}.sentiment_set_at`)],
    plain('sentimentReason', 'sentiment_reason'),
    plain('atRisk', 'at_risk'),
    plain('requiresTriage', 'requires_triage'),
    ['onboardingStartedAt', (a) => iso(`${a}.onboarding_started_at`)],
    ['onboardingCompletedAt', (a) => iso(`${a}.onboarding_completed_at`)],
    ['firstValueAt', (a) => iso(`${a}.first_value_at`)],
    plain('qualifyUp', 'qualify_up'),
    ['lastPriorityReviewAt', (a) => iso(`${a}.last_priority_review_at`)],
    plain('supportTicketsTracked', 'support_tickets_tracked'),
  ],
  contact: [
    ...meta,
    plain('accountId', 'account_id'),
    plain('name', 'name'),
    plain('email', 'email'),
    plain('title', 'title'),
    plain('phone', 'phone'),
    plain('stakeholderRoles', 'stakeholder_roles'),
    plain('externalIds', 'external_ids'),
  ],
  opportunity: [
    ...meta,
    plain('accountId', 'account_id'),
    plain('name', 'name'),
    plain('type', 'type'),
    plain('stage', 'stage'),
    ['amount', (a) => number(`${a}.amount`)],
    plain('closeDate', 'close_date'),
    plain('externalIds', 'external_ids'),
  ],
  activity: [
    ...meta,
    plain('accountId', 'account_id'),
    plain('kind', 'kind'),
    ['occurredAt', (a) => iso(`${a}.occurred_at`)],
    plain('summary', 'summary'),
    plain('notes', 'notes'),
    plain('attendees', 'attendees'),
    plain('actionItems', 'action_items'),
    plain('externalIds', 'external_ids'),
    plain('createdByUserId', 'created_by_user_id'),
    plain('purposes', 'purposes'),
  ],
  // `userName` comes from the joined users row, aliased `<alias>_user`.
  team_assignment: [
    ...meta,
    plain('accountId', 'account_id'),
    plain('userId', 'user_id'),
    ['userName', (a) => `${a}_user.name`],
    plain('role', 'role'),
    ['startsAt', (a) => iso(`${a}.starts_at`)],
    ['endsAt', (a) => iso(`${a}.ends_at`)],
  ],
  user: [
    ...meta,
    plain('name', 'name'),
    plain('email', 'email'),
    plain('region', 'region'),
    plain('roles', 'roles'),
    plain('isActive', 'is_active'),
  ],
} satisfies Record<string, Fields>;

export type SnapshotEntity = keyof typeof snapshotFields;

/** The entity's snapshot built from the row aliased `alias`. */
export function snapshotSql(entity: SnapshotEntity, alias: string): string {
  return `jsonb_build_object(${snapshotFields[entity]
    .map(([key, sql]) => `'${key}', ${sql(alias)}`)
    .join(', ')})`;
}

// Bookkeeping fields the history does not diff (history.recorder.ts).
const ignoredFields = new Set(['id', 'version', 'createdAt', 'updatedAt', 'accountId', 'asOf']);

/**
 * `diffSnapshots` in SQL: `[{ field, before, after }]` for each field that differs, in the
 * presenter's key order; `before` may be null (a create). One CASE per field and a JSON-path
 * filter of the nulls: no per-row unnest and aggregate.
 */
export function changesSql(entity: SnapshotEntity, before: string, after: string): string {
  const value = (snapshot: string, key: string) => `coalesce(${snapshot} -> '${key}', 'null'::jsonb)`;
  const changes = snapshotFields[entity]
    .map(([key]) => key)
    .filter((key) => !ignoredFields.has(key))
    .map(
      (key) =>
        `CASE WHEN ${value(before, key)} IS DISTINCT FROM ${value(after, key)} THEN jsonb_build_object('field', '${key}', 'before', ${value(before, key)}, 'after', ${value(after, key)}) END`,
    );
  return `jsonb_path_query_array(jsonb_build_array(${changes.join(', ')}), '$[*] ? (@ != null)')`;
}
