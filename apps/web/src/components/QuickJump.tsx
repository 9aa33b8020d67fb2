import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Spotlight } from '@mantine/spotlight';
import { IconBuildingSkyscraper, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { label, money, notScoredReason, regionLabels, segmentLabels } from '../format.ts';
import { queries } from '../queries.ts';
import { HealthBadge, PriorityBadge } from './Badges.tsx';

/** ⌘K / Ctrl+K: jump to any account by name. */
export function QuickJump() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const navigate = useNavigate();
  const { data, isFetching } = useQuery({
    ...queries.accountSearch(debounced),
    placeholderData: keepPreviousData,
  });
  const items = data?.items ?? [];
  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={420}
      size="lg"
    >
      <Spotlight.Search
        placeholder="Jump to an account…"
        aria-label="Search accounts"
        leftSection={<IconSearch size={18} stroke={1.6} />}
      />
      <Spotlight.ActionsList>
        {items.map((account) => (
          <Spotlight.Action
            key={account.id}
            onClick={() => navigate({ to: '/accounts/$accountId', params: { accountId: account.id } })}
          >
            <Group wrap="nowrap" w="100%" gap="sm">
              <IconBuildingSkyscraper size={18} stroke={1.5} color="var(--mantine-color-gray-6)" />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500} truncate>
                  {account.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {label(segmentLabels, account.segment)} · {label(regionLabels, account.region)} ·{' '}
                  {money(account.arr)} ARR
                </Text>
              </div>
              {account.assessment && (
                <Group gap="xs" wrap="nowrap">
                  <PriorityBadge priority={account.assessment.priority} size="xs" />
                  <HealthBadge
                    colour={account.assessment.healthColour}
                    size="xs"
                    why={notScoredReason({ hasTam: account.tam !== null })}
                  />
                </Group>
              )}
            </Group>
          </Spotlight.Action>
        ))}
        {items.length === 0 && (
          <Spotlight.Empty>{isFetching ? 'Searching…' : 'No account matches'}</Spotlight.Empty>
        )}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
