import { describeWriteFuzz } from './write-routes.ts';

// The writes under /accounts: the account, its profiles, and the records created under it.
await describeWriteFuzz((operation) => operation.path.startsWith('/api/v1/accounts'));
