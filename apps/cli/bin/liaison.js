#!/usr/bin/env node
// Runs the TypeScript sources through tsx, from any working directory; `serve` first runs itself
// again with a bounded heap (bounded-heap.js).
import { fileURLToPath } from 'node:url';
import { heapLimitFor, relaunchWithHeap } from './bounded-heap.js';

let heapMb = null;
try {
  heapMb = heapLimitFor(process.argv, process.execArgv, process.env);
} catch (error) {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(2);
}
if (heapMb !== null) {
  relaunchWithHeap(fileURLToPath(import.meta.url), heapMb);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/index.ts');
}
