// The words of what Liaison sends by e-mail (docs/notifications.md): one notification at once,
// and the daily digest, "your week". Plain text and simple HTML with everything escaped. Pure:
// the caller gathers the person's work and changes and passes the public address.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The web app's address of a link (`/accounts/…`): the public URL with the path appended. */
export function absoluteLink(publicUrl: string, link: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return link.startsWith('/') ? `${base}${link}` : `${base}/${link}`;
}

const PREFERENCES_PATH = '/settings/notifications';

export interface NotificationMailInput {
  title: string;
  summary: string;
  accountName: string | null;
  link: string;
  publicUrl: string;
}

/** One notification by e-mail: the title as subject, the summary and a link to the thing. */
export function notificationMail(input: NotificationMailInput): MailContent {
  const url = absoluteLink(input.publicUrl, input.link);
  const settings = absoluteLink(input.publicUrl, PREFERENCES_PATH);
  const account = input.accountName ? `Account: ${input.accountName}\n` : '';
  return {
    subject: input.title,
    text: `${input.summary}\n\n${account}Open: ${url}\n\n—\nChange what Liaison sends you: ${settings}\n`,
    html: [
      `<p>${escapeHtml(input.summary)}</p>`,
      input.accountName ? `<p>Account: ${escapeHtml(input.accountName)}</p>` : '',
      `<p><a href="${escapeHtml(url)}">Open in Liaison</a></p>`,
      `<p style="color:#666;font-size:12px"><a href="${escapeHtml(settings)}">Change what Liaison sends you</a></p>`,
    ].join(''),
  };
}

export interface DigestWorkItem {
  title: string;
  accountName: string | null;
  dueOn: string | null;
  overdue: boolean;
  link: string;
}

export interface DigestChange {
  title: string;
  summary: string;
  link: string;
}

export interface DigestInput {
  name: string;
  /** The person's local date the digest is for. */
  today: string;
  publicUrl: string;
  /** Open work due within the week or overdue. */
  work: readonly DigestWorkItem[];
  /** Notifications on the digest channel since the last digest. */
  changes: readonly DigestChange[];
}

interface Line {
  text: string;
  link: string;
}

/**
 * The daily digest, "your week": overdue work, work due soon, and what changed in the person's
 * book since the last digest, each line with its link. Null when there is nothing to say.
 */
export function buildDigest(input: DigestInput): MailContent | null {
  const workLine = (item: DigestWorkItem): Line => ({
    text: [item.title, item.accountName, item.dueOn ? `due ${item.dueOn}` : null].filter(Boolean).join(' · '),
    link: absoluteLink(input.publicUrl, item.link),
  });
  const sections: { heading: string; lines: Line[] }[] = [
    { heading: 'Overdue', lines: input.work.filter((item) => item.overdue).map(workLine) },
    { heading: 'Due soon', lines: input.work.filter((item) => !item.overdue).map(workLine) },
    {
      heading: 'What changed in your book since yesterday',
      lines: input.changes.map((change) => ({
        text: `${change.title} — ${change.summary}`,
        link: absoluteLink(input.publicUrl, change.link),
      })),
    },
  ].filter((section) => section.lines.length > 0);
  if (sections.length === 0) return null;
  const overdue = input.work.filter((item) => item.overdue).length;
  const counts = [
    overdue > 0 ? `${overdue} overdue` : null,
    input.work.length - overdue > 0 ? `${input.work.length - overdue} due soon` : null,
    input.changes.length > 0
      ? `${input.changes.length} change${input.changes.length === 1 ? '' : 's'}`
      : null,
  ].filter(Boolean);
  const settings = absoluteLink(input.publicUrl, PREFERENCES_PATH);
  const text = [
    `Good morning ${input.name}, your week as of ${input.today}.`,
    ...sections.map(
      (section) =>
        `\n${section.heading}\n${section.lines.map((line) => `- ${line.text}\n  ${line.link}`).join('\n')}`,
    ),
    `\n—\nChange what Liaison sends you: ${settings}\n`,
  ].join('\n');
  const html = [
    `<p>Good morning ${escapeHtml(input.name)}, your week as of ${escapeHtml(input.today)}.</p>`,
    ...sections.map(
      (section) =>
        `<h3>${escapeHtml(section.heading)}</h3><ul>${section.lines
          .map((line) => `<li><a href="${escapeHtml(line.link)}">${escapeHtml(line.text)}</a></li>`)
          .join('')}</ul>`,
    ),
    `<p style="color:#666;font-size:12px"><a href="${escapeHtml(settings)}">Change what Liaison sends you</a></p>`,
  ].join('');
  return { subject: `Your week in Liaison: ${counts.join(', ')}`, text, html };
}
