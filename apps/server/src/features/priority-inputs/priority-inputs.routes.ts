import {
  CreateEmeaParameterRequest,
  CreateInitiativeRequest,
  EmeaParameter,
  Initiative,
  UpdateEmeaParameterRequest,
  UpdateInitiativeRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { registerOwnedRecordRoutes } from '../../http/owned-record-routes.ts';

/** The dated inputs of the priority models: initiatives (US Enterprise) and EMEA parameters. */
export const priorityInputsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['priority-inputs'];
  registerOwnedRecordRoutes(app, {
    tags,
    collectionPath: '/accounts/:id/initiatives',
    itemPath: '/initiatives/:id',
    record: Initiative,
    createBody: CreateInitiativeRequest,
    updateBody: UpdateInitiativeRequest,
    service: services.initiatives,
    descriptions: {
      create:
        'Stage adoption or infrastructure change needing TAM time; counts for US Enterprise Pr1 when it overlaps the current quarter and needs more than the playbook hours per week.',
    },
  });
  registerOwnedRecordRoutes(app, {
    tags,
    collectionPath: '/accounts/:id/emea-parameters',
    itemPath: '/emea-parameters/:id',
    record: EmeaParameter,
    createBody: CreateEmeaParameterRequest,
    updateBody: UpdateEmeaParameterRequest,
    service: services.emeaParameters,
    descriptions: {
      create:
        "One of the playbook's EMEA parameters (organisational change, TAM handover, …) applying to the account; any suggests Pr1.",
    },
  });
};
