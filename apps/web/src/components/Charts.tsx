import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { date } from '../format.ts';
import { Dot, healthColors } from './Badges.tsx';

/** Counts per health colour as one stacked bar with a legend. */
export function HealthDistribution({
  counts,
}: {
  counts: Record<'green' | 'yellow' | 'red' | 'none', number>;
}) {
  const order = ['green', 'yellow', 'red', 'none'] as const;
  const total = order.reduce((sum, key) => sum + counts[key], 0);
  const names = { green: 'Green', yellow: 'Yellow', red: 'Red', none: 'Not scored' };
  return (
    <Stack gap="sm" role="img" aria-label={order.map((key) => `${names[key]} ${counts[key]}`).join(', ')}>
      <Group gap={2} wrap="nowrap" h={14} style={{ borderRadius: 4, overflow: 'hidden' }}>
        {total === 0 && <Box h={14} w="100%" bg="gray.2" />}
        {order
          .filter((key) => counts[key] > 0)
          .map((key) => (
            <Tooltip key={key} label={`${names[key]}: ${counts[key]}`}>
              <Box h={14} style={{ flex: counts[key], background: healthColors[key] }} />
            </Tooltip>
          ))}
      </Group>
      <Group gap="lg">
        {order.map((key) => (
          <Group key={key} gap={6} wrap="nowrap">
            <Dot color={healthColors[key]!} />
            <Text size="sm" c="dimmed">
              {names[key]}
            </Text>
            <Text size="sm" fw={600} className="num">
              {counts[key]}
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}

/** A vertical column per colour: the distribution at a glance. */
export function HealthColumns({ counts }: { counts: Record<'green' | 'yellow' | 'red' | 'none', number> }) {
  const order = ['green', 'yellow', 'red', 'none'] as const;
  const names = { green: 'Green', yellow: 'Yellow', red: 'Red', none: 'Not scored' };
  const max = Math.max(1, ...order.map((key) => counts[key]));
  return (
    <Group
      align="flex-end"
      gap="md"
      h={120}
      wrap="nowrap"
      role="img"
      aria-label={`Health distribution: ${order.map((key) => `${names[key]} ${counts[key]}`).join(', ')}`}
    >
      {order.map((key) => (
        <Stack key={key} gap={4} align="center" style={{ flex: 1 }} justify="flex-end" h="100%">
          <Text size="sm" fw={600} className="num">
            {counts[key]}
          </Text>
          <Box
            w="100%"
            maw={56}
            h={`${Math.max(2, (counts[key] / max) * 80)}px`}
            style={{
              background: counts[key] > 0 ? healthColors[key] : 'var(--mantine-color-gray-3)',
              borderRadius: '4px 4px 0 0',
            }}
          />
          <Text size="xs" c="dimmed">
            {names[key]}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

/** Load against a capacity of 1.0: the bar's scale runs to at least 1.25 so overload shows. */
export function LoadBar({
  load,
  height = 10,
  scaleMax,
}: {
  load: number;
  height?: number;
  scaleMax?: number;
}) {
  const max = Math.max(1.25, scaleMax ?? 0, load);
  const color =
    load > 1.0001
      ? 'var(--mantine-color-red-6)'
      : load >= 0.85
        ? 'var(--mantine-color-orange-5)'
        : 'var(--mantine-color-brand-5)';
  return (
    <Box
      pos="relative"
      h={height}
      bg="gray.1"
      style={{ borderRadius: 3 }}
      role="meter"
      aria-valuenow={load}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-label={`Capacity load ${load.toFixed(2)} of 1.0`}
    >
      <Box
        pos="absolute"
        top={0}
        left={0}
        h={height}
        w={`${(Math.min(load, max) / max) * 100}%`}
        style={{ background: color, borderRadius: 3 }}
      />
      <Box
        pos="absolute"
        top={-3}
        h={height + 6}
        w={2}
        left={`calc(${(1 / max) * 100}% - 1px)`}
        bg="dark.3"
        title="Capacity 1.0"
      />
    </Box>
  );
}

export interface TrendPoint {
  at: string;
  score: number | null;
  colour: string | null;
}

/** Health score over time with the colour thresholds as bands (the playbook's `health.thresholds`). */
export function HealthTrend({
  points,
  thresholds,
  height = 170,
}: {
  points: TrendPoint[];
  thresholds: { green: number; yellow: number };
  height?: number;
}) {
  const width = 380;
  const pad = { left: 26, right: 8, top: 8, bottom: 20 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (index: number) =>
    pad.left + (points.length <= 1 ? innerW : (index / (points.length - 1)) * innerW);
  const y = (score: number) => pad.top + innerH - (score / 100) * innerH;
  const scored = points.map((point, index) => ({ ...point, index })).filter((point) => point.score !== null);
  const path = scored
    .map((point, i) => `${i === 0 ? 'M' : 'L'}${x(point.index)},${y(point.score!)}`)
    .join(' ');
  const summary = scored.map((point) => `${date(point.at, false)}: ${Math.round(point.score!)}`).join('; ');
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={`Health score by month. ${summary}`}
      style={{ display: 'block' }}
    >
      <rect x={pad.left} y={y(100)} width={innerW} height={y(thresholds.green) - y(100)} fill="#e6fcf5" />
      <rect
        x={pad.left}
        y={y(thresholds.green)}
        width={innerW}
        height={y(thresholds.yellow) - y(thresholds.green)}
        fill="#fff9db"
      />
      <rect
        x={pad.left}
        y={y(thresholds.yellow)}
        width={innerW}
        height={y(0) - y(thresholds.yellow)}
        fill="#fff5f5"
      />
      {[0, thresholds.yellow, thresholds.green, 100].map((tick) => (
        <text key={tick} x={pad.left - 6} y={y(tick) + 3} fontSize="10" textAnchor="end" fill="#868e96">
          {tick}
        </text>
      ))}
      <path d={path} fill="none" stroke="#3d5ac7" strokeWidth="2" strokeLinejoin="round" />
      {scored.map((point) => (
        <circle
          key={point.at}
          cx={x(point.index)}
          cy={y(point.score!)}
          r="3.5"
          fill={healthColors[point.colour ?? 'none']}
          stroke="#fff"
          strokeWidth="1.5"
        >
          <title>{`${date(point.at)}: ${point.score} (${point.colour ?? 'not scored'})`}</title>
        </circle>
      ))}
      {points.map((point, index) =>
        index % 2 === (points.length - 1) % 2 ? (
          <text key={point.at} x={x(index)} y={height - 6} fontSize="10" textAnchor="middle" fill="#868e96">
            {index === points.length - 1 ? 'Now' : date(point.at, false).split(' ')[0]}
          </text>
        ) : null,
      )}
    </svg>
  );
}

/** A TAM's load as a bar and its figure, red past capacity (the Team page and the manager's home). */
export function LoadWithFigure({ load, scaleMax }: { load: number; scaleMax: number }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <div style={{ flex: 1 }}>
        <LoadBar load={load} scaleMax={scaleMax} />
      </div>
      <Text size="sm" className="num" w={36} ta="right" fw={600} c={load > 1.0001 ? 'red.7' : undefined}>
        {load.toFixed(2)}
      </Text>
    </Group>
  );
}
