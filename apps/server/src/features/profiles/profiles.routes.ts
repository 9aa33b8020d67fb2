import {
  BusinessProfile,
  IdParams,
  TechnicalProfile,
  UpdateBusinessProfileRequest,
  UpdateTechnicalProfileRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

export const profilesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['profiles'];
  app.patch(
    '/accounts/:id/business-profile',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateBusinessProfileRequest,
        response: { 200: BusinessProfile },
      },
    },
    async (request) =>
      services.profiles.updateBusiness(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.patch(
    '/accounts/:id/technical-profile',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateTechnicalProfileRequest,
        response: { 200: TechnicalProfile },
      },
    },
    async (request) =>
      services.profiles.updateTechnical(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
};
