import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  credentialsPath,
  DEFAULT_URL,
  deleteCredentials,
  loadConnection,
  normaliseUrl,
  readCredentials,
  resolveConnection,
  type SavedCredentials,
  writeCredentials,
} from './config.ts';
import { CliError } from './output.ts';

const saved: SavedCredentials = { url: 'http://liaison.internal:8080', token: 'lia_saved' };

describe('resolveConnection', () => {
  it('falls back to the default URL and no token', () => {
    expect(resolveConnection({}, {}, null)).toEqual({
      url: DEFAULT_URL,
      urlSource: 'default',
      token: undefined,
      tokenSource: 'none',
    });
  });

  it('uses the saved login when nothing else is given', () => {
    expect(resolveConnection({}, {}, saved)).toMatchObject({
      url: 'http://liaison.internal:8080',
      urlSource: 'credentials',
      token: 'lia_saved',
      tokenSource: 'credentials',
    });
  });

  it('prefers the environment to the saved login, and flags to the environment', () => {
    const env = { LIAISON_URL: 'http://env.example:3000/', LIAISON_TOKEN: 'lia_env' };
    expect(resolveConnection({}, env, saved)).toMatchObject({
      url: 'http://env.example:3000',
      urlSource: 'env',
      token: 'lia_env',
      tokenSource: 'env',
    });
    expect(
      resolveConnection({ url: 'https://flag.example/api/v1', token: 'lia_flag' }, env, saved),
    ).toMatchObject({
      url: 'https://flag.example',
      urlSource: 'flag',
      token: 'lia_flag',
      tokenSource: 'flag',
    });
  });

  it('treats empty variables as unset', () => {
    expect(resolveConnection({}, { LIAISON_URL: '', LIAISON_TOKEN: '  ' }, saved)).toMatchObject({
      urlSource: 'credentials',
      tokenSource: 'credentials',
    });
  });

  it('never sends the saved token to another server', () => {
    expect(resolveConnection({ url: 'http://elsewhere:3000' }, {}, saved)).toMatchObject({
      url: 'http://elsewhere:3000',
      token: undefined,
      tokenSource: 'none',
    });
    expect(resolveConnection({}, { LIAISON_URL: 'http://liaison.internal:8080/' }, saved)).toMatchObject({
      token: 'lia_saved',
      tokenSource: 'credentials',
    });
  });

  it('refuses a URL that is not http(s)', () => {
    expect(() => resolveConnection({ url: 'localhost:3000' }, {}, null)).toThrow(CliError);
    expect(() => normaliseUrl('ftp://example.com')).toThrow(/not an http\(s\) URL/);
    expect(normaliseUrl(' http://example.com/liaison/ ')).toBe('http://example.com/liaison');
  });
});

describe('credentials file', () => {
  const directories: string[] = [];
  const temporary = () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-config-'));
    directories.push(directory);
    return directory;
  };
  afterEach(() => {
    for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('lives under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(credentialsPath({ XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/liaison/credentials.json');
    expect(credentialsPath({}, '/home/ada')).toBe('/home/ada/.config/liaison/credentials.json');
    expect(credentialsPath({ XDG_CONFIG_HOME: 'relative' }, '/home/ada')).toBe(
      '/home/ada/.config/liaison/credentials.json',
    );
  });

  it('is written owner-only and read back; deleting twice is fine', () => {
    const file = path.join(temporary(), 'nested', 'liaison', 'credentials.json');
    expect(readCredentials(file)).toBeNull();
    writeCredentials(file, { ...saved, tokenId: 'a-token-id' });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(readCredentials(file)).toMatchObject({ ...saved, tokenId: 'a-token-id' });
    expect(deleteCredentials(file)).toBe(true);
    expect(deleteCredentials(file)).toBe(false);
  });

  it('says what to do about a damaged file, unless flags and environment make it irrelevant', () => {
    const home = temporary();
    const env = { XDG_CONFIG_HOME: home };
    const file = credentialsPath(env);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{not json');
    expect(() => readCredentials(file)).toThrow(/not valid JSON: run "liaison logout"/);
    expect(() => loadConnection({}, env)).toThrow(CliError);
    expect(
      loadConnection({}, { ...env, LIAISON_URL: 'http://x.example', LIAISON_TOKEN: 'lia_env' }),
    ).toMatchObject({ url: 'http://x.example', token: 'lia_env' });
  });
});
