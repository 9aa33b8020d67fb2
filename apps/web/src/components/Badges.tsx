import { Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import {
  gemstoneLabels,
  healthLabels,
  label,
  NOT_SCORED,
  notScoredReason,
  PROVISIONAL_HINT,
  priorityLabels,
} from '../format.ts';
import { usePlaybook, useTierName } from '../hooks.ts';
import { DIGITAL_TIER, priorityDescription } from '../playbook-text.ts';

export const healthColors: Record<string, string> = {
  green: 'var(--mantine-color-teal-6)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-6)',
  none: 'var(--mantine-color-gray-4)',
};

const priorityColors: Record<string, string> = { pr1: 'brand', pr2: 'cyan', pr3: 'gray', pr4: 'gray' };
const gemstoneColors: Record<string, string> = {
  diamond: '#22b8cf',
  pearl: '#c2a5cf',
  sapphire: '#364fc7',
  ruby: '#c92a2a',
  quartz: '#adb5bd',
};

export function Dot({ color, size = 8 }: { color: string; size?: number }) {
  return (
    <Box
      component="span"
      w={size}
      h={size}
      style={{ borderRadius: '50%', background: color, flex: 'none' }}
    />
  );
}

export function PriorityBadge({
  priority,
  size = 'sm',
}: {
  priority: string;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const playbook = usePlaybook();
  return (
    <Tooltip label={priorityDescription(playbook, priority)}>
      <Badge
        size={size}
        color={priorityColors[priority] ?? 'gray'}
        variant={priority === 'pr1' ? 'filled' : 'light'}
        className="num"
      >
        {label(priorityLabels, priority)}
      </Badge>
    </Tooltip>
  );
}

/**
 * A health colour with its score; with no colour a neutral grey "Not scored" badge whose tooltip
 * says why (`why`, e.g. "No TAM: the health scorecard is the TAM’s") — never a red 0 or a blank.
 */
export function HealthBadge({
  colour,
  score,
  size = 'sm',
  why,
}: {
  colour: string | null | undefined;
  score?: number | null | undefined;
  size?: 'xs' | 'sm' | 'md';
  /** Why it is not scored; defaults to both possible reasons. */
  why?: string;
}) {
  if (!colour) return <NotScoredBadge size={size} why={why} />;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Dot color={healthColors[colour] ?? healthColors.none!} size={size === 'md' ? 10 : 8} />
      <Text component="span" size={size} fw={500}>
        {label(healthLabels, colour)}
      </Text>
      {score != null && (
        <Text component="span" size={size === 'md' ? 'sm' : 'xs'} c="dimmed" className="num">
          {Math.round(score)}
        </Text>
      )}
    </Group>
  );
}

/** Health with no colour: grey, neutral, explained on hover. */
export function NotScoredBadge({
  size = 'sm',
  why,
}: {
  size?: 'xs' | 'sm' | 'md';
  why?: string | undefined;
}) {
  return (
    <Tooltip label={why ?? notScoredReason()} multiline maw={280}>
      <Badge
        size={size}
        color="gray"
        variant="light"
        leftSection={<Dot color={healthColors.none!} size={size === 'md' ? 8 : 7} />}
        fw={500}
        data-testid="not-scored"
      >
        {NOT_SCORED}
      </Badge>
    </Tooltip>
  );
}

/** A TAM-aligned account with no TAM: its priority is provisional and nothing is owed. */
export function ProvisionalBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Tooltip label={PROVISIONAL_HINT} multiline maw={280}>
      <Badge size={size} color="gray" variant="outline" fw={500} data-testid="provisional">
        provisional
      </Badge>
    </Tooltip>
  );
}

/** Yellow + Requires Triage: the TAM needs help (set with the TAM sentiment). */
export function RequiresTriageBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Tooltip label="Yellow + Requires Triage: the TAM needs help" multiline maw={280}>
      <Badge size={size} color="orange" variant="light" data-testid="requires-triage-badge">
        Requires triage
      </Badge>
    </Tooltip>
  );
}

export function TierBadge({ tier, size = 'sm' }: { tier: string; size?: 'xs' | 'sm' | 'md' }) {
  const tierName = useTierName();
  return (
    <Badge size={size} variant="outline" color={tier === DIGITAL_TIER ? 'gray' : 'dark'} fw={600}>
      {tierName(tier)}
    </Badge>
  );
}

export function GemstoneBadge({ gemstone, size = 'sm' }: { gemstone: string; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      size={size}
      variant="default"
      leftSection={<Dot color={gemstoneColors[gemstone] ?? '#adb5bd'} size={7} />}
      fw={500}
    >
      {label(gemstoneLabels, gemstone)}
    </Badge>
  );
}

const statusColor: Record<string, string> = { overdue: 'red', due_soon: 'orange', ok: 'gray' };
const statusText: Record<string, string> = { overdue: 'Overdue', due_soon: 'Due soon', ok: 'On track' };

export function StatusBadge({ status, fulfilled }: { status: string; fulfilled?: boolean }) {
  if (fulfilled) {
    return (
      <Badge size="sm" color="teal" variant="light">
        Met
      </Badge>
    );
  }
  return (
    <Badge
      size="sm"
      color={statusColor[status] ?? 'gray'}
      variant={status === 'overdue' ? 'filled' : 'light'}
    >
      {statusText[status] ?? status}
    </Badge>
  );
}

/** How many obligations are overdue: a red badge, or a quiet 0. */
export function OverdueCount({ count }: { count: number }) {
  return count > 0 ? (
    <Badge color="red" variant="light" className="num">
      {count}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      0
    </Text>
  );
}
