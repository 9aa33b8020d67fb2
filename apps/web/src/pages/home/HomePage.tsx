import type { Home, HomeView } from '@liaison/contracts';
import { Alert, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageError, PageLoader } from '../../components/PageState.tsx';
import { plural } from '../../format.ts';
import { useCan } from '../../hooks.ts';
import { queries } from '../../queries.ts';
import { ArrAtRiskSection, BookSection } from './BookSections.tsx';
import { HomeAccountTable, Section } from './HomeParts.tsx';
import { PipelineSection } from './PipelineSection.tsx';
import { HandoffsSection, PresalesSection } from './PresalesSection.tsx';
import { RenewalsSection } from './RenewalsSection.tsx';
import { TeamSection } from './TeamSection.tsx';
import { WorkSection } from './WorkSection.tsx';

type SectionKey =
  | 'myAccounts'
  | 'renewals'
  | 'pipeline'
  | 'notGreen'
  | 'presales'
  | 'handoffs'
  | 'arrAtRisk'
  | 'needingTam'
  | 'book'
  | 'work'
  | 'team';

/**
 * Which sections come first on each view. What a view holds is the server's (a section it does
 * not serve is null and skipped); this is only the reading order.
 */
const ORDER: Record<HomeView, SectionKey[]> = {
  account_owner: ['renewals', 'pipeline', 'notGreen', 'myAccounts', 'work'],
  sa: ['presales', 'handoffs', 'pipeline', 'notGreen', 'myAccounts', 'renewals', 'work'],
  tam: ['renewals', 'notGreen', 'work'],
  manager: ['arrAtRisk', 'team', 'renewals', 'notGreen', 'needingTam'],
  viewer: ['book', 'renewals'],
};

function sectionOf(home: Home, key: SectionKey, manageTeam: boolean): ReactNode {
  const first = home.user.name.split(' ')[0];
  switch (key) {
    case 'myAccounts':
      return (
        home.myAccounts && (
          <Section
            title={home.readOnly ? `${first}’s accounts` : 'My accounts'}
            testId="home-my-accounts"
            right={plural(home.myAccounts.length, 'account')}
          >
            <HomeAccountTable
              accounts={home.myAccounts}
              label="My accounts"
              empty="No accounts in this role yet."
            />
          </Section>
        )
      );
    case 'renewals':
      return home.renewals && <RenewalsSection renewals={home.renewals} />;
    case 'pipeline':
      return home.pipeline && <PipelineSection pipeline={home.pipeline} />;
    case 'notGreen':
      return (
        home.notGreen && (
          <Section
            title="Accounts not green"
            testId="home-not-green"
            right={`${plural(home.notGreen.length, 'account')} · red first, then at risk, then ARR`}
          >
            <HomeAccountTable
              accounts={home.notGreen}
              label="Accounts not green"
              empty="Every account is green."
            />
          </Section>
        )
      );
    case 'presales':
      return home.presales && <PresalesSection presales={home.presales} />;
    case 'handoffs':
      return home.handoffs && <HandoffsSection handoffs={home.handoffs} />;
    case 'arrAtRisk':
      return home.arrAtRisk && <ArrAtRiskSection arrAtRisk={home.arrAtRisk} />;
    case 'needingTam':
      return (
        home.needingTam && (
          <Section
            title="Accounts needing a TAM"
            testId="home-needing-tam"
            right={plural(home.needingTam.length, 'account')}
          >
            <HomeAccountTable
              accounts={home.needingTam}
              label="Accounts needing a TAM"
              empty="Every account that needs a TAM has one."
            />
          </Section>
        )
      );
    case 'book':
      return home.book && <BookSection book={home.book} />;
    case 'work':
      return home.work && <WorkSection work={home.work} readOnly={home.readOnly} />;
    case 'team':
      // The team overview is the managers' (the server's `manageTeam` policy).
      return manageTeam && !home.readOnly && <TeamSection region={home.region} />;
  }
}

/** A home for every role (docs/homes.md): the server picks the view and what it holds. */
export function HomePage() {
  const search = useSearch({ from: '/app/home' });
  const navigate = useNavigate({ from: '/home' });
  const manageTeam = useCan().manageTeam;
  const home = useQuery(queries.home(search.view, search.userId));
  if (home.isPending) return <PageLoader />;
  if (home.error) return <PageError error={home.error} />;
  const data = home.data;
  const current = data.views.find((view) => view.view === data.view);
  const order = ORDER[data.view];
  return (
    <>
      <PageHeader
        title={data.readOnly ? `${data.user.name}’s home` : (current?.label ?? 'Home')}
        subtitle={`${new Date().toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })} · from live data`}
        actions={
          data.views.length > 1 && (
            <SegmentedControl
              aria-label="Home view"
              data={data.views.map((view) => ({ value: view.view, label: view.label }))}
              value={data.view}
              onChange={(view) =>
                navigate({
                  search: { view: view as HomeView, ...(search.userId ? { userId: search.userId } : {}) },
                })
              }
            />
          )
        }
      />
      <Stack gap="lg" data-testid="home" data-view={data.view}>
        {data.readOnly && (
          <Alert color="gray" variant="light" icon={<IconEye size={18} />}>
            <Text size="sm">Read-only: {data.user.name}’s home as they see it.</Text>
          </Alert>
        )}
        {data.view === 'manager' && manageTeam && (
          <Group gap="xs">
            {/* Buttons, not links: the nav already links these pages by name. */}
            <Button onClick={() => navigate({ to: '/team' })} variant="default" size="xs">
              Open the team overview: load, P1 balance, each TAM’s week
            </Button>
            <Button onClick={() => navigate({ to: '/journey' })} variant="default" size="xs">
              Open the journey overview
            </Button>
          </Group>
        )}
        {data.view === 'tam' && (
          <Group gap="xs">
            <Button
              onClick={() => navigate({ to: '/week', search: data.readOnly ? { owner: data.user.id } : {} })}
              variant="default"
              size="xs"
            >
              Open {data.readOnly ? 'their' : 'the'} worklist and portfolio
            </Button>
          </Group>
        )}
        {order.map((key) => {
          const section = sectionOf(data, key, manageTeam);
          return section ? <div key={key}>{section}</div> : null;
        })}
      </Stack>
    </>
  );
}
