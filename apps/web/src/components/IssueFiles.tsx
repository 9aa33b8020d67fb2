import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { fileSize } from '../journey-format.ts';
import { uploadRefusal } from '../project-format.ts';
import { ErrorNote } from './PageState.tsx';

// An issue's files, shared by the staff Project tab and the customer portal (docs/projects.md):
// the list of download links and the "Attach a file" button. Each side brings its own URLs and
// its own upload (the staff API or the portal's, which sends the CSRF token).

export interface IssueFile {
  id: string;
  fileName: string;
  size: number;
}

/** Download links, oldest first; `by` adds who attached a file (staff see the customer's). */
export function IssueFileLinks<T extends IssueFile>({
  files,
  href,
  by,
}: {
  files: readonly T[];
  href: (file: T) => string;
  by?: (file: T) => string | null;
}) {
  return files.map((file) => {
    const who = by?.(file);
    return (
      <Anchor key={file.id} size="sm" href={href(file)} download={file.fileName}>
        <Group gap={4} component="span">
          <IconPaperclip size={14} />
          {file.fileName} ({fileSize(file.size)}){who ? ` · ${who}` : ''}
        </Group>
      </Anchor>
    );
  });
}

/**
 * "Attach a file": a file over the contract's limit is refused before it is read; anything else
 * is sent, and the server's refusal (an empty file, an unreadable name) is shown as it says it.
 */
export function AttachFileButton({ upload }: { upload: UseMutationResult<unknown, Error, File> }) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);
  const pick = (file: File | null) => {
    if (!file) return;
    resetRef.current?.(); // so the same file can be picked again after a refusal
    const why = uploadRefusal(file);
    setRefusal(why);
    if (!why) upload.mutate(file);
  };
  return (
    <Stack gap={4}>
      <FileButton onChange={pick} resetRef={resetRef}>
        {(props) => (
          <Button
            {...props}
            size="xs"
            variant="subtle"
            w="fit-content"
            leftSection={<IconPaperclip size={14} />}
            loading={upload.isPending}
          >
            Attach a file
          </Button>
        )}
      </FileButton>
      {refusal && (
        <Text size="xs" c="red.7" role="alert">
          {refusal}
        </Text>
      )}
      <ErrorNote error={refusal ? null : upload.error} />
    </Stack>
  );
}
