import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('the edge settings (docs/security.md)', () => {
  it('reads LIAISON_TRUST_PROXY as off, on, a number of proxies or their addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ LIAISON_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ LIAISON_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ LIAISON_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => loadConfig({ LIAISON_TRUST_PROXY: 'yes' })).toThrow(ConfigError);
  });

  it('reads LIAISON_API_RATE_LIMIT, 600 a minute by default', () => {
    expect(loadConfig({}).apiRateLimitPerMinute).toBe(600);
    expect(loadConfig({ LIAISON_API_RATE_LIMIT: '60' }).apiRateLimitPerMinute).toBe(60);
    expect(() => loadConfig({ LIAISON_API_RATE_LIMIT: '0' })).toThrow(ConfigError);
  });
});
