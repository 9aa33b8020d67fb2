import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Markdown from customers and staff, rendered once on the server (docs/projects.md, Markdown).
// Two layers, because one mistake in either must not run a script in a TAM's or a customer's
// browser: markdown-it with raw HTML off (a `<script>` written in an issue is shown as text) and
// its link check (no `javascript:`, `vbscript:`, `file:`, `data:` links), then sanitize-html over
// what it produced with a short list of tags, attributes and URL schemes. The portal renders
// with this same module.

const markdown = new MarkdownIt({ html: false, linkify: true });

const TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  's',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
  },
  // Table alignment is markdown-it's only style; nothing else survives.
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A link leaves Liaison without handing it the page (no opener, no referrer).
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
SANITIZE.allowedAttributes = {
  ...(SANITIZE.allowedAttributes as object),
  a: ['href', 'title', 'rel', 'target'],
};

/** Sanitised HTML of a Markdown text: safe to put in a page as it is. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/** The source and its rendering, as every payload carries them (`body` and `bodyHtml`). */
export const rendered = (source: string) => ({ source, html: renderMarkdown(source) });
