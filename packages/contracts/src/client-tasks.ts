import type { z } from 'zod';
import { id, type RequestOptions, type Transport } from './client-transport.ts';
import {
  type CreateTaskRequest,
  type ReassignTasksRequest,
  ReassignTasksResult,
  Task,
  type TaskListQuery,
  taskListPage,
  type UpdateTaskRequest,
} from './tasks.ts';

export type TaskListParams = Partial<z.input<typeof TaskListQuery>>;

/** One task list: tasks, action items, and (for a person) the steps and obligations they owe. */
export function tasksApi({ call }: Transport) {
  return {
    list: (query: TaskListParams = {}, request: RequestOptions = {}) =>
      call(taskListPage, 'GET', '/tasks', { query, ...request }),
    get: (taskId: string, request: RequestOptions = {}) => call(Task, 'GET', `/tasks/${id(taskId)}`, request),
    create: (body: z.input<typeof CreateTaskRequest>, request: RequestOptions = {}) =>
      call(Task, 'POST', '/tasks', { body, ...request }),
    update: (taskId: string, body: z.input<typeof UpdateTaskRequest>, request: RequestOptions = {}) =>
      call(Task, 'PATCH', `/tasks/${id(taskId)}`, { body, ...request }),
    /** A person leaves: their open tasks go to someone else in one write. */
    reassign: (body: z.input<typeof ReassignTasksRequest>, request: RequestOptions = {}) =>
      call(ReassignTasksResult, 'POST', '/tasks/reassign', { body, ...request }),
  };
}
