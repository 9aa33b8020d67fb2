import type { Playbook } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';

/** The playbook in force and its version (the playbook feature's provider, wired by composition). */
export interface PlaybookSource {
  active(executor: Executor): Promise<{ version: number; playbook: Playbook }>;
}
