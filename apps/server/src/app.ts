import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createServices, type MailOptions, type Services } from './composition.ts';
import type { Database } from './db/client.ts';
import { readDemoCustomerLogins, readDemoLogins } from './demo/demo-logins.read-model.ts';
import { accountsRoutes } from './features/accounts/index.ts';
import { activitiesRoutes } from './features/activities/index.ts';
import { assessmentsRoutes } from './features/assessments/index.ts';
import { authRoutes, type SignInLimits } from './features/auth/index.ts';
import { calendarRoutes } from './features/calendar/index.ts';
import { contactsRoutes } from './features/contacts/index.ts';
import { exportsRoutes } from './features/exports/index.ts';
import { historyRoutes } from './features/history/index.ts';
import { homesRoutes } from './features/homes/index.ts';
import { type ImportRetries, importsRoutes } from './features/imports/index.ts';
import { artefactsRoutes, journeyRoutes } from './features/journey/index.ts';
import { mailRoutes } from './features/mail/index.ts';
import { meetingsRoutes } from './features/meetings/index.ts';
import { type MailQueue, notificationsRoutes } from './features/notifications/index.ts';
import { opportunitiesRoutes } from './features/opportunities/index.ts';
import { playbookRoutes } from './features/playbook/index.ts';
import { customerUsersRoutes, portalProjectsRoutes, portalRoutes } from './features/portal/index.ts';
import { priorityApprovalsRoutes, priorityInputsRoutes } from './features/priority-inputs/index.ts';
import { profilesRoutes } from './features/profiles/index.ts';
import { projectsRoutes } from './features/projects/index.ts';
import { statusRoutes } from './features/status/index.ts';
import { successPlansRoutes } from './features/success-plans/index.ts';
import { supportTicketsRoutes } from './features/support-tickets/index.ts';
import { tasksRoutes } from './features/tasks/index.ts';
import { teamRoutes } from './features/team/index.ts';
import { usersRoutes } from './features/users/index.ts';
import { webhooksRoutes } from './features/webhooks/index.ts';
import {
  type ApiRateLimit,
  defaultApiRateLimit,
  defaultFeedRateLimit,
  registerApiRateLimit,
} from './http/api-rate-limit.ts';
import { DOCS_PREFIX, isPublicRoute, registerAuthentication } from './http/authentication.ts';
import { registerErrorHandling, routerErrors } from './http/error-handler.ts';
import { registerJsonParser, validatorCompiler } from './http/request-validation.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { createBackgroundWork } from './kernel/background-work.ts';
import type { Catalog } from './kernel/catalog.ts';

export interface AppOptions {
  db: Database;
  clock?: () => Date;
  logLevel?: string;
  sessionHours?: number;
  secureCookies?: boolean;
  catalog?: () => Catalog;
  /** A demo server: `GET /api/v1/demo-info` lists the demo logins for the sign-in page. */
  demo?: boolean;
  /** The built web app (default `apps/web/dist`); `/` serves it, other non-API pages fall back to its index.html. */
  webRoot?: string;
  /** Which proxies to believe about the client's address and host (`LIAISON_TRUST_PROXY`). */
  trustProxy?: TrustProxy;
  /** Requests per window per API token (docs/security.md, Throttling). */
  apiRateLimit?: ApiRateLimit;
  /** Calendar feed requests per window per client address (docs/calendar.md). */
  feedRateLimit?: ApiRateLimit;
  signInLimits?: SignInLimits;
  /** E-mail (docs/mail.md): no SMTP server, messages are held in the outbox for admins to read. */
  mail?: MailOptions;
  /** Tests: record the notifications' e-mail instead of queueing it in the outbox. */
  mailQueue?: MailQueue;
  /** How often an import whose run failed (not its file) is tried again (default: 2 retries). */
  importRetries?: ImportRetries;
  /** LIAISON_VENDOR_NAME: whose customer portal this is (docs/portal.md). */
  vendorName?: string;
  /** LIAISON_SUPPORT_URL: the vendor's support portal, offered for support problems (docs/portal.md). */
  supportUrl?: string | null;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const webNotBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Liaison</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>Liaison</h1><p>The web app is not built yet. Run <code>npm run build</code> in the repository, then reload.
The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** `true`, `false`, how many proxies stand in front (hops), or which addresses/CIDRs are proxies. */
export type TrustProxy = boolean | number | string[];

function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

export interface App {
  http: FastifyInstance;
  /** The instant every request is judged at (tests move it); background work uses it too. */
  clock: () => Date;
  services: Services;
  /** Every route registered, as `METHOD /path` (the OpenAPI test checks each is documented). */
  routes: string[];
  /**
   * The routes declared public (`config: { public: true }`, and the docs pages), as `METHOD /path`:
   * the anonymous sweep test expects 401 from every other route, so a new route is private
   * unless it says otherwise.
   */
  publicRoutes: string[];
}

/** Builds the HTTP application without listening: the server and the API tests both use it. */
export async function buildApp(options: AppOptions): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const http = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 5 * 1024 * 1024,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    frameworkErrors: routerErrors,
  });
  const services = createServices(options.db, {
    sessionHours: options.sessionHours ?? 24 * 14,
    ...(options.mail ? { mail: options.mail } : {}),
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
    ...(options.catalog ? { catalog: options.catalog } : {}),
    background: createBackgroundWork(http.log, clock),
    clock,
    ...(options.mailQueue ? { mailQueue: options.mailQueue } : {}),
    ...(options.importRetries ? { importRetries: options.importRetries } : {}),
    ...(options.vendorName ? { vendorName: options.vendorName } : {}),
    ...(options.supportUrl ? { supportUrl: options.supportUrl } : {}),
  });
  // Shutdown waits for background work in flight (docs/architecture.md, "Background work").
  http.addHook('onClose', async () => {
    await services.background.drain();
    // Jobs running here finish (or are failed, to be retried elsewhere) before the pool closes.
    await services.queue.stop();
  });
  // Load the playbook in force before serving, so vocabularies are checked against it.
  await services.playbookProvider.active(options.db);
  const routes: string[] = [];
  const publicRoutes: string[] = [];
  http.addHook('onRoute', (route) => {
    const isPublic = isPublicRoute(route.url, route.config);
    for (const method of [route.method].flat()) {
      routes.push(`${method} ${route.url}`);
      if (isPublic) publicRoutes.push(`${method} ${route.url}`);
    }
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  http.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerErrorHandling(http);
  // Before authentication: a refused request carries the security headers too.
  await registerSecurityHeaders(http, { secure: options.secureCookies ?? false });
  await registerApiRateLimit(http, options.apiRateLimit ?? defaultApiRateLimit);
  registerJsonParser(http);

  await http.register(cookie);
  await http.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Liaison API',
        version: '1',
        description:
          'Technical Account Management: the customer record with its full history. Authenticate with a session cookie (POST /api/v1/auth/login) or `Authorization: Bearer <API token>`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          portalSessionCookie: { type: 'apiKey', in: 'cookie', name: 'liaison_portal' },
        },
      },
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await http.register(swaggerUi, { routePrefix: DOCS_PREFIX });

  registerAuthentication(http, services.auth, services.portalAuth, clock);

  http.get('/healthz', { schema: { hide: true }, config: { public: true } }, async () => ({ status: 'ok' }));

  // The web app: files from its build, and index.html for any other page (client-side routes).
  // API paths keep the JSON 404.
  const webRoot = resolve(options.webRoot ?? defaultWebRoot);
  await http.register(fastifyStatic, { root: webRoot, serve: false, cacheControl: false });
  http.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0]!);
    } catch {
      return reply.callNotFound();
    }
    if (path.startsWith('/api/')) return reply.callNotFound();
    const file = resolve(join(webRoot, path));
    if (file.startsWith(webRoot + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return reply
        .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(file.slice(webRoot.length + 1));
    }
    if (path !== '/' && !String(request.headers.accept ?? '').includes('text/html'))
      return reply.callNotFound();
    if (!existsSync(join(webRoot, 'index.html'))) return reply.type('text/html').send(webNotBuilt);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  http.get('/api/v1/openapi.json', { schema: { hide: true }, config: { public: true } }, async () =>
    http.swagger(),
  );

  await http.register(
    async (api) => {
      api.get(
        '/health',
        {
          schema: { tags: ['meta'], response: { 200: z.object({ status: z.literal('ok') }) } },
          config: { public: true },
        },
        async () => ({ status: 'ok' as const }),
      );
      api.get(
        '/demo-info',
        {
          config: { public: true },
          schema: {
            tags: ['meta'],
            description: 'Public: whether this server runs the demo, and its logins (for the sign-in page).',
            response: {
              200: z.object({
                demo: z.boolean(),
                logins: z.array(
                  z.object({
                    email: z.string(),
                    name: z.string(),
                    password: z.string(),
                    roles: z.array(z.string()),
                  }),
                ),
                customerLogins: z
                  .array(
                    z.object({
                      email: z.string(),
                      name: z.string(),
                      accountName: z.string(),
                      password: z.string(),
                    }),
                  )
                  .describe('The demo customers who sign in to the customer portal (/portal).'),
              }),
            },
          },
        },
        async () => {
          if (!options.demo) return { demo: false, logins: [], customerLogins: [] };
          return {
            demo: true,
            logins: await readDemoLogins(options.db),
            customerLogins: await readDemoCustomerLogins(options.db),
          };
        },
      );
      await api.register(authRoutes, {
        services,
        secureCookies: options.secureCookies ?? false,
      });
      await api.register(usersRoutes, { services });
      await api.register(calendarRoutes, {
        services,
        rateLimit: options.feedRateLimit ?? defaultFeedRateLimit,
      });
      await api.register(accountsRoutes, { services, db: options.db });
      await api.register(profilesRoutes, { services });
      await api.register(contactsRoutes, { services });
      await api.register(teamRoutes, { services });
      await api.register(opportunitiesRoutes, { services });
      await api.register(activitiesRoutes, { services });
      await api.register(successPlansRoutes, { services });
      await api.register(supportTicketsRoutes, { services });
      await api.register(journeyRoutes, { services });
      await api.register(artefactsRoutes, { services });
      await api.register(projectsRoutes, { services });
      await api.register(tasksRoutes, { services });
      await api.register(homesRoutes, { services });
      await api.register(meetingsRoutes, { services });
      await api.register(notificationsRoutes, { services });
      await api.register(priorityInputsRoutes, { services });
      await api.register(priorityApprovalsRoutes, { services });
      await api.register(historyRoutes, { db: options.db });
      await api.register(assessmentsRoutes, { services });
      await api.register(playbookRoutes, { services });
      await api.register(importsRoutes, { services });
      await api.register(exportsRoutes, { services });
      await api.register(statusRoutes, { services });
      await api.register(mailRoutes, { services });
      await api.register(webhooksRoutes, { services });
      await api.register(customerUsersRoutes, { services });
      // The customer portal: its own sessions and CSRF token (http/portal-authentication.ts).
      await api.register(portalRoutes, { services, secureCookies: options.secureCookies ?? false });
      await api.register(portalProjectsRoutes, { services });
    },
    { prefix: '/api/v1' },
  );
  return { http, services, routes, publicRoutes, clock };
}
