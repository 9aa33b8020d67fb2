import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';

/**
 * A real SMTP server in-process that keeps every message it receives, parsed (mailparser): what
 * the mail feature's delivery job sends arrives here as it would at a relay. Closed after the file.
 */
export async function startSmtpReceiver() {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((parsed) => {
        received.push(parsed);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  const { port } = smtp.server.address() as { port: number };
  const to = (mail: ParsedMail) => (mail.to && 'value' in mail.to ? mail.to.value[0]?.address : undefined);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The messages to `address` once there are `count` of them (30 s at the most). */
    async arrivals(address: string, count = 1): Promise<ParsedMail[]> {
      const mine = () => received.filter((mail) => to(mail) === address);
      const deadline = Date.now() + 30_000;
      while (mine().length < count && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      return mine();
    },
  };
}
