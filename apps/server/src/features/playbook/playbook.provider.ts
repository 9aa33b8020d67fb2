import { defaultPlaybook, type Playbook, parsePlaybook } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { Catalog } from '../../kernel/catalog.ts';
import { playbookStore } from './playbook.store.ts';

export interface ActivePlaybook {
  /** 0 = the built-in defaults (no version stored yet). */
  version: number;
  playbook: Playbook;
}

/**
 * The playbook in force. Checking the version is one indexed read; the document is parsed only
 * when the version changed, so every server of a cluster follows an applied playbook at once.
 */
export function createPlaybookProvider() {
  let cached: ActivePlaybook = { version: 0, playbook: defaultPlaybook };
  return {
    async active(executor: Executor): Promise<ActivePlaybook> {
      const version = await playbookStore.currentVersion(executor);
      if (version === cached.version) return cached;
      if (version === 0) {
        cached = { version: 0, playbook: defaultPlaybook };
        return cached;
      }
      const row = await playbookStore.find(executor, version);
      const parsed = parsePlaybook(row?.document);
      // A stored version was validated when applied; failing here means the schema moved on.
      if (!parsed.ok) throw new Error(`Stored playbook version ${version} no longer validates`);
      cached = { version, playbook: parsed.playbook };
      return cached;
    },
    /** The last playbook seen; for synchronous callers that validate vocabularies. */
    latest: (): ActivePlaybook => cached,
    catalog: (): Catalog => ({ plans: cached.playbook.plans, stages: cached.playbook.stages }),
  };
}

export type PlaybookProvider = ReturnType<typeof createPlaybookProvider>;
