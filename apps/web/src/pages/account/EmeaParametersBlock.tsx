import type { EmeaParameter, Playbook } from '@liaison/contracts';
import { ActionIcon, Button, Group, Modal, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { date, dayOf, humanize } from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';

type ParameterChoice = Playbook['priority']['emeaEnterprise']['parameters'][number];

/**
 * The EMEA model's parameters (organisational change, TAM handover, …) that apply to the
 * account: the TAM records them with dates so the priority proposal beside them has its reasons
 * on the record. The choices are the playbook's, so a playbook that renames or adds one needs no
 * release.
 */
export function EmeaParametersBlock({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const parameters = useQuery(queries.emeaParameters(accountId));
  const choices = usePlaybook().priority.emeaEnterprise.parameters;
  const labelOf = (id: string) => choices.find((choice) => choice.id === id)?.label ?? humanize(id);
  const rows = parameters.data ?? [];
  return (
    <div>
      {rows.length === 0 ? (
        <Empty>No parameter recorded.</Empty>
      ) : (
        <Table verticalSpacing={4} aria-label="EMEA parameters">
          <Table.Tbody>
            {rows.map((parameter) => (
              <ParameterRow
                key={parameter.id}
                accountId={accountId}
                parameter={parameter}
                label={labelOf(parameter.parameter)}
                canEdit={canEdit}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && <ParameterForm accountId={accountId} choices={choices} />}
    </div>
  );
}

function ParameterRow({
  accountId,
  parameter,
  label,
  canEdit,
}: {
  accountId: string;
  parameter: EmeaParameter;
  label: string;
  canEdit: boolean;
}) {
  const today = dayOf(new Date());
  const end = useAccountMutation(
    accountId,
    () => api.emeaParameters.update(parameter.id, { endsOn: today, version: parameter.version }),
    { success: 'Parameter ended today.', notifyErrors: true },
  );
  const [removing, setRemoving] = useState(false);
  // Ending keeps the record of why the priority was what it was; deleting is for a mistake.
  const current = parameter.endsOn === null || parameter.endsOn > today;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm">{label}</Text>
        {parameter.note && (
          <Text size="xs" c="dimmed">
            {parameter.note}
          </Text>
        )}
      </Table.Td>
      <Table.Td className="num" w={190}>
        {date(parameter.startsOn)} – {parameter.endsOn ? date(parameter.endsOn) : 'open'}
      </Table.Td>
      {canEdit && (
        <Table.Td w={70} ta="right">
          <Group gap={2} justify="flex-end" wrap="nowrap">
            {current && parameter.startsOn <= today && (
              <Tooltip label="End today">
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  aria-label={`End ${label} today`}
                  loading={end.isPending}
                  onClick={() => end.mutate(undefined)}
                >
                  <IconPlayerStop size={14} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label="Remove (recorded by mistake)">
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={`Remove ${label}`}
                onClick={() => setRemoving(true)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
      )}
      <Modal opened={removing} onClose={() => setRemoving(false)} title="Remove this parameter?" centered>
        <ConfirmDelete
          accountId={accountId}
          action={() => api.emeaParameters.delete(parameter.id, parameter.version)}
          listKey={queries.emeaParameters(accountId).queryKey}
          success="Parameter removed."
          confirmLabel="Remove"
          onDone={() => setRemoving(false)}
        >
          <Text size="sm">
            {label}, {date(parameter.startsOn)} – {parameter.endsOn ? date(parameter.endsOn) : 'open'}. For a
            parameter that no longer applies, end it instead; the history keeps a record either way.
          </Text>
        </ConfirmDelete>
      </Modal>
    </Table.Tr>
  );
}

function ParameterForm({ accountId, choices }: { accountId: string; choices: ParameterChoice[] }) {
  const blank = { parameter: '', note: '', startsOn: dayOf(new Date()), endsOn: '' };
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(blank);
  const create = useAccountMutation(
    accountId,
    () =>
      api.emeaParameters.create(accountId, {
        parameter: values.parameter,
        note: values.note.trim() || null,
        startsOn: values.startsOn,
        endsOn: values.endsOn || null,
      }),
    { success: 'Parameter recorded.' },
  );
  const errors = fieldErrors(create.error);
  if (!open) return <OpenFormButton onClick={() => setOpen(true)}>Record a parameter</OpenFormButton>;
  const chosen = choices.find((choice) => choice.id === values.parameter);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(undefined, {
          onSuccess: () => {
            setValues(blank);
            setOpen(false);
          },
        });
      }}
    >
      <Group align="flex-start" gap="xs" mt="xs" wrap="wrap">
        <Select
          label="Parameter"
          size="xs"
          w={280}
          data={choices.map((choice) => ({ value: choice.id, label: choice.label }))}
          value={values.parameter || null}
          onChange={(parameter) => setValues({ ...values, parameter: parameter ?? '' })}
          description={chosen?.example}
          // The example under the field, so the inputs of the row stay aligned.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={errors.parameter}
          allowDeselect={false}
        />
        <TextInput
          label="Note"
          size="xs"
          style={{ flex: 1, minWidth: 180 }}
          value={values.note}
          onChange={(event) => setValues({ ...values, note: event.currentTarget.value })}
          error={errors.note}
        />
        <TextInput
          label="Starts"
          type="date"
          size="xs"
          w={140}
          value={values.startsOn}
          onChange={(event) => setValues({ ...values, startsOn: event.currentTarget.value })}
          error={errors.startsOn}
        />
        <TextInput
          label="Ends (optional)"
          type="date"
          size="xs"
          w={140}
          value={values.endsOn}
          onChange={(event) => setValues({ ...values, endsOn: event.currentTarget.value })}
          error={errors.endsOn}
        />
      </Group>
      <Group gap="xs" mt="xs">
        <Button type="submit" size="xs" loading={create.isPending} disabled={!values.parameter}>
          Record
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
      {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
    </form>
  );
}
