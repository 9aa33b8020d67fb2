import { Box, Code, Group, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { humanize, inputValue } from '../format.ts';

export interface ExplanationData {
  ruleId: string;
  path: string[];
  inputs: Record<string, unknown>;
}

/** The rule path (the steps evaluated, in order) and the inputs read: why a value is what it is. */
export function ExplanationView({ explanation, title }: { explanation: ExplanationData; title?: string }) {
  const inputs = Object.entries(explanation.inputs);
  return (
    <Stack gap="sm" data-testid="explanation">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        {title && (
          <Text fw={600} size="sm">
            {title}
          </Text>
        )}
        <Code fz={11} c="dimmed">
          {explanation.ruleId}
        </Code>
      </Group>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {explanation.path.map((step, index) => {
          const last = index === explanation.path.length - 1;
          return (
            <Box
              component="li"
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered, static list
              key={index}
              pl="md"
              py={3}
              style={{
                borderLeft: `2px solid ${last ? 'var(--mantine-color-brand-5)' : 'var(--mantine-color-gray-3)'}`,
              }}
            >
              <Text size="sm" fw={last ? 600 : 400} c={last ? undefined : 'dark.4'}>
                {step}
              </Text>
            </Box>
          );
        })}
      </Box>
      {inputs.length > 0 && (
        <Box>
          <Text className="section-title" mb={4}>
            Inputs
          </Text>
          <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="xs">
            <Table.Tbody>
              {inputs.map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Td c="dimmed" pr="md" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    {humanize(key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{inputValue(key, value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      )}
    </Stack>
  );
}

/** Wraps a value (badge, date) in a button that opens its explanation. */
export function Explain({
  explanation,
  title,
  label,
  children,
  width = 420,
  showIcon = true,
  block = false,
}: {
  explanation: ExplanationData;
  title: string;
  /** The accessible name of the button, e.g. "Explain priority". */
  label: string;
  children: ReactNode;
  width?: number;
  showIcon?: boolean;
  /** A block target (a tile): rendered as a focusable div with the button role. */
  block?: boolean;
}) {
  return (
    <Popover width={width} position="bottom-start" shadow="lg" withArrow trapFocus={false} returnFocus>
      <Popover.Target>
        {block ? (
          <Box
            role="button"
            tabIndex={0}
            aria-label={label}
            style={{ cursor: 'pointer', borderRadius: 8, display: 'block', height: '100%' }}
            onKeyDown={(event: React.KeyboardEvent<HTMLDivElement>) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                event.currentTarget.click();
              }
            }}
          >
            {children}
          </Box>
        ) : (
          <UnstyledButton
            aria-label={label}
            style={{ borderRadius: 6, display: 'inline-flex', alignItems: 'center', gap: 4 }}
          >
            {children}
            {showIcon && <IconInfoCircle size={14} color="var(--mantine-color-gray-5)" aria-hidden />}
          </UnstyledButton>
        )}
      </Popover.Target>
      <Popover.Dropdown p="md">
        <ExplanationView explanation={explanation} title={title} />
      </Popover.Dropdown>
    </Popover>
  );
}
