import {
  CreateTaskRequest,
  IdParams,
  ReassignTasksRequest,
  ReassignTasksResult,
  Task,
  TaskListQuery,
  taskListPage,
  UpdateTaskRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

/** One task list (docs/tasks.md). */
export const tasksRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['tasks'];
  const tasks = services.tasks;
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        querystring: TaskListQuery,
        description:
          'Tasks made by hand and action items, soonest first (overdue first; undated last; a snoozed task on the day it comes back). For one person’s open work (`owner=me` or a user id), the journey steps they are responsible for and the obligations on their worklist are on the same list, read where they live.',
        response: { 200: taskListPage },
      },
    },
    async (request) => tasks.list(request.context(), request.query),
  );
  app.post(
    '/tasks',
    {
      schema: {
        tags,
        body: CreateTaskRequest,
        description:
          'A task by hand, on an account or not. Unsaid, its owner is whoever makes it; `ownerContactId` gives it to one of the account’s customer contacts.',
        response: { 201: Task },
      },
    },
    async (request, reply) => reply.status(201).send(await tasks.create(request.context(), request.body)),
  );
  app.get('/tasks/:id', { schema: { tags, params: IdParams, response: { 200: Task } } }, async (request) =>
    tasks.get(request.context(), request.params.id),
  );
  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateTaskRequest,
        description:
          'Tick off (status done), reopen, snooze, give to someone else, change the day. An action item’s task changes its activity’s item in the same write.',
        response: { 200: Task },
      },
    },
    async (request) =>
      tasks.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.post(
    '/tasks/reassign',
    {
      schema: {
        tags,
        body: ReassignTasksRequest,
        description: 'Gives every open task of one person (on one account, or all) to another, in one write.',
        response: { 200: ReassignTasksResult },
      },
    },
    async (request) => tasks.reassign(request.context(), request.body),
  );
};
