import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for the browser flows (the demo servers' SMTP_URL): every message they send
// arrives here and is written to the run's dir, where a flow reads it as its recipient would.

/** Started once, by the Playwright runner (the config), before the servers. */
export function startMailCatcher(dir: string, port: number): void {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        writeFileSync(join(dir, `${Date.now()}-${++count}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  smtp.listen(port, '127.0.0.1');
  // The runner exits when the run ends; the catcher must not keep it alive.
  smtp.server.unref();
}

/**
 * The newest message of this run to `address` whose subject matches, arrived at or after `since`
 * (epoch ms; a file's name starts with its arrival), waiting up to 60 s.
 */
export async function mailTo(address: string, subject: RegExp, since = 0): Promise<ParsedMail> {
  const dir = join(process.env.LIAISON_E2E_RUN_DIR!, 'mail');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const files = readdirSync(dir)
      .filter((file) => Number(file.split('-')[0]) >= since)
      .sort()
      .reverse();
    for (const file of files) {
      const mail = await simpleParser(readFileSync(join(dir, file)));
      const to = mail.to && 'value' in mail.to ? mail.to.value.map((entry) => entry.address) : [];
      if (to.includes(address) && subject.test(mail.subject ?? '')) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no message to ${address} matching ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
