import type { DryRunResult, PlaybookCandidateBody } from '@liaison/contracts';
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage, isConflict } from '../api.ts';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { CardTitle, PageHeader } from '../components/PageHeader.tsx';
import { Empty, ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { dateTime, describeChange, label, modelLabels, money, plural } from '../format.ts';
import { useCan } from '../hooks.ts';
import { tierName } from '../playbook-text.ts';
import { queries } from '../queries.ts';

type Issues = { path: string; message: string }[];

function parse(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, message: 'The playbook must be a JSON object.' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return {
      ok: false,
      message: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function PlaybookPage() {
  const admin = useCan().managePlaybook;
  const queryClient = useQueryClient();
  // The editor starts from the latest version (the rest of the app reads it once per session).
  const current = useQuery({ ...queries.playbook(), staleTime: 0 });
  const versions = useQuery(queries.playbookVersions());
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<Issues | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState<DryRunResult | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const [note, setNote] = useState('');

  const original = current.data ? JSON.stringify(current.data.playbook, null, 2) : '';
  useEffect(() => {
    if (original) setText(original);
  }, [original]);
  const dirty = text !== original;

  const candidate = () => {
    const parsed = parse(text);
    if (!parsed.ok) {
      setParseError(parsed.message);
      return null;
    }
    setParseError(null);
    return parsed.value;
  };

  const validate = useMutation({
    mutationFn: (playbook: PlaybookCandidateBody) => api.playbook.validate(playbook),
    onSuccess: (result) => setIssues(result.issues),
  });
  const dry = useMutation({
    mutationFn: (playbook: PlaybookCandidateBody) => api.playbook.dryRun(playbook),
    onSuccess: (result) => {
      setDryRun(result);
      setIssues([]);
    },
    onError: (error) => {
      if (error instanceof Error && 'details' in error) setIssues((error as { details: Issues }).details);
    },
  });
  const apply = useMutation({
    mutationFn: (playbook: PlaybookCandidateBody) =>
      api.playbook.apply({ playbook, note: note.trim() || null, version: current.data!.version }),
    onSuccess: async (result) => {
      setApplyOpen(false);
      setNote('');
      setDryRun(null);
      notifications.show({
        color: 'teal',
        message: `Playbook version ${result.version} is in force; the book is being reassessed.`,
      });
      await queryClient.invalidateQueries();
    },
  });

  if (current.isPending) return <PageLoader />;
  if (current.error) return <PageError error={current.error} />;
  const doc = current.data;

  return (
    <>
      <PageHeader
        title="Playbook"
        subtitle={
          doc.version === 0
            ? 'Version 0 — the handbook defaults'
            : `Version ${doc.version} · ${doc.createdBy ?? 'unknown'} · ${dateTime(doc.createdAt)}${doc.note ? ` — ${doc.note}` : ''}`
        }
        actions={
          admin && (
            <>
              <Button variant="default" disabled={!dirty} onClick={() => setText(original)}>
                Discard changes
              </Button>
              <Button
                variant="default"
                loading={validate.isPending}
                onClick={() => {
                  const value = candidate();
                  if (value) validate.mutate(value);
                }}
              >
                Validate
              </Button>
              <Button
                variant="light"
                loading={dry.isPending}
                onClick={() => {
                  const value = candidate();
                  if (value) dry.mutate(value);
                }}
              >
                Dry run
              </Button>
              <Button
                disabled={!dirty}
                onClick={() => {
                  if (candidate()) setApplyOpen(true);
                }}
              >
                Apply…
              </Button>
            </>
          )
        }
      />
      {!admin && (
        <Alert color="gray" variant="light" mb="md">
          Only admins change the playbook. You can read it here.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={7}>
          <Card p={0}>
            <Group
              justify="space-between"
              px="md"
              py="xs"
              style={{ borderBottom: '1px solid var(--app-border)' }}
            >
              <Text size="sm" fw={600}>
                playbook.json
              </Text>
              {dirty ? (
                <Badge color="orange" variant="light">
                  edited
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  in force
                </Badge>
              )}
            </Group>
            <Textarea
              aria-label="Playbook JSON"
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setIssues(null);
              }}
              readOnly={!admin}
              // A fixed height: autosizing measures the whole document on every keystroke (with
              // the project templates the playbook is a long text), for a height that never changes.
              rows={30}
              spellCheck={false}
              styles={{
                input: {
                  fontFamily: 'var(--mantine-font-family-monospace)',
                  fontSize: 12,
                  lineHeight: 1.55,
                  border: 0,
                  background: '#fcfcfd',
                },
              }}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={5}>
          <Stack gap="lg">
            <Card>
              <CardTitle>Validation</CardTitle>
              {parseError ? (
                <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />}>
                  {parseError}
                </Alert>
              ) : issues === null ? (
                <Text size="sm" c="dimmed">
                  Validate or dry-run to check the document.
                </Text>
              ) : issues.length === 0 ? (
                <Group gap={6}>
                  <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" />
                  <Text size="sm">The playbook is valid.</Text>
                </Group>
              ) : (
                <Stack gap={6} role="alert" data-testid="playbook-issues">
                  <Text size="sm" c="red.7" fw={500}>
                    {plural(issues.length, 'problem')} to fix
                  </Text>
                  {issues.map((issue) => (
                    <div key={`${issue.path}:${issue.message}`}>
                      <Text size="xs" className="mono" c="red.8">
                        {issue.path}
                      </Text>
                      <Text size="sm">{issue.message}</Text>
                    </div>
                  ))}
                </Stack>
              )}
              {validate.error && <ErrorNote error={validate.error} />}
            </Card>
            <Card>
              <CardTitle>Dry run</CardTitle>
              {dry.error && !(dry.error as { details?: Issues }).details?.length && (
                <ErrorNote error={dry.error} />
              )}
              {!dryRun ? (
                <Text size="sm" c="dimmed">
                  See which accounts would change — tier, priority, health or obligations — before applying.
                  Nothing is changed.
                </Text>
              ) : dryRun.changes.length === 0 ? (
                <Empty>
                  No account would change ({plural(dryRun.accountsAssessed, 'account')} assessed).
                </Empty>
              ) : (
                <>
                  <Text size="sm" mb="xs">
                    <b>{plural(dryRun.accountsChanged, 'account')}</b> of {dryRun.accountsAssessed} would
                    change.
                    {dryRun.changes.length < dryRun.accountsChanged &&
                      ` The first ${dryRun.changes.length} by name are listed.`}
                  </Text>
                  <ScrollArea.Autosize mah={440}>
                    <Table aria-label="Dry run" verticalSpacing={4} data-testid="dry-run">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Account</Table.Th>
                          <Table.Th>Change</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {dryRun.changes.map((change) => (
                          <Table.Tr key={change.accountId}>
                            <Table.Td style={{ verticalAlign: 'top' }}>
                              <AnchorLink
                                to="/accounts/$accountId"
                                params={{ accountId: change.accountId }}
                                size="sm"
                                c="dark"
                              >
                                {change.accountName}
                              </AnchorLink>
                            </Table.Td>
                            <Table.Td>
                              {change.changes
                                .flatMap((field) =>
                                  describeChange(field.field, field.before, field.after, (tier) =>
                                    tierName(doc.playbook, tier),
                                  ),
                                )
                                .map((line) => (
                                  <Text size="xs" key={line}>
                                    {line}
                                  </Text>
                                ))}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </ScrollArea.Autosize>
                </>
              )}
            </Card>
            <Card>
              <CardTitle
                right={
                  <Text size="xs" c="dimmed">
                    {dirty ? 'your edit' : 'in force'}
                  </Text>
                }
              >
                At a glance
              </CardTitle>
              <Summary text={text} />
            </Card>
            <Card>
              <CardTitle>Versions</CardTitle>
              {(versions.data ?? []).length === 0 ? (
                <Empty>Only the handbook defaults (version 0) so far.</Empty>
              ) : (
                <Stack gap={6}>
                  {versions.data!.map((version) => (
                    <Group key={version.version} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        <b>v{version.version}</b> {version.note ?? ''}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {version.createdBy} · {dateTime(version.createdAt)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={applyOpen} onClose={() => setApplyOpen(false)} title="Apply this playbook?" centered>
        <Stack gap="sm">
          <Text size="sm">
            A new version will be in force for everyone, and every account is reassessed. Run a dry run first
            to see what changes.
          </Text>
          <Textarea
            label="Note"
            placeholder="What changed and why"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          {apply.error &&
            (isConflict(apply.error) ? (
              <Alert color="orange" variant="light">
                Someone applied another version meanwhile. Close this, copy your edits, and reload the page.
              </Alert>
            ) : (
              <Alert color="red" variant="light">
                {errorMessage(apply.error)}
              </Alert>
            ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setApplyOpen(false)}>
              Cancel
            </Button>
            <Button
              loading={apply.isPending}
              onClick={() => {
                const value = candidate();
                if (value) apply.mutate(value);
              }}
            >
              Apply version {doc.version + 1}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {});
const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** The settings a TAM manager asks about, read from the document being edited. */
function Summary({ text }: { text: string }) {
  const parsed = parse(text);
  if (!parsed.ok)
    return (
      <Text size="sm" c="dimmed">
        Fix the JSON to see the summary.
      </Text>
    );
  const playbook = parsed.value;
  const tiers = Array.isArray(playbook.tiers) ? playbook.tiers.map(obj) : [];
  const alignment = obj(playbook.tamAlignment);
  const health = obj(playbook.health);
  const weights = obj(health.weights);
  const thresholds = obj(health.thresholds);
  const cadence = obj(obj(obj(playbook.obligations).cadence).intervalDays);
  const rows: [string, string][] = [
    ...tiers.map((tier): [string, string] => [
      String(tier.name ?? tier.id ?? 'Tier'),
      `≥ ${money(num(tier.minArr))} ARR · ${num(tier.accountsPerTam) ?? '—'} accounts per TAM`,
    ]),
    [
      'TAM alignment',
      `${String(alignment.minimumPlan ?? '—')} plan or better, ≥ ${money(num(alignment.minimumArr))} ARR`,
    ],
    [
      'Health weights',
      `sentiment ${num(weights.sentiment) ?? '—'} · engagement ${num(weights.engagement) ?? '—'} · success plan ${num(weights.successPlan) ?? '—'} · tickets ${num(weights.supportTickets) ?? '—'}`,
    ],
    ['Health colours', `green ≥ ${num(thresholds.green) ?? '—'}, yellow ≥ ${num(thresholds.yellow) ?? '—'}`],
    // A document without the window (written before the setting) takes the default when parsed.
    [
      'Support tickets',
      num(health.supportTicketWindowDays) === null
        ? 'window not set: the default applies'
        : `opened in the last ${num(health.supportTicketWindowDays)} days`,
    ],
    ...Object.entries(cadence).map(([model, days]): [string, string] => [
      `Cadence · ${label(modelLabels, model)}`,
      `P1 every ${num(obj(days).pr1) ?? '—'} days · P2 every ${num(obj(days).pr2) ?? '—'} days`,
    ]),
  ];
  return (
    <Table verticalSpacing={4} fz="xs" withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Td c="dimmed" pl={0} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {name}
            </Table.Td>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
