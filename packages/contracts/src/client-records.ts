import type { z } from 'zod';
import {
  Activity,
  type ActivityListQuery,
  type CreateActivityRequest,
  type UpdateActivityRequest,
} from './activities.ts';
import { id, items, paginate, type RequestOptions, type Transport } from './client-transport.ts';
import { page } from './common.ts';
import { Contact, type CreateContactRequest, type UpdateContactRequest } from './contacts.ts';
import {
  type CreateOpportunityRequest,
  Opportunity,
  type UpdateOpportunityRequest,
} from './opportunities.ts';
import {
  type CreateTeamAssignmentRequest,
  TeamAssignment,
  type UpdateTeamAssignmentRequest,
} from './team.ts';

/** Query types as callers write them: defaults optional, everything as its JSON type. */
export type ActivityListParams = Partial<z.input<typeof ActivityListQuery>>;
export type TeamParams = { at?: string | undefined; all?: boolean | undefined };

const activityPage = page(Activity);

/** What an account owns: its team, contacts, opportunities and activities (the timeline). */
export function recordsApi({ call, callEmpty }: Transport) {
  return {
    team: {
      /** Who is on the team now, at `at`, or with `all` every assignment past and present. */
      list: async (accountId: string, query: TeamParams = {}, request: RequestOptions = {}) =>
        (await call(items(TeamAssignment), 'GET', `/accounts/${id(accountId)}/team`, { query, ...request }))
          .items,
      assign: (
        accountId: string,
        body: z.input<typeof CreateTeamAssignmentRequest>,
        request: RequestOptions = {},
      ) => call(TeamAssignment, 'POST', `/accounts/${id(accountId)}/team`, { body, ...request }),
      update: (
        assignmentId: string,
        body: z.input<typeof UpdateTeamAssignmentRequest>,
        request: RequestOptions = {},
      ) => call(TeamAssignment, 'PATCH', `/team-assignments/${id(assignmentId)}`, { body, ...request }),
      delete: (assignmentId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/team-assignments/${id(assignmentId)}`, { query: { version }, ...request }),
    },
    contacts: {
      list: async (accountId: string, request: RequestOptions = {}) =>
        (await call(items(Contact), 'GET', `/accounts/${id(accountId)}/contacts`, request)).items,
      create: (accountId: string, body: z.input<typeof CreateContactRequest>, request: RequestOptions = {}) =>
        call(Contact, 'POST', `/accounts/${id(accountId)}/contacts`, { body, ...request }),
      update: (contactId: string, body: z.input<typeof UpdateContactRequest>, request: RequestOptions = {}) =>
        call(Contact, 'PATCH', `/contacts/${id(contactId)}`, { body, ...request }),
      delete: (contactId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/contacts/${id(contactId)}`, { query: { version }, ...request }),
    },
    opportunities: {
      list: async (accountId: string, request: RequestOptions = {}) =>
        (await call(items(Opportunity), 'GET', `/accounts/${id(accountId)}/opportunities`, request)).items,
      get: (opportunityId: string, request: RequestOptions = {}) =>
        call(Opportunity, 'GET', `/opportunities/${id(opportunityId)}`, request),
      create: (
        accountId: string,
        body: z.input<typeof CreateOpportunityRequest>,
        request: RequestOptions = {},
      ) => call(Opportunity, 'POST', `/accounts/${id(accountId)}/opportunities`, { body, ...request }),
      update: (
        opportunityId: string,
        body: z.input<typeof UpdateOpportunityRequest>,
        request: RequestOptions = {},
      ) => call(Opportunity, 'PATCH', `/opportunities/${id(opportunityId)}`, { body, ...request }),
      delete: (opportunityId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/opportunities/${id(opportunityId)}`, { query: { version }, ...request }),
    },
    activities: {
      /** The account timeline, newest first. */
      list: (accountId: string, query: ActivityListParams = {}, request: RequestOptions = {}) =>
        call(activityPage, 'GET', `/accounts/${id(accountId)}/activities`, { query, ...request }),
      iterate: (
        accountId: string,
        query: Omit<ActivityListParams, 'cursor'> = {},
        request: RequestOptions = {},
      ) =>
        paginate((cursor) =>
          call(activityPage, 'GET', `/accounts/${id(accountId)}/activities`, {
            query: { ...query, cursor },
            ...request,
          }),
        ),
      get: (activityId: string, request: RequestOptions = {}) =>
        call(Activity, 'GET', `/activities/${id(activityId)}`, request),
      create: (
        accountId: string,
        body: z.input<typeof CreateActivityRequest>,
        request: RequestOptions = {},
      ) => call(Activity, 'POST', `/accounts/${id(accountId)}/activities`, { body, ...request }),
      update: (
        activityId: string,
        body: z.input<typeof UpdateActivityRequest>,
        request: RequestOptions = {},
      ) => call(Activity, 'PATCH', `/activities/${id(activityId)}`, { body, ...request }),
      delete: (activityId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/activities/${id(activityId)}`, { query: { version }, ...request }),
    },
  };
}
