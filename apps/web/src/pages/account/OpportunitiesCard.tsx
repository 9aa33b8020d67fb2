import type { Opportunity } from '@liaison/contracts';
import { ActionIcon, Badge, Button, Card, Group, Modal, Skeleton, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import {
  date,
  label,
  money,
  moneyFull,
  opportunityStageLabels,
  opportunityTypeLabels,
} from '../../format.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { OpportunityForm } from './OpportunityForm.tsx';

const stageColour = (stage: string) =>
  stage === 'closed_won' ? 'teal' : stage === 'closed_lost' ? 'gray' : 'brand';

/** The account's opportunities, newest close date first; the account team adds, edits and deletes. */
export function OpportunitiesCard({ account, canEdit }: Pick<AccountContext, 'account' | 'canEdit'>) {
  const opportunities = useQuery(queries.opportunities(account.id));
  // Ids rather than records: after a reload the dialogs show (and send) the latest version.
  const [editingId, setEditingId] = useState<string | 'new' | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const rows = [...(opportunities.data ?? [])].sort((left, right) =>
    right.closeDate.localeCompare(left.closeDate),
  );
  const editing = rows.find((row) => row.id === editingId) ?? null;
  const deleting = rows.find((row) => row.id === deletingId) ?? null;

  return (
    <Card data-testid="opportunities">
      <CardTitle
        right={
          canEdit && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditingId('new')}
            >
              Add opportunity
            </Button>
          )
        }
      >
        Opportunities
      </CardTitle>
      {opportunities.error && <ErrorNote error={opportunities.error} />}
      {opportunities.isPending ? (
        <Skeleton h={60} />
      ) : rows.length === 0 ? (
        <Empty>No opportunities.</Empty>
      ) : (
        <Table aria-label="Opportunities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Opportunity</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Close</Table.Th>
              {canEdit && <Table.Th w={64} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((opportunity) => (
              <Table.Tr key={opportunity.id} data-stage={opportunity.stage}>
                <Table.Td>{opportunity.name}</Table.Td>
                <Table.Td>{label(opportunityTypeLabels, opportunity.type)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={stageColour(opportunity.stage)}>
                    {label(opportunityStageLabels, opportunity.stage)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" className="num" title={moneyFull(opportunity.amount)}>
                  {money(opportunity.amount)}
                </Table.Td>
                <Table.Td className="num">{date(opportunity.closeDate)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        aria-label={`Edit ${opportunity.name}`}
                        onClick={() => setEditingId(opportunity.id)}
                      >
                        <IconPencil size={13} />
                      </ActionIcon>
                      <ActionIcon
                        size="sm"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${opportunity.name}`}
                        onClick={() => setDeletingId(opportunity.id)}
                      >
                        <IconTrash size={13} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={editingId === 'new' || editing !== null}
        onClose={() => setEditingId(null)}
        title={editing ? `Edit ${editing.name}` : 'New opportunity'}
        size="lg"
        centered
      >
        {(editingId === 'new' || editing) && (
          <OpportunityForm
            // A fresh form per record: its draft starts from that record.
            key={editingId}
            account={account}
            opportunity={editing}
            onDone={() => setEditingId(null)}
          />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeletingId(null)}
        title="Delete this opportunity?"
        centered
      >
        {deleting && <DeleteOpportunity opportunity={deleting} onDone={() => setDeletingId(null)} />}
      </Modal>
    </Card>
  );
}

function DeleteOpportunity({ opportunity, onDone }: { opportunity: Opportunity; onDone: () => void }) {
  return (
    <ConfirmDelete
      accountId={opportunity.accountId}
      action={() => api.opportunities.delete(opportunity.id, opportunity.version)}
      listKey={queries.opportunities(opportunity.accountId).queryKey}
      success={`${opportunity.name} deleted.`}
      confirmLabel="Delete opportunity"
      onDone={onDone}
    >
      <Text size="sm">
        {opportunity.name}: {label(opportunityTypeLabels, opportunity.type)},{' '}
        {label(opportunityStageLabels, opportunity.stage).toLowerCase()}, {moneyFull(opportunity.amount)},
        closing {date(opportunity.closeDate)}.
      </Text>
      <Text size="xs" c="dimmed">
        The deletion is kept in the account's history.
      </Text>
    </ConfirmDelete>
  );
}
