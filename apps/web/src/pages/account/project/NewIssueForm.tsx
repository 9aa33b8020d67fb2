import type { Project } from '@liaison/contracts';
import { Button, Group, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, fieldErrors } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { useAccountMutation } from '../../../mutations.ts';

/** A new issue, blank or from one of the project's issue templates (meeting agenda, feature request). */
export function NewIssueForm({ project, onDone }: { project: Project; onDone: (number?: number) => void }) {
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [labels, setLabels] = useState<string[]>([]);
  const create = useAccountMutation(
    project.accountId,
    () => api.projects.openIssue(project.id, { title: title.trim(), description, labels }),
    { success: (issue) => `#${issue.number} opened.` },
  );
  const errors = fieldErrors(create.error);
  const applyTemplate = (key: string | null) => {
    setTemplateKey(key);
    const template = project.issueTemplates.find((t) => t.key === key);
    if (!template) return;
    setTitle(template.title);
    setDescription(template.description);
    setLabels(template.labels.filter((name) => project.labels.some((l) => l.name === name)));
  };
  return (
    <Stack gap="xs" mb="md" data-testid="new-issue">
      <Select
        label="Template"
        placeholder="Blank issue"
        clearable
        value={templateKey}
        onChange={applyTemplate}
        data={project.issueTemplates.map((t) => ({ value: t.key, label: t.name }))}
      />
      <TextInput
        label="Title"
        required
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
      />
      <Textarea
        label="Description (Markdown)"
        autosize
        minRows={4}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={errors.description}
      />
      <MultiSelect
        label="Labels"
        data={project.labels.map((l) => l.name)}
        value={labels}
        onChange={setLabels}
        error={errors.labels}
      />
      <ErrorNote error={create.error} />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!title.trim()}
          loading={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (issue) => onDone(issue.number) })}
        >
          Open issue
        </Button>
        <Button size="xs" variant="subtle" color="gray" onClick={() => onDone()}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
