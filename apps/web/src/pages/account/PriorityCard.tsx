import type { InitiativeKind } from '@liaison/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconHourglassLow } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { Explain } from '../../components/Explain.tsx';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { date, dayOf, humanize, label, modelLabels, PROVISIONAL_HINT, priorityLabels } from '../../format.ts';
import { useUserNames } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';
import { EmeaParametersBlock } from './EmeaParametersBlock.tsx';
import { ExceptionForm, ExceptionRow } from './PriorityExceptions.tsx';
import { ProposalBlock } from './PriorityProposal.tsx';

export function PriorityCard({ account, assessment, canEdit }: AccountContext) {
  const userName = useUserNames();
  const model = assessment.priority.model;
  const initiatives = useQuery({
    ...queries.initiatives(account.id),
    enabled: model === 'us_enterprise' || !!model,
  });
  const exceptions = useQuery(queries.priorityExceptions(account.id));
  const emea = model === 'emea_enterprise';
  const proposal = useQuery({ ...queries.priorityProposal(account.id), enabled: emea });
  const decider = account.can.decideException;
  const { priority, provisional, explanation } = assessment.priority;
  const name = `${label(priorityLabels, priority)}${provisional ? ' (provisional)' : ''}`;
  return (
    <Card data-testid="priority-card">
      <CardTitle
        right={
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" c="dimmed">
              {model ? `${label(modelLabels, model)} model` : 'not TAM-managed'}
            </Text>
            <Explain explanation={explanation} title={`Why ${name}`} label="Why this priority">
              <Text span size="xs" c="brand.7" fw={500}>
                Why {name}?
              </Text>
            </Explain>
          </Group>
        }
      >
        Priority inputs and exceptions
      </CardTitle>
      <Stack gap="md">
        {provisional && (
          <Alert
            color="gray"
            variant="light"
            icon={<IconHourglassLow size={18} />}
            title={`${label(priorityLabels, priority)} is provisional`}
            data-testid="priority-provisional"
          >
            <Text size="sm">
              {PROVISIONAL_HINT}. The account is TAM-aligned, so the {label(modelLabels, model)} model gives
              it {label(priorityLabels, priority)}, but its obligations start only once a TAM is assigned.
            </Text>
          </Alert>
        )}
        {model && (
          <div>
            <Text className="section-title" mb={4}>
              Initiatives needing TAM time
            </Text>
            {(initiatives.data ?? []).length === 0 ? (
              <Empty>No stage adoption or infrastructure change recorded.</Empty>
            ) : (
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {initiatives.data!.map((initiative) => (
                    <Table.Tr key={initiative.id}>
                      <Table.Td>
                        <Badge size="xs" variant="default">
                          {humanize(initiative.kind)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{initiative.description}</Table.Td>
                      <Table.Td className="num">
                        {date(initiative.startsOn)} – {initiative.endsOn ? date(initiative.endsOn) : 'open'}
                      </Table.Td>
                      <Table.Td ta="right" className="num">
                        {initiative.hoursPerWeek} h/week
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {canEdit && <InitiativeForm accountId={account.id} />}
          </div>
        )}
        {emea && (
          <div>
            <Text className="section-title" mb={4}>
              EMEA parameters and proposal
            </Text>
            <EmeaParametersBlock accountId={account.id} canEdit={canEdit} />
            <ProposalBlock
              accountId={account.id}
              proposal={proposal.data ?? null}
              canEdit={canEdit}
              canApprove={account.can.approveProposal}
            />
          </div>
        )}
        <div>
          <Text className="section-title" mb={4}>
            Exceptions
          </Text>
          {(exceptions.data ?? []).length === 0 ? (
            <Empty>No exception requested.</Empty>
          ) : (
            <Table verticalSpacing={5} aria-label="Priority exceptions">
              <Table.Tbody>
                {exceptions.data!.map((exception) => (
                  <ExceptionRow
                    key={exception.id}
                    accountId={account.id}
                    exception={exception}
                    canDecide={decider}
                    userName={userName}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
          {canEdit && <ExceptionForm accountId={account.id} />}
        </div>
      </Stack>
    </Card>
  );
}

function InitiativeForm({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState({
    kind: 'stage_adoption',
    description: '',
    startsOn: dayOf(new Date()),
    endsOn: '',
    hoursPerWeek: 3 as number | string,
  });
  const create = useAccountMutation(
    accountId,
    () =>
      api.initiatives.create(accountId, {
        kind: values.kind as InitiativeKind,
        description: values.description,
        startsOn: values.startsOn,
        endsOn: values.endsOn || null,
        hoursPerWeek: Number(values.hoursPerWeek),
      }),
    { success: 'Initiative recorded.' },
  );
  const errors = fieldErrors(create.error);
  if (!open) return <OpenFormButton onClick={() => setOpen(true)}>Record an initiative</OpenFormButton>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(undefined, { onSuccess: () => setOpen(false) });
      }}
    >
      <Group align="flex-start" gap="xs" mt="xs" wrap="wrap">
        <Select
          label="Kind"
          size="xs"
          w={170}
          data={[
            { value: 'stage_adoption', label: 'Stage adoption' },
            { value: 'infrastructure_change', label: 'Infrastructure change' },
          ]}
          value={values.kind}
          onChange={(kind) => setValues({ ...values, kind: kind ?? 'stage_adoption' })}
        />
        <TextInput
          label="Description"
          size="xs"
          style={{ flex: 1, minWidth: 200 }}
          value={values.description}
          onChange={(event) => setValues({ ...values, description: event.currentTarget.value })}
          error={errors.description}
        />
        <TextInput
          label="Starts"
          type="date"
          size="xs"
          value={values.startsOn}
          onChange={(event) => setValues({ ...values, startsOn: event.currentTarget.value })}
          error={errors.startsOn}
        />
        <TextInput
          label="Ends"
          type="date"
          size="xs"
          value={values.endsOn}
          onChange={(event) => setValues({ ...values, endsOn: event.currentTarget.value })}
          error={errors.endsOn}
        />
        <NumberInput
          label="Hours/week"
          size="xs"
          w={90}
          min={0}
          max={80}
          value={values.hoursPerWeek}
          onChange={(hours) => setValues({ ...values, hoursPerWeek: hours })}
          error={errors.hoursPerWeek}
        />
        <Group gap={6} mt={22}>
          <Button type="submit" size="xs" loading={create.isPending}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Group>
      {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}
