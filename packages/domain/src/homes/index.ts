export * from './home-views.ts';
