#!/usr/bin/env node
// Part of `npm run lint` (docs/architecture.md): the import rules of .dependency-cruiser.cjs
// keep drizzle-orm and pg out of services, routes and presenters; this keeps a statement from
// being run there through an executor or client handed in from elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../apps/server/src/', import.meta.url).pathname;
const queryModule =
  /(^db\/|\.store\.ts$|\.read-model\.ts$|\.loader\.ts$|\.sql\.ts$|\.test\.ts$|test-helpers\.ts$)/;
const statement = /\b(client|executor|tx|db|pool)\.(query|execute|select|insert|update|delete)\(/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

const found = [];
for (const file of files(root)) {
  const name = relative(root, file);
  if (queryModule.test(name)) continue;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (statement.test(line)) found.push(`apps/server/src/${name}:${index + 1}: ${line.trim()}`);
    });
}
if (found.length > 0) {
  console.error('Statements outside db/, stores, read models, loaders and *.sql.ts:');
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
console.log('✔ statements only in query modules');
