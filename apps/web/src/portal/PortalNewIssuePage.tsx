import type { PortalMe, PortalProject } from '@liaison/contracts';
import {
  Alert,
  Button,
  Card,
  Chip,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconExternalLink, IconLifebuoy, IconMessageQuestion } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, fieldErrors } from '../api.ts';
import { ErrorNote } from '../components/PageState.tsx';
import { usePortalIssueMutation } from '../mutations.ts';
import { queries } from '../queries.ts';
import { BackLink, WithPortalProject } from './portal-project-parts.tsx';

type Kind = 'project' | 'support';

/** The handbook's two kinds of request, in its words (docs/portal.md, Projects in the portal). */
const choices: { value: Kind; icon: React.ReactNode; title: string; text: string }[] = [
  {
    value: 'project',
    icon: <IconMessageQuestion size={20} />,
    title: 'A question or request for your account team',
    text: 'Product usage, best practices, a feature request, training, a meeting agenda.',
  },
  {
    value: 'support',
    icon: <IconLifebuoy size={20} />,
    title: 'A problem with the product — downtime, errors, something broken',
    text: 'Support handles it around the clock, faster than the project.',
  },
];

/**
 * `/portal/projects/$projectId/issues/new`. The handbook's first question: a question or request
 * for the account team goes in the project; a problem with the product (downtime, errors) goes to
 * support, which answers around the clock — so the page asks before it shows a form.
 */
export function PortalNewIssuePage() {
  const { projectId } = useParams({ from: '/portal/signed-in/projects/$projectId/issues/new' });
  const me = useSuspenseQuery(queries.portalMe()).data;
  const [kind, setKind] = useState<Kind | null>(null);
  return (
    <WithPortalProject projectId={projectId}>
      {(project) => (
        <Stack gap="md">
          <BackLink projectId={project.id} />
          <Title order={2} fz={24}>
            New issue
          </Title>
          <Radio.Group
            value={kind}
            onChange={(value) => setKind(value as Kind)}
            label="What is it about?"
            labelProps={{ mb: 'xs' }}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {choices.map((choice) => (
                <Radio.Card
                  key={choice.value}
                  value={choice.value}
                  p="md"
                  radius="md"
                  aria-label={choice.title}
                >
                  <Choice {...choice} />
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {kind === 'project' && <NewIssueForm project={project} />}
          {kind === 'support' && <SupportChoice me={me} />}
        </Stack>
      )}
    </WithPortalProject>
  );
}

function Choice({ icon, title, text }: { icon: React.ReactNode; title: string; text: string }) {
  return (
    <Group wrap="nowrap" align="flex-start">
      <Radio.Indicator color="teal" />
      <div>
        <Group gap={6} wrap="nowrap">
          {icon}
          <Text fw={600}>{title}</Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {text}
        </Text>
      </div>
    </Group>
  );
}

/** Support problems leave the portal: to the vendor's support site, or their usual channel. */
function SupportChoice({ me }: { me: PortalMe }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLifebuoy size={18} />}
      title="Open a support ticket instead"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          Outages, errors and anything broken go to {me.vendor.name} support, not to this project: support
          watches around the clock and has the tools to fix it.
        </Text>
        {me.vendor.supportUrl ? (
          <Button
            component="a"
            href={me.vendor.supportUrl}
            target="_blank"
            rel="noopener noreferrer"
            color="orange"
            rightSection={<IconExternalLink size={14} />}
          >
            Open a support ticket
          </Button>
        ) : (
          <Text size="sm" fw={500} data-testid="portal-support-contact">
            Please contact {me.vendor.name} support through your usual support channel.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Title, description (a template fills it), one of the project's labels. */
function NewIssueForm({ project }: { project: PortalProject }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [labelName, setLabelName] = useState<string | null>(null);
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const navigate = useNavigate();
  const open = usePortalIssueMutation(project.id, () =>
    api.portal.openIssue(project.id, {
      title,
      ...(description.trim() ? { description } : {}),
      ...(labelName ? { labels: [labelName] } : {}),
    }),
  );
  const applyTemplate = (key: string) => {
    const template = project.issueTemplates.find((t) => t.key === key);
    if (!template) return;
    setTemplateKey(key);
    // A template's title is a prefix ("Feature request:"); the customer's own title wins.
    if (!title.trim() && template.title) setTitle(`${template.title} `);
    setDescription(template.description);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(undefined, {
      onSuccess: (issue) =>
        navigate({
          to: '/portal/projects/$projectId/issues/$number',
          params: { projectId: project.id, number: String(issue.number) },
        }),
    });
  };
  const errors = fieldErrors(open.error);
  return (
    <Card
      padding="lg"
      component="form"
      onSubmit={submit}
      aria-label="New issue"
      data-testid="portal-new-issue"
    >
      <Stack gap="md">
        {project.issueTemplates.length > 0 && (
          <div>
            <Text size="sm" fw={500} mb={6}>
              Start from a template
            </Text>
            <Chip.Group value={templateKey} onChange={(key) => applyTemplate(key as string)}>
              <Group gap="xs">
                {project.issueTemplates.map((template) => (
                  <Chip key={template.key} value={template.key} color="teal" variant="outline">
                    {template.name}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
        )}
        <TextInput
          label="Title"
          required
          maxLength={200}
          value={title}
          error={errors.title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <Textarea
          label="Description"
          description="Markdown works: headings, lists, `code`, links."
          autosize
          minRows={6}
          maxLength={20_000}
          value={description}
          error={errors.description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        {project.labels.length > 0 && (
          <Radio.Group label="Label" value={labelName} onChange={setLabelName}>
            <Group gap="md" mt={6}>
              {project.labels.map((projectLabel) => (
                <Radio
                  key={projectLabel.name}
                  value={projectLabel.name}
                  label={projectLabel.name}
                  color="teal"
                />
              ))}
            </Group>
          </Radio.Group>
        )}
        {open.error && !errors.title && !errors.description && <ErrorNote error={open.error} />}
        <Group justify="flex-end">
          <Button type="submit" color="teal" disabled={!title.trim()} loading={open.isPending}>
            Open the issue
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
