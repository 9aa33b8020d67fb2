export * from './audiences.ts';
export * from './digest.ts';
export * from './local-time.ts';
export * from './preferences.ts';
