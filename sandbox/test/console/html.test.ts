import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../src/console/index.ts';

describe('html', () => {
  it('escapes every interpolation, in content and attributes', () => {
    const hostile = `"><script>alert('x')</script>&\``;
    expect(html`<td title="${hostile}">${hostile}</td>`.value).toBe(
      `<td title="${escapeHtml(hostile)}">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&#96;</td>`,
    );
  });

  it('nests templates without double escaping, and joins lists', () => {
    const rows = ['<a>', 'b'].map((cell) => html`<li>${cell}</li>`);
    expect(html`<ul>${rows}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('renders nothing for undefined, null and false, and numbers as text', () => {
    expect(html`${undefined}${null}${false}${0}${true}`.value).toBe('0true');
  });
});
