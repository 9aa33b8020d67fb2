import { Typography } from '@mantine/core';

/**
 * HTML the server rendered from Markdown and sanitised (features/projects/markdown.ts:
 * markdown-it without raw HTML, then sanitize-html): the staff Project tab and the customer
 * portal show READMEs, descriptions and comments with it. Mantine's Typography styles headings,
 * lists, links, code and tables; long words and code blocks wrap or scroll inside the card.
 */
export function RenderedMarkdown({ html, size = 'sm' }: { html: string; size?: 'sm' | 'md' }) {
  return (
    <Typography fz={size} style={{ overflowWrap: 'anywhere' }}>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (features/projects/markdown.ts) */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
