import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A secret shown once (an API token, a calendar feed's address), with a button that copies it. */
export function CopyableSecret({ value, testId }: { value: string; testId: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="stretch">
      <Code
        block
        data-testid={testId}
        style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}
      >
        {value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'filled'}
            color={copied ? 'teal' : undefined}
            leftSection={copied ? <IconCheck size={15} /> : <IconCopy size={15} />}
            onClick={copy}
            h="auto"
            w={104}
          >
            {copied ? 'Copied' : 'Copy'}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The warning that comes with a secret shown once: copy it now; what to do if it is lost. */
export function ShownOnceAlert({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py="xs">
      <Text size="sm" fw={500}>
        Copy it now: you will not see this {what} again.
      </Text>
      <Text size="sm">{children}</Text>
    </Alert>
  );
}
