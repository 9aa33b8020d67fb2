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

describe('the mail settings (docs/mail.md)', () => {
  it('reads SMTP_URL as smtp:// or smtps://, unset by default', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(loadConfig({ SMTP_URL: 'smtps://user:secret@smtp.example.com:465' }).smtpUrl).toBe(
      'smtps://user:secret@smtp.example.com:465',
    );
    for (const bad of ['http://smtp.example.com', 'smtp.example.com', 'smtp://', 'not a url']) {
      expect(() => loadConfig({ SMTP_URL: bad }), bad).toThrow(/SMTP_URL/);
    }
  });

  it('reads MAIL_FROM as an address, with or without a display name', () => {
    expect(loadConfig({}).mailFrom).toBe('Liaison <liaison@localhost>');
    expect(loadConfig({ MAIL_FROM: 'tam@example.com' }).mailFrom).toBe('tam@example.com');
    expect(loadConfig({ MAIL_FROM: 'Account Team <tam@example.com>' }).mailFrom).toBe(
      'Account Team <tam@example.com>',
    );
    for (const bad of ['liaison', 'Liaison <liaison>', 'a@b.com\nBcc: x@y.com', '<>', 'a b@c.com']) {
      expect(() => loadConfig({ MAIL_FROM: bad }), bad).toThrow(/MAIL_FROM/);
    }
  });

  it('reads LIAISON_PUBLIC_URL for links, else the local address on PORT', () => {
    expect(loadConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ LIAISON_PUBLIC_URL: 'https://liaison.example.com/' }).publicUrl).toBe(
      'https://liaison.example.com',
    );
    expect(() => loadConfig({ LIAISON_PUBLIC_URL: 'ftp://example.com' })).toThrow(/LIAISON_PUBLIC_URL/);
  });

  it('lists every mail problem at once', () => {
    expect(() => loadConfig({ SMTP_URL: 'x', MAIL_FROM: 'y', LIAISON_PUBLIC_URL: 'z' })).toThrow(
      /SMTP_URL[\s\S]*MAIL_FROM[\s\S]*LIAISON_PUBLIC_URL/,
    );
  });
});

describe('the customer portal settings (docs/portal.md)', () => {
  it('reads LIAISON_VENDOR_NAME, trimmed, with a default, and refuses one of two lines', () => {
    expect(loadConfig({}).vendorName).toBe('Your vendor');
    expect(loadConfig({ LIAISON_VENDOR_NAME: '  Northwind Cloud ' }).vendorName).toBe('Northwind Cloud');
    expect(loadConfig({}).supportUrl).toBeNull();
    expect(loadConfig({ LIAISON_SUPPORT_URL: 'https://support.northwind.example/' }).supportUrl).toBe(
      'https://support.northwind.example/',
    );
    expect(() => loadConfig({ LIAISON_SUPPORT_URL: 'javascript:alert(1)' })).toThrow(/LIAISON_SUPPORT_URL/);
    expect(() => loadConfig({ LIAISON_VENDOR_NAME: 'Northwind\nBcc: x@example.com' })).toThrow(
      /LIAISON_VENDOR_NAME/,
    );
    expect(() => loadConfig({ LIAISON_VENDOR_NAME: '   ' })).toThrow(/LIAISON_VENDOR_NAME/);
  });
});
