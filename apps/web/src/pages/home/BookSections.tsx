import type { Home } from '@liaison/contracts';
import { Box, Grid, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { Dot, healthColors } from '../../components/Badges.tsx';
import { healthLabels, label, money, NOT_SCORED, plural, priorityLabels } from '../../format.ts';
import { usePlaybook, useTierName } from '../../hooks.ts';
import { tierIds } from '../../playbook-text.ts';
import { Section, Stat } from './HomeParts.tsx';

type Row = { key: string; accounts: number; arr: number };

/** A breakdown of accounts and ARR, with each row's share of the ARR. */
function ShareList({
  rows,
  name,
  color,
}: {
  rows: Row[];
  name: (key: string) => string;
  color?: (key: string) => string;
}) {
  const total = rows.reduce((sum, row) => sum + row.arr, 0) || 1;
  return (
    <Stack gap={8}>
      {rows.map((row) => (
        <Box key={row.key} data-key={row.key}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              {color && <Dot color={color(row.key)} />}
              <Text size="sm" fw={500}>
                {name(row.key)}
              </Text>
            </Group>
            <Text size="sm" className="num">
              {money(row.arr)}{' '}
              <Text span size="xs" c="dimmed">
                · {plural(row.accounts, 'account')}
              </Text>
            </Text>
          </Group>
          <Progress
            value={(row.arr / total) * 100}
            size="sm"
            mt={4}
            color={color ? color(row.key) : 'brand'}
          />
        </Box>
      ))}
    </Stack>
  );
}

/** Worst first, not scored last: the order the rest of the app reads health in. */
const HEALTH_ORDER = ['red', 'yellow', 'green', 'none'];
const byHealth = <T extends { key: string }>(rows: T[]) =>
  [...rows].sort((left, right) => rank(HEALTH_ORDER, left.key) - rank(HEALTH_ORDER, right.key));
const rank = (order: string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

const healthName = (key: string) => (key === 'none' || !key ? NOT_SCORED : label(healthLabels, key));
const healthColor = (key: string) => healthColors[key] ?? healthColors.none!;

/** Manager: customers' ARR by health colour, and the ARR at risk (flag, red, or yellow + triage). */
export function ArrAtRiskSection({ arrAtRisk }: { arrAtRisk: NonNullable<Home['arrAtRisk']> }) {
  const rows = arrAtRisk.byHealth.map((row) => ({
    key: row.health ?? 'none',
    accounts: row.accounts,
    arr: row.arr,
  }));
  const total = rows.reduce((sum, row) => sum + row.arr, 0);
  return (
    <Grid gap="md" data-testid="home-arr-at-risk">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stat
          title="ARR at risk"
          value={money(arrAtRisk.flagged.arr)}
          color={arrAtRisk.flagged.arr > 0 ? 'red.7' : undefined}
          note={`${plural(arrAtRisk.flagged.accounts, 'account')} · at-risk flag, red, or yellow needing triage · ${total ? Math.round((arrAtRisk.flagged.arr / total) * 100) : 0}% of customer ARR`}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Section title="Customer ARR by health" testId="home-arr-by-health" right={money(total)}>
          <ShareList rows={rows} name={healthName} color={healthColor} />
        </Section>
      </Grid.Col>
    </Grid>
  );
}

/** Viewer: the book's accounts and ARR by tier, priority and health. */
export function BookSection({ book }: { book: NonNullable<Home['book']> }) {
  const tierName = useTierName();
  // The playbook's order: highest tier first, digital last.
  const tiers = tierIds(usePlaybook());
  const byTier = [...book.byTier].sort((left, right) => rank(tiers, left.key) - rank(tiers, right.key));
  return (
    <Stack gap="md" data-testid="home-book">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
        <Stat title="Accounts" value={book.accounts.toLocaleString('en-US')} note="in the book" />
        <Stat title="ARR" value={money(book.arr)} note="all accounts" />
        <Stat
          title="Red"
          value={(book.byHealth.find((row) => row.key === 'red')?.accounts ?? 0).toLocaleString('en-US')}
          note={money(book.byHealth.find((row) => row.key === 'red')?.arr ?? 0)}
          color="red.7"
        />
        <Stat
          title="Yellow"
          value={(book.byHealth.find((row) => row.key === 'yellow')?.accounts ?? 0).toLocaleString('en-US')}
          note={money(book.byHealth.find((row) => row.key === 'yellow')?.arr ?? 0)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Section title="By tier" testId="book-by-tier">
          <ShareList rows={byTier} name={(key) => (key === 'none' || !key ? 'No tier' : tierName(key))} />
        </Section>
        <Section title="By priority" testId="book-by-priority">
          <ShareList rows={book.byPriority} name={(key) => label(priorityLabels, key) || 'None'} />
        </Section>
        <Section title="By health" testId="book-by-health">
          <ShareList rows={byHealth(book.byHealth)} name={healthName} color={healthColor} />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
