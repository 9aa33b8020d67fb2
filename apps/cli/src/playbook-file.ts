import fs from 'node:fs';
import { CliError } from './output.ts';

const DOCUMENT_KEYS = new Set(['version', 'playbook', 'createdAt', 'createdBy', 'note']);

/**
 * A playbook candidate from a JSON file (`-` = stdin): the playbook object itself, or the whole
 * document `liaison playbook show --json` prints (`{ version, playbook, … }`), whose `playbook`
 * is taken. A file that cannot be read is a usage error (exit 2); one that is not a JSON object
 * fails with exit 1, like any invalid playbook.
 */
export function readPlaybookFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : error instanceof Error
            ? error.message
            : String(error);
    throw new CliError(`cannot read ${file}: ${reason}`, 2);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const yaml = /\.ya?ml$/i.test(file) ? ' (playbooks are read as JSON; YAML is not supported)' : '';
    throw new CliError(
      `${file} is not JSON${yaml}: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}`,
      1,
      'VALIDATION_FAILED',
    );
  }
  if (!isObject(value))
    throw new CliError(
      `${file} must hold a JSON object (the playbook), not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}`,
      1,
      'VALIDATION_FAILED',
    );
  const keys = Object.keys(value);
  if (
    isObject(value.playbook) &&
    typeof value.version === 'number' &&
    keys.every((key) => DOCUMENT_KEYS.has(key))
  )
    return value.playbook;
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
