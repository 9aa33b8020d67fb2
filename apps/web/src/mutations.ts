import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, isConflict } from './api.ts';
import { invalidateAccount } from './queries.ts';

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
