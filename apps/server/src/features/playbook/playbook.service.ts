import {
  DomainError,
  diffTemplates,
  type Playbook,
  type PlaybookIssue,
  parsePlaybook,
} from '@liaison/domain';
import { type Database, toIso } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import { runningWorkflows } from '../journey/index.ts';
import type { PlaybookProvider } from './playbook.provider.ts';
import { playbookStore } from './playbook.store.ts';

/** A dry run lists at most this many changed accounts (the first by name) and counts them all. */
export const DRY_RUN_SHOWN = 1_000;

function parseOrThrow(candidate: unknown): Playbook {
  const parsed = parsePlaybook(candidate);
  if (parsed.ok) return parsed.playbook;
  throw invalidPlaybook(parsed.issues);
}

const invalidPlaybook = (issues: PlaybookIssue[]) =>
  new DomainError(
    'VALIDATION_FAILED',
    `The playbook is invalid: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`,
    issues.map((issue) => ({
      path: `body.playbook${issue.path ? `.${issue.path}` : ''}`,
      message: issue.message,
    })),
  );

export function createPlaybookService(
  db: Database,
  provider: PlaybookProvider,
  assessments: AssessmentsService,
) {
  return {
    async current() {
      const { version, playbook } = await provider.active(db);
      const row = version > 0 ? await playbookStore.find(db, version) : undefined;
      return {
        version,
        playbook,
        createdAt: row ? toIso(row.createdAt) : null,
        createdBy: row?.createdBy ?? null,
        note: row?.note ?? null,
      };
    },

    async versions() {
      return (await playbookStore.list(db)).map((row) => ({ ...row, createdAt: toIso(row.createdAt) }));
    },

    validate(candidate: unknown): { valid: true } | { valid: false; issues: PlaybookIssue[] } {
      const parsed = parsePlaybook(candidate);
      return parsed.ok ? { valid: true } : { valid: false, issues: parsed.issues };
    },

    /** Stores a new version; stored assessments become stale and are refreshed in the background. */
    async apply(context: RequestContext, candidate: unknown, note: string | null, expectedVersion: number) {
      authorize(policies.managePlaybook(context.user), 'Only admins can change the playbook.');
      const playbook = parseOrThrow(candidate);
      const applied = await db.transaction(async (tx) => {
        await playbookStore.lockVersions(tx);
        const current = await playbookStore.currentVersion(tx);
        if (current !== expectedVersion) {
          throw new DomainError(
            'VERSION_CONFLICT',
            `The playbook changed since you read it (you have version ${expectedVersion}, the current one is ${current}).`,
            [{ path: 'version', message: `current version is ${current}` }],
          );
        }
        const version = current + 1;
        await playbookStore.insert(tx, {
          version,
          document: playbook,
          createdAt: context.now.toISOString(),
          createdBy: context.actor.name,
          note,
        });
        // Stored assessments are now stale: a job reassesses the book at the request's instant
        // (reads refresh what they need meanwhile); it exists only if this version does.
        await assessments.reassessAllLater(tx, context.now, `playbook version ${version}`);
        return {
          version,
          playbook,
          createdAt: context.now.toISOString(),
          createdBy: context.actor.name,
          note,
        };
      });
      return applied;
    },

    /**
     * What a candidate playbook would change across the whole book, before → after, without
     * changing anything: both playbooks assess the same facts at the same instant.
     */
    async dryRun(context: RequestContext, candidate: unknown) {
      const next = parseOrThrow(candidate);
      const { version, playbook: current } = await provider.active(db);
      const comparison = await assessments.comparePlaybooks(current, next, context.now, DRY_RUN_SHOWN);
      // Workflow templates: which change, and which accounts run them now (docs/journey.md).
      const templates = diffTemplates(current.journey, next.journey);
      const running = await runningWorkflows(
        db,
        templates.map((change) => change.kind),
        100,
      );
      return {
        currentVersion: version,
        evaluatedAt: context.now.toISOString(),
        ...comparison,
        workflows: templates.map(({ describedDifferently: _d, ...change }) => ({
          ...change,
          ...(running.get(change.kind) ?? { running: 0, accounts: [] }),
        })),
      };
    },
  };
}

export type PlaybookService = ReturnType<typeof createPlaybookService>;
