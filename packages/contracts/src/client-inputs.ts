import type { z } from 'zod';
import { ApiError, id, items, type RequestOptions, type Transport } from './client-transport.ts';
import {
  type CreateEmeaParameterRequest,
  type CreateInitiativeRequest,
  type DecideRequest,
  EmeaParameter,
  Initiative,
  PriorityException,
  PriorityProposal,
  type ProposePriorityRequest,
  type RequestPriorityExceptionRequest,
  type UpdateEmeaParameterRequest,
  type UpdateInitiativeRequest,
} from './priority-inputs.ts';
import {
  type CreateObjectiveRequest,
  Objective,
  type PutSuccessPlanRequest,
  SuccessPlan,
  type UpdateObjectiveRequest,
} from './success-plans.ts';
import {
  type CreateSupportTicketRequest,
  SupportTicket,
  type SupportTicketListQuery,
  type UpdateSupportTicketRequest,
} from './support-tickets.ts';

export type SupportTicketListParams = Partial<z.input<typeof SupportTicketListQuery>>;

/**
 * List / create / update / delete of a record an account owns, at the server's usual paths:
 * `/accounts/{id}/<collection>` and `/<item>/{id}` (delete takes the version read).
 */
function ownedRecords<T extends z.ZodType, Create, Update>(
  { call, callEmpty }: Transport,
  schema: T,
  collection: string,
  item: string,
) {
  return {
    list: async (accountId: string, query: Record<string, unknown> = {}, request: RequestOptions = {}) =>
      (await call(items(schema), 'GET', `/accounts/${id(accountId)}/${collection}`, { query, ...request }))
        .items,
    create: (accountId: string, body: Create, request: RequestOptions = {}) =>
      call(schema, 'POST', `/accounts/${id(accountId)}/${collection}`, { body, ...request }),
    update: (recordId: string, body: Update, request: RequestOptions = {}) =>
      call(schema, 'PATCH', `/${item}/${id(recordId)}`, { body, ...request }),
    delete: (recordId: string, version: number, request: RequestOptions = {}) =>
      callEmpty('DELETE', `/${item}/${id(recordId)}`, { query: { version }, ...request }),
  };
}

/** A resource an account has at most one of: null when it has none yet (404). */
async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The playbook's inputs an account keeps: its success plan and objectives, support tickets,
 * priority initiatives, EMEA parameters, the EMEA priority proposal and priority exceptions.
 */
export function inputsApi(transport: Transport) {
  const { call } = transport;
  return {
    successPlans: {
      get: (accountId: string, request: RequestOptions = {}) =>
        orNull(call(SuccessPlan, 'GET', `/accounts/${id(accountId)}/success-plan`, request)),
      put: (accountId: string, body: z.input<typeof PutSuccessPlanRequest>, request: RequestOptions = {}) =>
        call(SuccessPlan, 'PUT', `/accounts/${id(accountId)}/success-plan`, { body, ...request }),
    },
    objectives: ownedRecords<
      typeof Objective,
      z.input<typeof CreateObjectiveRequest>,
      z.input<typeof UpdateObjectiveRequest>
    >(transport, Objective, 'success-plan/objectives', 'objectives'),
    supportTickets: ownedRecords<
      typeof SupportTicket,
      z.input<typeof CreateSupportTicketRequest>,
      z.input<typeof UpdateSupportTicketRequest>
    >(transport, SupportTicket, 'support-tickets', 'support-tickets'),
    initiatives: ownedRecords<
      typeof Initiative,
      z.input<typeof CreateInitiativeRequest>,
      z.input<typeof UpdateInitiativeRequest>
    >(transport, Initiative, 'initiatives', 'initiatives'),
    emeaParameters: ownedRecords<
      typeof EmeaParameter,
      z.input<typeof CreateEmeaParameterRequest>,
      z.input<typeof UpdateEmeaParameterRequest>
    >(transport, EmeaParameter, 'emea-parameters', 'emea-parameters'),
    priorityProposals: {
      get: (accountId: string, request: RequestOptions = {}) =>
        orNull(call(PriorityProposal, 'GET', `/accounts/${id(accountId)}/priority-proposal`, request)),
      propose: (
        accountId: string,
        body: z.input<typeof ProposePriorityRequest>,
        request: RequestOptions = {},
      ) =>
        call(PriorityProposal, 'PUT', `/accounts/${id(accountId)}/priority-proposal`, { body, ...request }),
      /** A TAM manager approves the proposal at the version read. */
      approve: (accountId: string, version: number, request: RequestOptions = {}) =>
        call(PriorityProposal, 'POST', `/accounts/${id(accountId)}/priority-proposal/approve`, {
          body: { version },
          ...request,
        }),
    },
    priorityExceptions: {
      list: async (accountId: string, request: RequestOptions = {}) =>
        (
          await call(
            items(PriorityException),
            'GET',
            `/accounts/${id(accountId)}/priority-exceptions`,
            request,
          )
        ).items,
      request: (
        accountId: string,
        body: z.input<typeof RequestPriorityExceptionRequest>,
        request: RequestOptions = {},
      ) =>
        call(PriorityException, 'POST', `/accounts/${id(accountId)}/priority-exceptions`, {
          body,
          ...request,
        }),
      decide: (exceptionId: string, body: z.input<typeof DecideRequest>, request: RequestOptions = {}) =>
        call(PriorityException, 'POST', `/priority-exceptions/${id(exceptionId)}/decision`, {
          body,
          ...request,
        }),
    },
  };
}
