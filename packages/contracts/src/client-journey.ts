import type { z } from 'zod';
import { id, type RequestOptions, type Transport } from './client-transport.ts';
import {
  AccountJourney,
  type AddArtefactVersionRequest,
  Artefact,
  type CancelWorkflowRequest,
  type CreateArtefactRequest,
  type CreateStepCommentRequest,
  DisengagementSummary,
  JourneyOverview,
  type JourneyOverviewQuery,
  type SignOffRequest,
  type StartWorkflowRequest,
  type StepListQuery,
  stepPage,
  type UpdateStepRequest,
  Workflow,
  WorkflowStep,
  WorkflowTemplates,
} from './journey.ts';

export type StepListParams = Partial<z.input<typeof StepListQuery>>;
export type JourneyOverviewParams = z.input<typeof JourneyOverviewQuery>;

/** The customer journey: workflows on an account, their steps, artefacts and sign-offs. */
export function journeyApi({ call, root }: Transport) {
  return {
    /** Every workflow of the account, running first; `asOf` gives it as it was then. */
    get: (accountId: string, query: { asOf?: string } = {}, request: RequestOptions = {}) =>
      call(AccountJourney, 'GET', `/accounts/${id(accountId)}/journey`, { query, ...request }),
    start: (accountId: string, body: z.input<typeof StartWorkflowRequest>, request: RequestOptions = {}) =>
      call(Workflow, 'POST', `/accounts/${id(accountId)}/workflows`, { body, ...request }),
    workflow: (workflowId: string, request: RequestOptions = {}) =>
      call(Workflow, 'GET', `/workflows/${id(workflowId)}`, request),
    cancel: (workflowId: string, body: z.input<typeof CancelWorkflowRequest>, request: RequestOptions = {}) =>
      call(Workflow, 'POST', `/workflows/${id(workflowId)}/cancel`, { body, ...request }),
    /** The disengagement's follow-up summary, generated from the account (Markdown). */
    summary: (workflowId: string, request: RequestOptions = {}) =>
      call(DisengagementSummary, 'GET', `/workflows/${id(workflowId)}/summary`, request),
    step: (stepId: string, request: RequestOptions = {}) =>
      call(WorkflowStep, 'GET', `/workflow-steps/${id(stepId)}`, request),
    /** Advance, skip (with a reason), fill in the form, link the meeting; answers the whole workflow. */
    updateStep: (stepId: string, body: z.input<typeof UpdateStepRequest>, request: RequestOptions = {}) =>
      call(Workflow, 'PATCH', `/workflow-steps/${id(stepId)}`, { body, ...request }),
    comment: (stepId: string, body: z.input<typeof CreateStepCommentRequest>, request: RequestOptions = {}) =>
      call(WorkflowStep, 'POST', `/workflow-steps/${id(stepId)}/comments`, { body, ...request }),
    signOffStep: (stepId: string, body: z.input<typeof SignOffRequest>, request: RequestOptions = {}) =>
      call(WorkflowStep, 'POST', `/workflow-steps/${id(stepId)}/sign-offs`, { body, ...request }),
    /** Steps across accounts: `responsible: 'me'` is the caller's journey work. */
    steps: (query: StepListParams = {}, request: RequestOptions = {}) =>
      call(stepPage, 'GET', '/workflow-steps', { query, ...request }),
    /** The workflow templates in force: steps, RACI, stages, outputs, start and due rules, sign-offs. */
    templates: (request: RequestOptions = {}) =>
      call(WorkflowTemplates, 'GET', '/workflow-templates', request),
    overview: (query: JourneyOverviewParams = {}, request: RequestOptions = {}) =>
      call(JourneyOverview, 'GET', '/journey/overview', { query, ...request }),
    artefacts: {
      create: (
        accountId: string,
        body: z.input<typeof CreateArtefactRequest>,
        request: RequestOptions = {},
      ) => call(Artefact, 'POST', `/accounts/${id(accountId)}/artefacts`, { body, ...request }),
      get: (artefactId: string, request: RequestOptions = {}) =>
        call(Artefact, 'GET', `/artefacts/${id(artefactId)}`, request),
      addVersion: (
        artefactId: string,
        body: z.input<typeof AddArtefactVersionRequest>,
        request: RequestOptions = {},
      ) => call(Artefact, 'POST', `/artefacts/${id(artefactId)}/versions`, { body, ...request }),
      signOff: (artefactId: string, body: z.input<typeof SignOffRequest>, request: RequestOptions = {}) =>
        call(Artefact, 'POST', `/artefacts/${id(artefactId)}/sign-offs`, { body, ...request }),
      /** Where a version's uploaded file is downloaded (with the session cookie or token). */
      fileUrl: (artefactId: string, number: number) =>
        `${root}/artefacts/${id(artefactId)}/versions/${number}/file`,
    },
  };
}
