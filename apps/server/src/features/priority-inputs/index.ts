export { createEmeaParametersService } from './emea-parameters.service.ts';
export { createInitiativesService } from './initiatives.service.ts';
export { priorityApprovalsRoutes } from './priority-approvals.routes.ts';
export type { PriorityExceptionRow, PriorityProposalRow } from './priority-approvals.store.ts';
export { createPriorityExceptionsService } from './priority-exceptions.service.ts';
export {
  presentEmeaParameter,
  presentInitiative,
  presentPriorityException,
  presentPriorityProposal,
} from './priority-inputs.presenter.ts';
export { priorityInputsRoutes } from './priority-inputs.routes.ts';
export type { EmeaParameterRow, InitiativeRow } from './priority-inputs.store.ts';
export { createPriorityProposalsService } from './priority-proposals.service.ts';
