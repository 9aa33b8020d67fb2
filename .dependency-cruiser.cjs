// The architecture's import rules as code (docs/architecture.md, "Who may import whom"), run by
// `npm run lint`. A rule here is the rule; the document explains it. Test files may reach into
// any module they test, so the production rules leave them out.
const server = '^apps/server/src/';
const feature = `${server}features/`;
const tests = ['\\.test\\.tsx?$', '\\.test-helpers\\.ts$', '^apps/server/test/', '/e2e/'];
// Modules that may build queries: the database layer, stores, read models, loaders and SQL fragments.
const queryModules = [
  `${server}db/`,
  '\\.store\\.ts$',
  '\\.read-model\\.ts$',
  '\\.loader\\.ts$',
  '\\.sql\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'packages/domain: pure rules. It imports nothing of the repository and no I/O module.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { pathNot: ['^packages/domain/', 'node_modules/zod/'] },
    },
    {
      name: 'contracts-import-only-domain',
      comment:
        'packages/contracts: zod schemas and the typed client; it may use the domain, nothing else here.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { pathNot: ['^packages/contracts/', '^packages/domain/', 'node_modules/zod/'] },
    },
    {
      name: 'clients-never-import-the-server',
      comment:
        'The web app and the CLI are clients of the HTTP API. Only `liaison serve` loads the server, through its light start entry.',
      severity: 'error',
      from: {
        path: '^apps/(web|cli)/',
        pathNot: ['^apps/cli/src/commands/serve\\.ts$', ...tests, '^apps/cli/test/'],
      },
      to: { path: '^apps/server/' },
    },
    {
      name: 'serve-loads-only-the-start-entry',
      severity: 'error',
      from: { path: '^apps/cli/src/commands/serve\\.ts$' },
      to: { path: '^apps/server/', pathNot: '^apps/server/src/start\\.ts$' },
    },
    {
      name: 'feature-through-its-entry-point',
      comment:
        'A feature is used by the rest of the server only through its index.ts: what it exports there is its contract.',
      severity: 'error',
      from: { path: server, pathNot: [feature, ...tests] },
      to: {
        path: `${feature}[^/]+/`,
        pathNot: [`${feature}[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'feature-internals-stay-inside',
      comment: 'The exception to the rule above: a feature imports its own files freely.',
      severity: 'error',
      from: { path: `${feature}([^/]+)/`, pathNot: tests },
      to: {
        path: `${feature}[^/]+/`,
        pathNot: [`${feature}$1/`, `${feature}[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'queries-only-in-stores',
      comment:
        'Only db/, *.store.ts, *.read-model.ts, *.loader.ts and *.sql.ts import drizzle-orm or pg (and so hold SQL).',
      severity: 'error',
      from: { path: '^apps/server/', pathNot: [...queryModules, ...tests, '^apps/server/bench/'] },
      to: { path: 'node_modules/(drizzle-orm|pg|pg-copy-streams)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'http-only-for-routes',
      comment:
        'http/ is the edge: routes, the app and the server use it; services, stores, read models and the kernel never do.',
      severity: 'error',
      from: {
        path: server,
        pathNot: [
          '\\.routes\\.ts$',
          `${server}http/`,
          `${server}app\\.ts$`,
          `${feature}[^/]+/index\\.ts$`,
          ...tests,
        ],
      },
      to: { path: `${server}http/` },
    },
    {
      name: 'routes-call-services',
      comment: 'A route parses, authorises through a service, and presents: it never queries.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['\\.store\\.ts$', '\\.loader\\.ts$', '\\.sql\\.ts$', `${server}db/(?!client\\.ts$)`] },
    },
    {
      name: 'stores-below-presenters',
      comment:
        'Stores return rows (their types live in the store); presenters shape rows, never the other way.',
      severity: 'error',
      from: { path: ['\\.store\\.ts$', '\\.loader\\.ts$', '\\.sql\\.ts$'] },
      to: { path: ['\\.presenter\\.ts$', '\\.service\\.ts$', '\\.routes\\.ts$'] },
    },
    {
      name: 'kernel-below-features',
      comment: 'The shared kernel serves every feature and so imports none of them.',
      severity: 'error',
      from: { path: `${server}(kernel|db|policies)/` },
      to: { path: [feature, `${server}http/`] },
    },
    {
      name: 'no-cycles-between-features',
      comment:
        'Two features that import each other are one feature, or share something that belongs in the kernel.',
      severity: 'error',
      from: { path: feature, pathNot: tests },
      to: { path: feature, circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '(^|/)data/', '^apps/server/drizzle/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
