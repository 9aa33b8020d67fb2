import { SimpleGrid, Stack, Text } from '@mantine/core';
import { dateTime, label, stageLabels } from '../../format.ts';
import { AccountDetailsCard } from './AccountDetailsCard.tsx';
import type { AccountContext } from './AccountPage.tsx';
import { BusinessProfileCard } from './BusinessProfileCard.tsx';
import { TechnicalProfileCard } from './TechnicalProfileCard.tsx';

/** The account's details and its business and technical profiles, each edited in place. */
export function ProfileTab({ account, canEdit }: AccountContext) {
  return (
    <Stack gap="lg">
      <AccountDetailsCard account={account} canEdit={canEdit} />
      <SimpleGrid cols={2} spacing="lg">
        <BusinessProfileCard account={account} canEdit={canEdit} />
        <TechnicalProfileCard account={account} canEdit={canEdit} />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Business profile last changed {dateTime(account.businessProfile.updatedAt)} · technical profile{' '}
        {dateTime(account.technicalProfile.updatedAt)} · {label(stageLabels, account.relationshipStage)}
      </Text>
    </Stack>
  );
}
