import type { BackgroundWork } from '../../kernel/background-work.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';

/** What this server runs outside requests, and what failed there: for admins. */
export function createStatusService(background: BackgroundWork) {
  return {
    backgroundWork(context: RequestContext) {
      authorize(policies.viewSystemStatus(context.user), 'Only admins can see the server status.');
      return background.status();
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
