export { type ActivePlaybook, createPlaybookProvider, type PlaybookProvider } from './playbook.provider.ts';
export { playbookRoutes } from './playbook.routes.ts';
export { createPlaybookService } from './playbook.service.ts';
