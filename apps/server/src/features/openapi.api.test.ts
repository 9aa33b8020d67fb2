import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { createTestApp } from '../../test/test-app.ts';

const app = await createTestApp();
const anonymous = httpClient(app.http);

describe('OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await anonymous.get('/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(response.body));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('lists every API route the server has', async () => {
    const document = (await anonymous.get('/api/v1/openapi.json')).body as { paths: Record<string, object> };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = new Set(
      app.routes
        .filter(
          (route) =>
            route.includes(' /api/v1/') && !route.startsWith('HEAD') && !route.endsWith('openapi.json'),
        )
        .map((route) => route.replace(/:(\w+)/g, '{$1}')),
    );
    expect(served.size).toBeGreaterThan(25);
    expect([...served].filter((route) => !documented.has(route))).toEqual([]);
  });

  it('serves the docs page', async () => {
    const response = await anonymous.get('/api/docs/');
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('swagger');
  });
});
