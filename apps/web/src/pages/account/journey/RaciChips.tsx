import type { RaciChip as Chip, WorkflowStep } from '@liaison/contracts';
import { Badge, Group, Text, Tooltip } from '@mantine/core';

const LETTERS = [
  ['responsible', 'R', 'Responsible'],
  ['accountable', 'A', 'Accountable'],
  ['consulted', 'C', 'Consulted'],
  ['informed', 'I', 'Informed'],
] as const;

/**
 * Who the step names, RACI letter first, each role resolved to the person who holds it on the
 * account now; hovering says how it was resolved (the server's explanation).
 */
export function RaciChips({ step }: { step: WorkflowStep }) {
  const chips: { letter: string; word: string; chip: Chip }[] = [];
  for (const [key, letter, word] of LETTERS) {
    const value = step[key];
    for (const chip of Array.isArray(value) ? value : value ? [value] : [])
      chips.push({ letter, word, chip });
  }
  return (
    <Group gap={6} wrap="wrap" data-testid="raci">
      {chips.map(({ letter, word, chip }) => (
        <RaciChip key={`${letter}-${chip.role}`} letter={letter} word={word} chip={chip} />
      ))}
    </Group>
  );
}

function RaciChip({ letter, word, chip }: { letter: string; word: string; chip: Chip }) {
  // The customer is the account's people, not one staff member: no one to resolve, nothing missing.
  const customer = chip.role === 'customer';
  const person = chip.person?.name ?? (customer ? null : 'nobody yet');
  return (
    <Tooltip
      label={`${word}: ${chip.explanation}`}
      multiline
      maw={320}
      withArrow
      events={{ hover: true, focus: true, touch: true }}
    >
      <Badge
        // Focusable, so that the explanation is reachable from the keyboard too.
        tabIndex={0}
        size="md"
        radius="sm"
        variant={letter === 'R' ? 'light' : 'default'}
        color={chip.person || customer ? 'brand' : 'orange'}
        tt="none"
        fw={500}
        leftSection={
          <Text span fw={700} size="xs" c={letter === 'R' ? 'brand.7' : 'dimmed'}>
            {letter}
          </Text>
        }
        data-role={chip.role}
        aria-label={person ? `${word}: ${chip.label}, ${person}` : `${word}: ${chip.label}`}
      >
        {person ? `${chip.label} · ${person}` : chip.label}
      </Badge>
    </Tooltip>
  );
}
