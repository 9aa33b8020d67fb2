import type { PortalIssue } from '@liaison/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isConflict } from './api.ts';
import { invalidateAccount, queries } from './queries.ts';

/**
 * A write to an account: on success everything the write may have changed is refetched (the
 * server reassessed the account in the same transaction) and a short confirmation is shown.
 * Conflicts (409) are left to the form, which keeps the user's text and offers a reload.
 */
export function useAccountMutation<TVariables, TResult>(
  accountId: string,
  mutationFn: (variables: TVariables) => Promise<TResult>,
  options: { success?: string | ((result: TResult) => string); notifyErrors?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await invalidateAccount(queryClient, accountId);
      const message = typeof options.success === 'function' ? options.success(result) : options.success;
      if (message) notifications.show({ message, color: 'teal', autoClose: 3500 });
    },
    onError: (error) => {
      if (options.notifyErrors && !isConflict(error))
        notifications.show({ title: 'Not saved', message: errorMessage(error), color: 'red' });
    },
  });
}

/**
 * A customer's write in the portal (docs/portal.md): the answer is the issue as the server now
 * has it, put in place at once (a comment appears without waiting for a refetch); the project's
 * lists are refetched for their counts. Errors stay in the form, which keeps the customer's text.
 */
export function usePortalIssueMutation<TVariables>(
  projectId: string,
  mutationFn: (variables: TVariables) => Promise<PortalIssue>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (issue) => {
      queryClient.setQueryData(queries.portalIssue(projectId, issue.number).queryKey, issue);
      await queryClient.invalidateQueries({
        queryKey: queries.portalProjects().queryKey,
        predicate: (query) => query.queryKey[3] !== 'issue',
      });
    },
  });
}
