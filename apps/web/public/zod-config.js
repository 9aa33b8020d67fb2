// Zod probes for eval (`new Function`) to compile faster parsers; the server's
// Content-Security-Policy allows no eval (docs/security.md, Headers), so every probe would be a
// CSP violation. Without eval Zod parses the same way. A classic script runs before the app's
// modules, hence before any schema is built.
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
