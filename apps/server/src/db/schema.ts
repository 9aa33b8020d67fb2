// The database schema, read by Drizzle and drizzle-kit (apps/server/drizzle.config.ts): one file
// per responsibility, every table re-exported here so `import { accounts } from '../db/schema.ts'`
// keeps working and drizzle-kit sees them all.
export * from './schema-auth.ts';
export * from './schema-calendar.ts';
export * from './schema-engine.ts';
export * from './schema-journey.ts';
export * from './schema-mail.ts';
export * from './schema-messages.ts';
export * from './schema-notifications.ts';
export * from './schema-portal.ts';
export * from './schema-projects.ts';
export * from './schema-record.ts';
export * from './schema-webhooks.ts';
export * from './schema-work.ts';
