import type { ObjectiveStatus } from '@liaison/contracts';
import { Badge, Button, Card, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Dot, healthColors } from '../../components/Badges.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty } from '../../components/PageState.tsx';
import { healthLabels, humanize, label } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

export function SuccessPlanCard({ account, canEdit }: AccountContext) {
  const plan = useQuery(queries.successPlan(account.id));
  const [title, setTitle] = useState('');
  const create = useAccountMutation(account.id, () => api.successPlans.put(account.id, { status: 'draft' }), {
    success: 'Success plan started.',
    notifyErrors: true,
  });
  const add = useAccountMutation(
    account.id,
    (text: string) => api.objectives.create(account.id, { title: text }),
    {
      notifyErrors: true,
    },
  );
  const setStatus = useAccountMutation(
    account.id,
    (input: { id: string; status: ObjectiveStatus; version: number }) =>
      api.objectives.update(input.id, { status: input.status, version: input.version }),
    { notifyErrors: true },
  );
  const activate = useAccountMutation(
    account.id,
    (version: number) => api.successPlans.put(account.id, { status: 'active', version }),
    { success: 'Success plan is active.', notifyErrors: true },
  );
  return (
    <Card>
      <CardTitle right={plan.data && <Badge variant="light">{humanize(plan.data.status)}</Badge>}>
        Success plan
      </CardTitle>
      {plan.isPending ? (
        <Skeleton h={60} />
      ) : !plan.data ? (
        <Stack gap="xs">
          <Empty>No success plan yet.</Empty>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              onClick={() => create.mutate(undefined)}
              loading={create.isPending}
            >
              Start a success plan
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap={6}>
          {plan.data.objectives.length === 0 && <Empty>No objectives captured.</Empty>}
          {plan.data.objectives.map((objective) => (
            <Group key={objective.id} gap={8} wrap="nowrap" justify="space-between">
              <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
                <Dot color={healthColors[objective.status]!} />
                <Text size="sm" truncate>
                  {objective.title}
                </Text>
              </Group>
              {canEdit && (
                <Select
                  aria-label={`Status of ${objective.title}`}
                  size="xs"
                  w={116}
                  data={['green', 'yellow', 'red'].map((value) => ({
                    value,
                    label: label(healthLabels, value),
                  }))}
                  value={objective.status}
                  onChange={(value) =>
                    value &&
                    setStatus.mutate({
                      id: objective.id,
                      status: value as ObjectiveStatus,
                      version: objective.version,
                    })
                  }
                />
              )}
            </Group>
          ))}
          {canEdit && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (title.trim()) add.mutate(title.trim(), { onSuccess: () => setTitle('') });
              }}
            >
              <Group gap={6} mt={6} wrap="nowrap">
                <TextInput
                  aria-label="New objective"
                  placeholder="Add an objective…"
                  size="xs"
                  style={{ flex: 1 }}
                  value={title}
                  onChange={(event) => setTitle(event.currentTarget.value)}
                />
                <Button
                  type="submit"
                  size="xs"
                  variant="default"
                  loading={add.isPending}
                  aria-label="Add objective"
                >
                  <IconPlus size={14} />
                </Button>
              </Group>
            </form>
          )}
          {canEdit && plan.data.status === 'draft' && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => activate.mutate(plan.data!.version)}
              loading={activate.isPending}
            >
              Mark the plan active
            </Button>
          )}
        </Stack>
      )}
    </Card>
  );
}
