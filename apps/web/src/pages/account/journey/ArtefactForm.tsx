import type { Artefact, CreateArtefactRequest, WorkflowStep } from '@liaison/contracts';
import { Button, FileInput, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, fieldErrors } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { label } from '../../../format.ts';
import { artefactKinds, outputKindLabels } from '../../../journey-format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { fileUpload, UPLOAD_LIMIT, uploadRefusal } from '../../../project-format.ts';

/**
 * Attaches a document to the step as its output: a link, or a file (at most 3 MB) that Liaison
 * keeps. With `artefact`, the same source becomes that document's next version (sign-offs are
 * given per version, so a new version asks for them again).
 */
export function ArtefactForm({
  step,
  artefact,
  onDone,
}: {
  step: WorkflowStep;
  artefact?: Artefact;
  onDone: () => void;
}) {
  const defaultKind =
    step.output && (artefactKinds as readonly string[]).includes(step.output.kind)
      ? step.output.kind
      : 'other';
  const [title, setTitle] = useState(step.output?.description ?? '');
  const [kind, setKind] = useState<string>(defaultKind);
  const [source, setSource] = useState<'url' | 'file'>('url');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const tooBig = file !== null ? uploadRefusal(file) : null;
  const create = useAccountMutation(
    step.accountId,
    async () => {
      const source_ = await sourceBody();
      return artefact
        ? api.journey.artefacts.addVersion(artefact.id, { ...source_, version: artefact.version })
        : api.journey.artefacts.create(step.accountId, {
            title: title.trim(),
            kind: kind as CreateArtefactRequest['kind'],
            stepId: step.id,
            ...source_,
          });
    },
    {
      success: (saved) =>
        artefact ? `${saved.title}: version ${saved.currentVersion} added.` : `${saved.title} attached.`,
    },
  );
  // The link or the file, read when the user saves.
  async function sourceBody() {
    return {
      ...(source === 'url' ? { url: url.trim() } : file ? { file: await fileUpload(file) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
  }
  const errors = fieldErrors(create.error);

  return (
    <form
      aria-label={artefact ? `New version of ${artefact.title}` : 'Add artefact'}
      onSubmit={(event) => {
        event.preventDefault();
        if (!tooBig) create.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        {!artefact && (
          <>
            <TextInput
              label="Title"
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={errors.title}
            />
            <Select
              label="Kind"
              data={artefactKinds.map((value) => ({ value, label: label(outputKindLabels, value) }))}
              value={kind}
              onChange={(value) => value && setKind(value)}
              allowDeselect={false}
              error={errors.kind}
            />
          </>
        )}
        <SegmentedControl
          size="xs"
          value={source}
          onChange={(value) => setSource(value as 'url' | 'file')}
          data={[
            { value: 'url', label: 'Link' },
            { value: 'file', label: 'Upload a file' },
          ]}
        />
        {source === 'url' ? (
          <TextInput
            label="URL"
            placeholder="https://…"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={errors.url}
          />
        ) : (
          <FileInput
            label="File"
            description={`At most ${UPLOAD_LIMIT}; Liaison keeps it with the account.`}
            placeholder="Choose a file"
            value={file}
            onChange={setFile}
            clearable
            error={tooBig ?? errors['file.base64'] ?? errors.file}
          />
        )}
        <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {create.error && Object.keys(errors).length === 0 && <ErrorNote error={create.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            size="xs"
            loading={create.isPending}
            disabled={
              tooBig !== null ||
              (!artefact && title.trim() === '') ||
              (source === 'url' ? url.trim() === '' : !file)
            }
          >
            Attach
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
