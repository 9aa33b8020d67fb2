import { defaultPlaybook } from '@liaison/domain';
import { DEFAULT_MAIL_FROM, DEFAULT_VENDOR_NAME } from './config.ts';
import { type Database, poolOf } from './db/client.ts';
import { createAccountsService } from './features/accounts/index.ts';
import { createActivitiesService } from './features/activities/index.ts';
import {
  assessmentsJobs,
  createAssessmentsService,
  createPortfolioService,
} from './features/assessments/index.ts';
import { createAuthService, type SignInLimits } from './features/auth/index.ts';
import { createCalendarService } from './features/calendar/index.ts';
import { createContactsService } from './features/contacts/index.ts';
import { createExportsService } from './features/exports/index.ts';
import { createHomesService } from './features/homes/index.ts';
import { createImportsService, type ImportRetries } from './features/imports/index.ts';
import {
  createArtefactsService,
  createJourneyHooks,
  createJourneyService,
} from './features/journey/index.ts';
import { createMailService, type MailOptions } from './features/mail/index.ts';
import { createMeetingsService } from './features/meetings/index.ts';
import {
  createDailyDigest,
  createNotificationConsumer,
  createNotificationsService,
  type MailQueue,
  notificationsJobs,
} from './features/notifications/index.ts';
import { createOpportunitiesService } from './features/opportunities/index.ts';
import { createPlaybookProvider, createPlaybookService } from './features/playbook/index.ts';
import {
  createCustomerUsersService,
  createPortalAuthService,
  createReplyMailer,
} from './features/portal/index.ts';
import {
  createEmeaParametersService,
  createInitiativesService,
  createPriorityExceptionsService,
  createPriorityProposalsService,
} from './features/priority-inputs/index.ts';
import { createProfilesService } from './features/profiles/index.ts';
import {
  createIssuesService,
  createPortalProjectsService,
  createProjectsService,
  createWaitingService,
} from './features/projects/index.ts';
import { createStatusService } from './features/status/index.ts';
import { createSuccessPlansService } from './features/success-plans/index.ts';
import { createSupportTicketsService } from './features/support-tickets/index.ts';
import { createTasksService, syncActionItemTasks } from './features/tasks/index.ts';
import { createTeamService } from './features/team/index.ts';
import { createUsersService } from './features/users/index.ts';
import { createWebhooksService, deliveryJob, webhooksConsumer } from './features/webhooks/index.ts';
import type { AccountChangedHook } from './kernel/account-access.ts';
import { type BackgroundWork, consoleBackgroundLog, createBackgroundWork } from './kernel/background-work.ts';
import type { Catalog } from './kernel/catalog.ts';
import { createEventDispatcher, type EventConsumer, eventsJobs } from './kernel/events.ts';
import { createJobQueue, type JobDefinition } from './kernel/job-queue.ts';

export type { MailOptions };

/** No SMTP server and the default sender: every message is held in the outbox (docs/mail.md). */
const defaultMail: MailOptions = { from: DEFAULT_MAIL_FROM, publicUrl: 'http://localhost:3000' };

/** A customer's portal session lasts a week (docs/portal.md); staff sessions follow LIAISON_SESSION_HOURS. */
const PORTAL_SESSION_HOURS = 24 * 7;

/** The vocabularies of the built-in playbook. */
export const defaultCatalog: Catalog = { plans: defaultPlaybook.plans, stages: defaultPlaybook.stages };

/** Wires every feature's service to the database; no container, just functions. */
export function createServices(
  db: Database,
  options: {
    sessionHours: number;
    signInLimits?: SignInLimits;
    catalog?: () => Catalog;
    onAccountChanged?: AccountChangedHook;
    /** Where work outside requests runs, is logged and is awaited at shutdown. */
    background?: BackgroundWork;
    /** The instant jobs judge at (the app's clock; tests move it). */
    clock?: () => Date;
    /** SMTP_URL, MAIL_FROM, LIAISON_PUBLIC_URL (config.ts). */
    mail?: MailOptions;
    /** Tests: where the notifications' e-mail goes instead of the outbox. */
    mailQueue?: MailQueue;
    importRetries?: ImportRetries;
    /** LIAISON_VENDOR_NAME: whose customer portal this is (docs/portal.md). */
    vendorName?: string;
    supportUrl?: string;
  },
) {
  const background = options.background ?? createBackgroundWork(consoleBackgroundLog);
  const clock = options.clock ?? (() => new Date());
  // Jobs live in PostgreSQL (decision 0009): any server sends, the working ones run them.
  const queue = createJobQueue(poolOf(db));
  const consumers: EventConsumer[] = [];
  const events = createEventDispatcher(db, () => consumers);
  const playbookProvider = createPlaybookProvider();
  const assessments = createAssessmentsService(db, playbookProvider, { background, queue });
  // Plans and stages follow the playbook in force; a test may pin its own vocabulary.
  const catalog = options.catalog ?? playbookProvider.catalog;
  // Every write that can change an input reassesses its account in the same transaction.
  const onAccountChanged = options.onAccountChanged ?? assessments.onAccountChanged;
  // EMEA parameter ids and exception approver roles follow the playbook in force.
  const latestPlaybook = () => playbookProvider.latest().playbook;
  const journeyHooks = createJourneyHooks(playbookProvider);
  const auth = createAuthService(db, {
    sessionHours: options.sessionHours,
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
  });
  const portfolio = createPortfolioService(db, assessments, playbookProvider);
  const journey = createJourneyService(db, { playbook: playbookProvider, onAccountChanged });
  // Collaboration projects (docs/projects.md): closed-won moves a project to post-sales, and a
  // customer's waiting post is on the answering person's list.
  const projects = createProjectsService(db, { playbook: playbookProvider });
  const customerWaiting = createWaitingService(db, { playbook: playbookProvider });
  // The task list reads the steps a person owes and their worklist where they live.
  const tasks = createTasksService(db, {
    openSteps: async (context, userId, accountId) => {
      const steps = [];
      let cursor: string | undefined;
      do {
        const page = await journey.steps(context, {
          responsible: userId,
          accountId,
          open: true,
          limit: 100,
          cursor,
        });
        steps.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return steps;
    },
    worklist: (context, userId) => portfolio.worklist(context, userId),
    projectWork: (context, userId, accountId) => customerWaiting.openWork(context, userId, accountId),
  });
  // A calendar feed lists a person's dated open work, read where it lives: their task list (tasks
  // and journey steps) and their book's obligations and renewals (docs/calendar.md).
  const calendar = createCalendarService(db, {
    openWork: async (context, userId, window) => {
      const items = [];
      let cursor: string | undefined;
      // Bounded: a feed of more than 2,000 tasks in its window is not one anybody reads.
      for (let pages = 0; pages < 20; pages++) {
        const page = await tasks.list(
          context,
          { owner: userId, status: 'open', dueAfter: window.from, dueBefore: window.to, limit: 100, cursor },
          { obligations: false },
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return items;
    },
    datedWork: (context, userId, window) => portfolio.datedWork(context, userId, window),
  });
  const activities = createActivitiesService(db, { onAccountChanged, onActionItems: syncActionItemTasks });
  // A home shows the person's first 20 items of open work: their tasks and journey steps.
  const homes = createHomesService(db, {
    assessments,
    work: async (context, userId) =>
      (await tasks.list(context, { owner: userId, limit: 20 }, { obligations: false })).items,
  });
  const mailOptions = options.mail ?? defaultMail;
  // Other features queue their messages through it, in their own transactions.
  const mail = createMailService(db, {
    queue,
    smtpUrl: mailOptions.smtpUrl,
    mailFrom: mailOptions.from,
    clock,
    publicUrl: mailOptions.publicUrl,
  });
  // Outbound webhooks hear of every event; each delivery is a job of its own (docs/webhooks.md).
  const webhooks = createWebhooksService(db, { queue });
  consumers.push(webhooksConsumer(queue));
  // Notifications (docs/notifications.md): a consumer of every event, the centre, the daily digest
  // reading each person's week from their task list. E-mail goes through the mail feature's
  // outbox (a test may record it instead).
  const mailQueue: MailQueue = options.mailQueue ?? mail;
  const publicUrl = () => mailOptions.publicUrl;
  consumers.push(createNotificationConsumer({ mail: mailQueue, playbook: latestPlaybook, publicUrl }));
  const digest = createDailyDigest(db, {
    mail: mailQueue,
    publicUrl,
    work: async (context, userId, dueBefore) =>
      (await tasks.list(context, { owner: userId, status: 'open', dueBefore, limit: 100 })).items,
  });
  // Imports are jobs (docs/import-export.md#jobs): the upload is stored, any server runs it.
  const imports = createImportsService(db, {
    assessments,
    playbookProvider,
    catalog,
    queue,
    clock,
    ...(options.importRetries ? { retries: options.importRetries } : {}),
  });
  // The customer portal (docs/portal.md): its invitations and sign-in links go through the outbox.
  const portalSettings = {
    vendorName: options.vendorName ?? DEFAULT_VENDOR_NAME,
    supportUrl: options.supportUrl ?? null,
    publicUrl,
  };
  const portalAuth = createPortalAuthService(db, {
    mail,
    settings: portalSettings,
    sessionHours: PORTAL_SESSION_HOURS,
    ...(options.signInLimits ? { signInLimits: options.signInLimits } : {}),
  });
  // Staff work on issues; a public answer is e-mailed to the customers taking part.
  const projectIssues = createIssuesService(db, {
    playbook: playbookProvider,
    onStaffReply: createReplyMailer({ mail, settings: portalSettings }),
    onAccountChanged,
  });
  const jobs: JobDefinition<never>[] = [
    ...eventsJobs(events, clock),
    ...assessmentsJobs(assessments, clock),
    ...mail.jobs(),
    deliveryJob(db, { publicUrl }) as JobDefinition<never>,
    ...notificationsJobs(digest, clock),
    ...imports.jobs(),
  ];
  queue.define(jobs);
  return {
    background,
    queue,
    events,
    /** Every job this release runs (the server's start hands them to the queue). */
    jobs,
    /** Who hears of events: the dispatcher hands each event to each, once. */
    consumers,
    status: createStatusService(db, { background, queue, jobs }),
    mail,
    notifications: createNotificationsService(db),
    digest,
    homes,
    playbookProvider,
    assessments,
    portfolio,
    playbook: createPlaybookService(db, playbookProvider, assessments),
    auth,
    portalAuth,
    customerUsers: createCustomerUsersService(db, { mail, settings: portalSettings }),
    calendar,
    // A password change or (de)activation ends the user's sign-ins, which the auth feature owns,
    // and their calendar feed: a URL from before does not come back with a reactivation.
    users: createUsersService(db, {
      endSignIns: async (executor, author, userId, keep) => {
        await auth.endSignIns(executor, author, userId, keep);
        await calendar.endFeed(executor, userId);
      },
    }),
    accounts: createAccountsService(db, { catalog, onAccountChanged, playbook: latestPlaybook }),
    profiles: createProfilesService(db, { onAccountChanged }),
    contacts: createContactsService(db),
    team: createTeamService(db, { onAccountChanged }),
    opportunities: createOpportunitiesService(db, {
      onAccountChanged,
      journey: journeyHooks,
      projects: { onOpportunityWritten: projects.onOpportunityWritten },
    }),
    journey,
    projects,
    projectIssues,
    customerWaiting,
    portalProjects: createPortalProjectsService(db, { playbook: playbookProvider, onAccountChanged }),
    tasks,
    artefacts: createArtefactsService(db, { playbook: playbookProvider }),
    activities,
    meetings: createMeetingsService(db, { playbook: playbookProvider, activities }),
    successPlans: createSuccessPlansService(db, { onAccountChanged }),
    supportTickets: createSupportTicketsService(db, { onAccountChanged }),
    initiatives: createInitiativesService(db, { onAccountChanged }),
    emeaParameters: createEmeaParametersService(db, { onAccountChanged, playbook: latestPlaybook }),
    priorityProposals: createPriorityProposalsService(db, { onAccountChanged }),
    priorityExceptions: createPriorityExceptionsService(db, { onAccountChanged, playbook: latestPlaybook }),
    imports,
    exports: createExportsService(db),
    webhooks,
  };
}

export type Services = ReturnType<typeof createServices>;
