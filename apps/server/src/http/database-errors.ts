import { DomainError } from '@liaison/domain';

// What PostgreSQL refuses when two requests race is the losing client's news, not a server
// failure: a 409, never a 500 (docs/security.md, "Concurrency"). The services check first
// (`ALREADY_EXISTS` with their own message) and lock in one order; this is the last resort for
// the instant between a check and a write, in one place.

const salesforceId = (what: string) => ({
  message: `Another ${what} already has this Salesforce Id.`,
  path: 'body.externalIds.salesforce',
});

/**
 * The unique constraints a request can run into, by name (apps/server/src/db/schema.ts; a unit
 * test holds every unique index of the schema to this list). Another one is a bug: a 500.
 */
export const UNIQUE_CONSTRAINTS: Record<string, { message: string; path: string }> = {
  users_email_key: { message: 'A user with this e-mail already exists.', path: 'body.email' },
  users_salesforce_id_key: salesforceId('user'),
  accounts_salesforce_id_key: salesforceId('account'),
  contacts_salesforce_id_key: salesforceId('contact'),
  opportunities_salesforce_id_key: salesforceId('opportunity'),
  activities_salesforce_id_key: salesforceId('activity'),
  // Two starts of one workflow raced; the account lock makes this rare (docs/journey.md).
  workflow_instances_active_key: {
    message: 'This workflow is already running on the account; finish or cancel it first.',
    path: 'body.kind',
  },
  workflow_steps_instance_step_key: { message: 'The workflow already has this step.', path: 'params.id' },
  artefact_versions_number_key: {
    message: 'Someone added a version of this artefact at the same time; reload it.',
    path: 'body.version',
  },
  sign_offs_step_role_key: { message: 'This step is already signed off in this role.', path: 'body.role' },
  sign_offs_artefact_role_key: {
    message: 'This version is already signed off in this role.',
    path: 'body.role',
  },
  // Writes of one activity run one after the other (the account lock); kept for a race all the same.
  tasks_action_item_key: {
    message: 'This action item already has its task; reload the activity.',
    path: 'body.actionItems',
  },
  // The customer portal (docs/portal.md): one customer user per contact and per e-mail.
  customer_users_contact_key: {
    message: 'This contact is already invited to the customer portal.',
    path: 'body.contactId',
  },
  customer_users_email_key: {
    message: 'Another customer user already signs in with this e-mail.',
    path: 'body.email',
  },
  // Collaboration projects (docs/projects.md): the account and project locks order their writes;
  // these are the last resort for the instant between a check and a write.
  projects_account_key: { message: 'The account already has its collaboration project.', path: 'params.id' },
  projects_external_key: {
    message: 'Another project already has this external id.',
    path: 'body.externalId',
  },
  project_issues_number_key: {
    message: 'Someone opened an issue at the same time; try again.',
    path: 'params.id',
  },
  project_labels_name_key: { message: 'The project already has this label.', path: 'body.labels' },
  project_milestones_title_key: {
    message: 'The project already has a milestone of this title.',
    path: 'body.title',
  },
};

const UNIQUE_VIOLATION = '23505';
/** serialization_failure and deadlock_detected: PostgreSQL cancelled one of two writers. */
const WRITERS_COLLIDED = new Set(['40001', '40P01']);

interface DatabaseFailure {
  code: string;
  constraint?: string;
}

/** The driver's error, under whatever wraps it (drizzle gives it as `cause`). */
function databaseFailure(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code === UNIQUE_VIOLATION || WRITERS_COLLIDED.has(code)))
      return current as unknown as DatabaseFailure;
    current = current.cause;
  }
  return null;
}

/**
 * The domain error a database refusal stands for, or null when it is not one a race explains
 * (then it is a bug: the handler logs it and answers 500).
 */
export function domainErrorOf(error: unknown): DomainError | null {
  const failure = databaseFailure(error);
  if (!failure) return null;
  if (failure.code === UNIQUE_VIOLATION) {
    const known = failure.constraint ? UNIQUE_CONSTRAINTS[failure.constraint] : undefined;
    if (!known) return null;
    return new DomainError('ALREADY_EXISTS', known.message, [
      { path: known.path, message: 'is already taken' },
    ]);
  }
  return new DomainError(
    'VERSION_CONFLICT',
    'Another change to the same records was being saved at the same moment, so this one was not: nothing was changed. Reload and try again.',
  );
}
