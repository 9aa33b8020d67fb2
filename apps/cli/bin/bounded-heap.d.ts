// Types for bounded-heap.js, which stays plain JavaScript so the launcher never loads tsx.
export declare const DEFAULT_HEAP_MB: number;
export declare function heapLimitFor(
  argv: readonly string[],
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): number | null;
export declare function relaunchWithHeap(script: string, heapMb: number): never;
