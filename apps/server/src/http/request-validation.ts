import { WellFormedRequest } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/**
 * Every path parameter, query and body goes through the contracts' shared refinement (no NUL,
 * no lone surrogate, no absurd nesting: docs/security.md, "Input handling") before the route's
 * own schema reads it, so a string schema cannot forget it. A failure is the usual 400
 * `VALIDATION_FAILED` with `details[].path`.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) =>
  zodValidatorCompiler({ ...route, schema: WellFormedRequest.pipe(route.schema) });

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies as Fastify reads them (empty body, prototype poisoning refused), but only as
 * UTF-8: a malformed byte would otherwise become U+FFFD and be stored unlike what was sent.
 */
export function registerJsonParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        new DomainError('VALIDATION_FAILED', 'The body is not valid UTF-8.', [
          { path: 'body', message: 'is not valid UTF-8' },
        ]),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
}
