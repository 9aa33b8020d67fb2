import { describeMembershipMatrix } from './matrix.ts';
import { routeTable } from './routes.ts';

// Being on the account team is what lets a non-manager write the account (editAccount), and a
// SAL or AE in that seat decide its priority exceptions; a viewer gains nothing by sitting there.
await describeMembershipMatrix(
  [
    ['tam', 'tam'],
    ['viewer', 'tam'],
    ['sal', 'sal'],
    ['ae', 'sa'],
  ],
  routeTable.filter((row) => row.guard === 'editAccount' || row.guard === 'exceptionApprover'),
);
