import { CalendarFeedStatus, CreatedCalendarFeed, IdParams } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { type ApiRateLimit, feedRateLimit } from '../../http/api-rate-limit.ts';

// Any string: whatever its shape, what is not a live feed's token is the same 404 (only what no
// path may carry — over 100 characters, a NUL — is refused before, as on every route).
const FeedParams = z.object({ token: z.string() });

/** Per-person calendar feeds (docs/calendar.md). */
export const calendarRoutes: FastifyPluginAsyncZod<{ services: Services; rateLimit: ApiRateLimit }> = async (
  app,
  { services, rateLimit },
) => {
  const tags = ['calendar'];
  const calendar = services.calendar;

  app.get(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        description:
          'Whether the caller has a calendar feed, when it was made and last read (never its URL).',
        response: { 200: CalendarFeedStatus },
      },
    },
    async (request) => calendar.status(request.context()),
  );
  app.post(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        description:
          'Makes the caller’s calendar feed, or rotates it: the old URL stops working at once. The URL holds the secret and is shown this once; only its hash is stored.',
        response: { 201: CreatedCalendarFeed },
      },
    },
    async (request, reply) => {
      // The address the caller reached: behind a trusted proxy, the host and scheme it names.
      const origin = `${request.protocol}://${request.host}`;
      const created = await calendar.create(
        request.context(),
        (token) => `${origin}/api/v1/calendar/feeds/${token}.ics`,
      );
      return reply.status(201).send(created);
    },
  );
  app.delete(
    '/me/calendar-feed',
    {
      schema: {
        tags,
        description: 'Revokes the caller’s calendar feed: its URL answers 404 from now on.',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await calendar.revoke(request.context());
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/users/:id/calendar-feed',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'Admins: revokes someone’s calendar feed.',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await calendar.revokeOf(request.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/calendar/feeds/:token.ics',
    {
      schema: {
        tags,
        summary: 'A person’s calendar feed (iCalendar), for Google Calendar, Outlook and the like',
        description:
          'Public: the token in the URL is the credential (no cookie, no Authorization). All-day events for the obligations, renewals, journey steps and tasks due from 30 days back to 180 days ahead, as the person would see them. Unknown, rotated or revoked tokens and deactivated people: 404. Rate limited per client address.',
        params: FeedParams,
        produces: ['text/calendar'],
        response: { 200: z.unknown().describe('text/calendar') },
      },
      config: { public: true, rateLimit: feedRateLimit(rateLimit) },
    },
    async (request, reply) => {
      const text = await calendar.feed(request.params.token, {
        now: request.now,
        requestId: request.id,
        origin: `${request.protocol}://${request.host}`,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="liaison.ics"')
        .send(text);
    },
  );
};
