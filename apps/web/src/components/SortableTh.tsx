import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface SortState<K extends string> {
  key: K;
  desc: boolean;
}

/** A column header that sorts its table when clicked (keyboard: Enter/Space). */
export function SortableTh<K extends string>({
  children,
  column,
  sort,
  onSort,
  align,
  w,
}: {
  children: ReactNode;
  column: K;
  sort: SortState<K>;
  onSort: (next: SortState<K>) => void;
  align?: 'left' | 'right';
  w?: number | string;
}) {
  const active = sort.key === column;
  const Icon = active ? (sort.desc ? IconArrowDown : IconArrowUp) : IconSelector;
  return (
    <Table.Th
      w={w}
      aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      style={{ textAlign: align ?? 'left' }}
    >
      <UnstyledButton
        onClick={() => onSort({ key: column, desc: active ? !sort.desc : false })}
        style={{ fontWeight: 600, fontSize: 12 }}
      >
        <Group gap={3} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={12} color={active ? undefined : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function compareBy<T>(value: (item: T) => string | number | null | undefined, desc: boolean) {
  return (left: T, right: T) => {
    const a = value(left);
    const b = value(right);
    if (a == null && b == null) return 0;
    if (a == null) return 1;
    if (b == null) return -1;
    const result = a < b ? -1 : a > b ? 1 : 0;
    return desc ? -result : result;
  };
}
