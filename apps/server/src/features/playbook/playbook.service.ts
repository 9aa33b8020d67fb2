import {
  assessAccount,
  DomainError,
  diffAssessments,
  type Playbook,
  type PlaybookIssue,
  parsePlaybook,
} from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import { type Database, toIso } from '../../db/client.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { loadBookContext } from '../assessments/book-context.loader.ts';
import { bulkSources, bundlesInChunks } from '../assessments/bulk-assessor.ts';
import { factsFromBundle } from '../assessments/record-bundle.ts';
import { ChangesShown } from './changes-shown.ts';
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

export function createPlaybookService(db: Database, provider: PlaybookProvider) {
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

    /** Stores a new version; stored assessments become stale and are refreshed on their next read. */
    async apply(context: RequestContext, candidate: unknown, note: string | null, expectedVersion: number) {
      authorize(policies.managePlaybook(context.user), 'Only admins can change the playbook.');
      const playbook = parseOrThrow(candidate);
      return db.transaction(async (tx) => {
        await tx.execute('LOCK TABLE playbooks IN EXCLUSIVE MODE');
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
        return {
          version,
          playbook,
          createdAt: context.now.toISOString(),
          createdBy: context.actor.name,
          note,
        };
      });
    },

    /**
     * What a candidate playbook would change across the whole book, before → after, without
     * changing anything: both playbooks assess the same facts at the same instant.
     */
    async dryRun(context: RequestContext, candidate: unknown) {
      const next = parseOrThrow(candidate);
      const { version, playbook: current } = await provider.active(db);
      const now = context.now;
      // One snapshot, read chunk by chunk (bulk-assessor.ts): memory stays flat whatever the book.
      const { assessed, changed, changes } = await db.transaction(
        async (tx) => {
          const bookBefore = await loadBookContext(tx, current, now);
          const bookAfter = await loadBookContext(tx, next, now);
          const shown = new ChangesShown(DRY_RUN_SHOWN);
          let assessed = 0;
          // The wider ticket window of the two, so each playbook finds every ticket it counts.
          const ticketWindowDays = Math.max(
            current.health.supportTicketWindowDays,
            next.health.supportTicketWindowDays,
          );
          for await (const { bundles } of bundlesInChunks(tx, bulkSources.all, now, { ticketWindowDays })) {
            for (const bundle of bundles) {
              const facts = factsFromBundle(bundle);
              const diff = diffAssessments(
                assessAccount(facts, current, bookBefore, now),
                assessAccount(facts, next, bookAfter, now),
              );
              if (diff.changes.length > 0) shown.add({ ...diff, accountName: bundle.account.name });
            }
            assessed += bundles.length;
          }
          return { assessed, changed: shown.total, changes: shown.list() };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      );
      return {
        currentVersion: version,
        evaluatedAt: now.toISOString(),
        accountsAssessed: assessed,
        accountsChanged: changed,
        changes,
      };
    },
  };
}

export type PlaybookService = ReturnType<typeof createPlaybookService>;
