import { DomainError, type DomainErrorCode, type ErrorDetail, RetryLaterError } from '@liaison/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { domainErrorOf } from './database-errors.ts';
import { httpStatusByCode } from './error-map.ts';
import { drainUnreadBody } from './unread-body.ts';

const contextNames: Record<string, string> = {
  querystring: 'query',
  params: 'path',
  body: 'body',
  headers: 'header',
};

async function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: DomainErrorCode,
  message: string,
  details?: ErrorDetail[],
) {
  // A refusal can come before the body was read (413 over the limit, 415, 401): read the rest
  // first, or a client still sending it sees a reset instead of this answer. Once it is read the
  // connection can serve the next request (Fastify closes it after a body it could not parse).
  if (await drainUnreadBody(request.raw)) reply.removeHeader('connection');
  else reply.header('connection', 'close');
  return reply.status(httpStatusByCode[code]).send({
    error: { code, message, ...(details && details.length > 0 ? { details } : {}), requestId: request.id },
  });
}

/** Turns anything thrown in a request into `{ error: { code, message, details, requestId } }`. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler(async (error: FastifyError | DomainError | Error, request, reply) => {
    if (error instanceof RetryLaterError) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error instanceof DomainError) {
      return sendError(reply, request, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = contextNames[error.validationContext ?? 'body'] ?? 'body';
      const details = error.validation.map((issue) => ({
        path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join('; ');
      return sendError(reply, request, 'VALIDATION_FAILED', `Invalid request: ${summary}`, details);
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode === 413) {
      const limit = `${request.routeOptions.bodyLimit / (1024 * 1024)} MB`;
      return sendError(reply, request, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit}.`);
    }
    if (fastifyError.statusCode === 415) {
      const type = request.headers['content-type'];
      return sendError(
        reply,
        request,
        'UNSUPPORTED_MEDIA_TYPE',
        type
          ? `This route does not take ${type.split(';')[0]} bodies; send application/json.`
          : 'Say what the body is: Content-Type: application/json.',
      );
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      // Malformed JSON, unsupported media type and the like: the client's fault, said plainly.
      return sendError(reply, request, 'VALIDATION_FAILED', fastifyError.message);
    }
    const collided = domainErrorOf(error);
    if (collided) {
      // The services lock in one order and check before they write; reaching this is worth a look.
      request.log.warn({ err: error }, 'a database conflict answered 409');
      return sendError(reply, request, collided.code, collided.message, collided.details);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(
      reply,
      request,
      'INTERNAL',
      'Something went wrong on our side; the request changed nothing.',
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}

/**
 * What Fastify's router refuses before any route is found (`frameworkErrors`): a path that is not
 * valid percent-encoded UTF-8, or a path parameter longer than any id. The same coded body.
 */
export function routerErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? 'is not valid percent-encoded UTF-8'
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'has a segment longer than any id (100 characters)'
        : null;
  if (problem === null) {
    request.log.error({ err: error }, 'router error');
    return sendError(
      reply,
      request,
      'INTERNAL',
      'Something went wrong on our side; the request changed nothing.',
    );
  }
  return sendError(reply, request, 'VALIDATION_FAILED', `The path ${problem}.`, [
    { path: 'path', message: problem },
  ]);
}
