import type { Artefact, ArtefactVersion, WorkflowStep } from '@liaison/contracts';
import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import { IconFileText, IconLink, IconMessage } from '@tabler/icons-react';
import { api } from '../../../api.ts';
import { dateTime, label } from '../../../format.ts';
import { fieldText, fileSize, outputKindLabels } from '../../../journey-format.ts';

/** What a step has produced so far: its artefacts (with versions), form answers, meeting, comments. */
export function StepOutputs({ step }: { step: WorkflowStep }) {
  const answered = step.form.filter((field) => field.value !== null && fieldText(field.value) !== '');
  const settled = step.state === 'done' || step.state === 'skipped';
  if (
    step.artefacts.length === 0 &&
    step.comments.length === 0 &&
    !step.activityId &&
    !(settled && answered.length)
  )
    return null;
  return (
    <Stack gap={6} pl={2}>
      {step.artefacts.map((artefact) => (
        <ArtefactLine key={artefact.id} artefact={artefact} />
      ))}
      {step.activityId && (
        <Text size="xs" c="teal.8" data-testid="linked-meeting">
          Logged meeting linked (see the Timeline tab)
        </Text>
      )}
      {settled && answered.length > 0 && (
        <Box component="dl" m={0} data-testid="form-answers">
          {answered.map((field) => (
            <Group key={field.id} gap={6} wrap="nowrap" align="flex-start">
              <Text component="dt" size="xs" c="dimmed" w={220} style={{ flex: 'none' }}>
                {field.label}
              </Text>
              <Text component="dd" size="xs" m={0} style={{ whiteSpace: 'pre-line' }}>
                {fieldText(field.value)}
              </Text>
            </Group>
          ))}
        </Box>
      )}
      {step.comments.map((comment) => (
        <Group key={comment.id} gap={6} wrap="nowrap" align="flex-start" data-testid="step-comment">
          <IconMessage size={13} color="var(--mantine-color-gray-5)" style={{ marginTop: 2, flex: 'none' }} />
          <Text size="xs">
            <Text span fw={600} size="xs">
              {comment.author}
            </Text>{' '}
            <Text span c="dimmed" size="xs">
              {dateTime(comment.createdAt)}
            </Text>
            <br />
            {comment.body}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function ArtefactLine({ artefact }: { artefact: Artefact }) {
  return (
    <Stack gap={2} data-testid="artefact">
      <Group gap={8} wrap="wrap">
        <IconFileText size={14} color="var(--mantine-color-brand-6)" />
        <Text size="xs" fw={600}>
          {artefact.title}
        </Text>
        <Badge size="xs" variant="default">
          {label(outputKindLabels, artefact.kind)}
        </Badge>
        <Text size="xs" c="dimmed">
          version {artefact.currentVersion}
        </Text>
        {artefact.approved && (
          <Badge size="xs" color="teal" variant="light">
            Approved {artefact.approved.by.join(', ')}
          </Badge>
        )}
      </Group>
      <Group gap="sm" pl={22} wrap="wrap">
        {artefact.versions.map((version) => (
          <VersionLink key={version.number} artefact={artefact} version={version} />
        ))}
      </Group>
    </Stack>
  );
}

function VersionLink({ artefact, version }: { artefact: Artefact; version: ArtefactVersion }) {
  const text = version.file
    ? `v${version.number}: ${version.file.name} (${fileSize(version.file.size)})`
    : `v${version.number}: link`;
  const href = version.file ? api.journey.artefacts.fileUrl(artefact.id, version.number) : version.url;
  return (
    <Group gap={4} wrap="nowrap">
      {!version.file && <IconLink size={12} color="var(--mantine-color-gray-6)" />}
      {href ? (
        <Anchor
          size="xs"
          href={href}
          target="_blank"
          rel="noreferrer"
          title={`${version.createdBy}, ${dateTime(version.createdAt)}`}
          {...(version.file ? { download: version.file.name } : {})}
        >
          {text}
        </Anchor>
      ) : (
        <Text size="xs">{text}</Text>
      )}
    </Group>
  );
}
