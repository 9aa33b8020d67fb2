import type { Executor } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import type { PlaybookSource } from './project-access.ts';

/**
 * Responsiveness may be a health measure (`projects.responsiveness.healthMeasure`, off by
 * default: docs/projects.md). When it is on, a customer's question, a staff answer or a closed
 * issue changes an input of the account's assessment, which is then recomputed in the same
 * transaction like any other input's write; when it is off, nothing is recomputed.
 */
export function reassessWhenMeasured(
  playbook: PlaybookSource,
  onAccountChanged: AccountChangedHook | undefined,
) {
  return async (executor: Executor, accountId: string, now: Date): Promise<void> => {
    if (!onAccountChanged) return;
    if (!(await playbook.active(executor)).playbook.projects.responsiveness.healthMeasure) return;
    await onAccountChanged(executor, [accountId], now);
  };
}
