import type { FailedJob, JobQueueStatus } from '@liaison/contracts';
import { Badge, Button, Card, Code, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api.ts';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorNote, PageError, PageLoader } from '../components/PageState.tsx';
import { dateTime } from '../format.ts';
import { jobsQuery } from '../queries.ts';

/**
 * Admins: the work every server shares through the job queue in PostgreSQL — what each queue
 * does and when, how its jobs stand — and the jobs whose last attempt failed, each with its
 * error and a retry (docs/scaling.md).
 */
export function JobsPage() {
  const jobs = useQuery(jobsQuery());
  if (jobs.isPending) return <PageLoader />;
  if (jobs.error) return <PageError error={jobs.error} />;
  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle="Background work shared by every Liaison server: scheduled jobs run once per schedule, failed attempts are retried with backoff"
      />
      <Stack gap="lg">
        <QueuesCard queues={jobs.data.queues} />
        <FailedCard failed={jobs.data.failed} />
      </Stack>
    </>
  );
}

function QueuesCard({ queues }: { queues: JobQueueStatus[] }) {
  return (
    <Card withBorder padding={0}>
      <Table striped verticalSpacing="xs" aria-label="Job queues">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Queue</Table.Th>
            <Table.Th>Schedule (UTC)</Table.Th>
            <Table.Th ta="right">Waiting</Table.Th>
            <Table.Th ta="right">Running</Table.Th>
            <Table.Th ta="right">Done (14 days)</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
            <Table.Th>Last done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((queue) => (
            <Table.Tr key={queue.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {queue.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {queue.description} Retries: {queue.retryLimit}.
                </Text>
              </Table.Td>
              <Table.Td>
                {queue.schedule ? <Code>{queue.schedule}</Code> : <Text size="sm">on demand</Text>}
              </Table.Td>
              <Table.Td ta="right">{queue.counts.waiting}</Table.Td>
              <Table.Td ta="right">{queue.counts.running}</Table.Td>
              <Table.Td ta="right">{queue.counts.completed}</Table.Td>
              <Table.Td ta="right">
                {queue.counts.failed > 0 ? <Badge color="red">{queue.counts.failed}</Badge> : 0}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{queue.lastCompletedAt ? dateTime(queue.lastCompletedAt) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function FailedCard({ failed }: { failed: FailedJob[] }) {
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: (job: FailedJob) => api.status.retryJob(job.id),
    onSuccess: async (_result, job) => {
      notifications.show({ message: `${job.queue}: sent back for one more attempt.` });
      await client.invalidateQueries({ queryKey: ['status', 'jobs'] });
    },
  });
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        Failed jobs
      </Text>
      {retry.error && <ErrorNote error={retry.error} />}
      {failed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No job has failed all its attempts.
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Failed jobs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Queue</Table.Th>
              <Table.Th>Error</Table.Th>
              <Table.Th ta="right">Attempts</Table.Th>
              <Table.Th>Failed</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {failed.map((job) => (
              <Table.Tr key={job.id}>
                <Table.Td>
                  <Text size="sm">{job.queue}</Text>
                  <Code>{JSON.stringify(job.data)}</Code>
                </Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" c="red.8" style={{ wordBreak: 'break-word' }}>
                    {job.error}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{job.attempts}</Table.Td>
                <Table.Td>{job.failedAt ? dateTime(job.failedAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Tooltip
                      label={
                        job.retryable ? 'Run it once more' : 'Archived after a week: no longer retryable'
                      }
                    >
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconRefresh size={14} />}
                        disabled={!job.retryable}
                        loading={retry.isPending && retry.variables?.id === job.id}
                        onClick={() => retry.mutate(job)}
                      >
                        Retry
                      </Button>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
