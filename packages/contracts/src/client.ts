import { accountsApi } from './client-accounts.ts';
import { assessmentsApi, playbookApi } from './client-assessments.ts';
import { authApi, usersApi } from './client-auth.ts';
import { calendarApi } from './client-calendar.ts';
import { homesApi } from './client-homes.ts';
import { inputsApi } from './client-inputs.ts';
import { journeyApi } from './client-journey.ts';
import { mailApi } from './client-mail.ts';
import { meetingsApi } from './client-meetings.ts';
import { notificationsApi } from './client-notifications.ts';
import { customerUsersApi, portalApi } from './client-portal.ts';
import { projectsApi } from './client-projects.ts';
import { recordsApi } from './client-records.ts';
import { statusApi } from './client-status.ts';
import { tasksApi } from './client-tasks.ts';
import { type ApiClientOptions, createTransport } from './client-transport.ts';
import { webhooksApi } from './client-webhooks.ts';

/**
 * A small typed client of the Liaison HTTP API (`/api/v1`) over the global `fetch`, shared by the
 * CLI and the web app. Responses are parsed with the contracts' schemas; every failure is an
 * `ApiError` carrying the server's `{ error: { code, message, details, requestId } }`.
 *
 * The transport (requests, errors, session) is in `client-transport.ts`; each area's methods are
 * in `client-accounts.ts`, `client-records.ts` (team, contacts, opportunities, activities),
 * `client-assessments.ts` (assessments and playbook), `client-inputs.ts` (the playbook's inputs:
 * success plans, tickets, initiatives, EMEA parameters and proposals, exceptions) and
 * `client-auth.ts` (auth and users), `client-calendar.ts` (the caller's calendar feed).
 * `client-auth.ts` (auth and users), `client-webhooks.ts` (outbound webhooks), `client-portal.ts`
 * (an account's customer users, and the customer portal's own API).
 */

export type { AccountListParams, DiffParams, HistoryParams } from './client-accounts.ts';
export {
  type AssessmentParams,
  type OwnerParams,
  type PlaybookCandidateBody,
  type PlaybookValidationResult,
  PlaybookVersionSummary,
  type ReassessParams,
  type ReassessSlice,
} from './client-assessments.ts';
export type { UserListParams } from './client-auth.ts';
export type { HomeParams } from './client-homes.ts';
export type { SupportTicketListParams } from './client-inputs.ts';
export type { JourneyOverviewParams, StepListParams } from './client-journey.ts';
export type { MailOutboxParams } from './client-mail.ts';
export type { NotificationListParams } from './client-notifications.ts';
export type { PortalIssueState } from './client-portal.ts';
export type { IssueListParams } from './client-projects.ts';
export type { ActivityListParams, TeamParams } from './client-records.ts';
export type { TaskListParams } from './client-tasks.ts';
export {
  type ApiClientOptions,
  ApiError,
  type ApiErrorDetail,
  type ClientErrorCode,
  type RequestOptions,
} from './client-transport.ts';
export type { WebhookDeliveryListParams } from './client-webhooks.ts';

export function createApiClient(options: ApiClientOptions) {
  const transport = createTransport(options);
  const { team, contacts, opportunities, activities } = recordsApi(transport);
  return {
    /** The API root every path is relative to, e.g. `http://localhost:3000/api/v1`. */
    root: transport.root,
    auth: authApi(transport),
    calendar: calendarApi(transport),
    status: statusApi(transport),
    users: usersApi(transport),
    accounts: accountsApi(transport),
    team,
    contacts,
    opportunities,
    activities,
    assessments: assessmentsApi(transport),
    playbook: playbookApi(transport),
    journey: journeyApi(transport),
    tasks: tasksApi(transport),
    home: homesApi(transport),
    meetings: meetingsApi(transport),
    mail: mailApi(transport),
    webhooks: webhooksApi(transport),
    notifications: notificationsApi(transport),
    projects: projectsApi(transport),
    customerUsers: customerUsersApi(transport),
    portal: portalApi(transport),
    ...inputsApi(transport),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
