import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { OverdueCount } from '../../components/Badges.tsx';
import { LoadWithFigure } from '../../components/Charts.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { label, plural, regionLabels } from '../../format.ts';
import { queries } from '../../queries.ts';
import { Section } from './HomeParts.tsx';

/**
 * The manager's team at a glance, from the team overview: each TAM's load and overdue work, the
 * name opening that TAM's home as they see it (read-only). The Team page has the rest.
 */
export function TeamSection({ region }: { region: string | null }) {
  const overview = useQuery(queries.teamOverview());
  if (overview.error) return <ErrorNote error={overview.error} />;
  if (!overview.data) return null;
  // The TAMs of the region the rest of the manager's home covers (the server says which).
  const tams = overview.data.tams
    .filter((tam) => !region || tam.region === region)
    .sort((left, right) => right.overdue - left.overdue || right.load - left.load);
  const maxLoad = Math.max(1.25, ...tams.map((tam) => tam.load));
  return (
    <Section
      title="My team"
      testId="home-team"
      right={`${plural(tams.length, 'TAM')} · most overdue first · a name opens that TAM’s home`}
    >
      <Table aria-label="TAMs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>TAM</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            <Table.Th w={260}>Load</Table.Th>
            <Table.Th ta="right">Overdue</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tams.map((tam) => (
            <Table.Tr key={tam.userId} data-user={tam.userId}>
              <Table.Td>
                <AnchorLink to="/home" search={{ userId: tam.userId }} size="sm" c="dark" fw={500}>
                  {tam.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{label(regionLabels, tam.region)}</Text>
              </Table.Td>
              <Table.Td ta="right" className="num">
                {tam.accounts}
              </Table.Td>
              <Table.Td>
                <LoadWithFigure load={tam.load} scaleMax={maxLoad} />
              </Table.Td>
              <Table.Td ta="right">
                <OverdueCount count={tam.overdue} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
