import type { FastifyInstance } from 'fastify';

// The routes as the OpenAPI document describes them (GET /api/v1/openapi.json): the fuzz suite
// generates its requests from these schemas, so a new route or field is fuzzed without a word here.

/** The subset of JSON Schema that zod's conversion produces for this API. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** As the document writes it: `/api/v1/accounts/{id}`. */
  path: string;
  /** As Fastify and the route table write it: `POST /api/v1/accounts/:id`. */
  route: string;
  pathParameters: Parameter[];
  query: Parameter[];
  /** The JSON body's schema; undefined when the route reads no JSON body. */
  body: JsonSchema | undefined;
  /** Media types the route reads (`consumes`), when it says. */
  consumes: string[];
}

interface RawOperation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}

export const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Every operation of the document, in its order. */
export function operations(http: FastifyInstance): Operation[] {
  const document = http.swagger() as unknown as { paths: Record<string, Record<string, RawOperation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const pick = (where: string) =>
        parameters
          .filter((parameter) => parameter.in === where)
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required ?? false,
            schema: parameter.schema,
          }));
      const content = operation.requestBody?.content ?? {};
      return {
        method: method.toUpperCase(),
        path,
        route: `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        pathParameters: pick('path'),
        query: pick('query'),
        body: content['application/json']?.schema,
        consumes: Object.keys(content),
      };
    }),
  );
}
