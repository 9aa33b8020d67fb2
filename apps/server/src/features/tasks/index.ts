// One task list (docs/tasks.md): tasks, action items, and the steps and obligations a person owes.
export { syncActionItemTasks } from './action-item-tasks.ts';
export type { TaskListSources } from './task-list.ts';
export { checkOwner, insertTask } from './task-writes.ts';
export { tasksRoutes } from './tasks.routes.ts';
export { createTasksService, type TasksService } from './tasks.service.ts';
export { tasksStore } from './tasks.store.ts';
