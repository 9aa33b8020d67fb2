import { describeWriteFuzz } from './write-routes.ts';

// The other writes: records by their own id, decisions, sign-in and tokens, users, the playbook,
// reassessment and the CSV import's parameters.
await describeWriteFuzz((operation) => !operation.path.startsWith('/api/v1/accounts'));
