import { Button, type MantineSpacing } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/**
 * The quiet "+ Add …" link a card shows in place of its inline form until the user asks for
 * it: cards stay readable, and every one opens its form the same way.
 */
export function OpenFormButton({
  onClick,
  mt = 4,
  children,
}: {
  onClick: () => void;
  mt?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} mt={mt} onClick={onClick}>
      {children}
    </Button>
  );
}
