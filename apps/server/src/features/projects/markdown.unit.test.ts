import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.ts';

// Whatever a customer writes renders inert: no script runs, no handler fires, no URL executes.
// The rendering is parsed as a browser would (htmlparser2 decodes entities) and every element
// and attribute is checked: the words of an attack may remain as text, never as markup.
const SAFE_TAGS = new Set([
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
]);

function dangers(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!SAFE_TAGS.has(name)) found.push(`<${name}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) found.push(`${name}[${attribute}]`);
          if ((attribute === 'href' || attribute === 'src') && !/^(https?:|mailto:)/i.test(value.trim()))
            found.push(`${name}[${attribute}=${value}]`);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

describe('Markdown renders safely', () => {
  it.each([
    ['a script tag', '<script>alert(1)</script>'],
    ['a script split over lines', '<scr\nipt>alert(1)</script>'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a link with onclick', '<a href="https://x.test" onclick="alert(1)">x</a>'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a javascript: link in capitals and entities', '[click](JaVaScRiPt&#58;alert(1))'],
    ['a javascript: link with a tab', '[click](java\tscript:alert(1))'],
    ['a vbscript: link', '[click](vbscript:msgbox(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['a javascript: image', '![x](javascript:alert(1))'],
    ['an iframe', '<iframe src="https://evil.test"></iframe>'],
    ['an svg with onload', '<svg onload=alert(1)>'],
    ['entities hiding a tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an autolink to javascript:', '<javascript:alert(1)>'],
    ['a reference link to javascript:', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['a style tag', '<style>body{display:none}</style>'],
    ['an object', '<object data="https://evil.test/x.swf"></object>'],
  ])('%s', (_name, source) => {
    expect(dangers(renderMarkdown(source))).toEqual([]);
  });

  it('the check itself finds what it looks for', () => {
    expect(dangers('<a href="javascript:x" onclick="y">a</a><iframe></iframe>')).toEqual([
      'a[href=javascript:x]',
      'a[onclick]',
      '<iframe>',
    ]);
  });

  it('an escaped tag stays text, shown to the reader', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toContain('&lt;script&gt;');
  });

  it('keeps what Markdown is for', () => {
    const html = renderMarkdown(
      '# Title\n\n**bold** _it_ `code`\n\n- [docs](https://docs.example.com)\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\n![diagram](https://example.com/a.png)',
    );
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain(
      '<a href="https://docs.example.com" rel="noopener noreferrer nofollow" target="_blank">docs</a>',
    );
    expect(html).toContain('<td style="text-align:right">2</td>');
    expect(html).toContain('<img src="https://example.com/a.png" alt="diagram" />');
  });
});
