// User text (tickets, replies, notes) as Markdown: rendered by marked, then sanitized by DOMPurify.
// This is the only place user text becomes HTML.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { t } from '../i18n.ts';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'object', 'embed', 'svg', 'math'];

// Links in user text open in a new tab and pass neither the opener nor the referrer. Images from other sites
// would tell them who reads the ticket and when (a tracking pixel): they are shown as their link instead.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // A code block scrolls inside itself on a phone; keyboard users must be able to scroll it too.
  if (node.tagName === 'PRE') node.setAttribute('tabindex', '0');
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  // Every image but an inline data: one, from this site too: a relative src (<img src="/api/…">) would make each
  // reader's browser send a request of the author's choosing. Markdown images and raw <img> alike become a link.
  if (node.tagName === 'IMG') {
    const source = node.getAttribute('src') ?? '';
    if (source.startsWith('data:image/')) return;
    const link = node.ownerDocument.createElement('a');
    link.textContent = node.getAttribute('alt') || source;
    let href: URL | undefined;
    try {
      href = new URL(source, location.href);
    } catch {
      // Not a URL at all: the link is only its text.
    }
    if (href && /^https?:$/.test(href.protocol)) link.setAttribute('href', href.href);
    link.setAttribute('rel', 'noopener noreferrer nofollow');
    link.setAttribute('target', '_blank');
    node.replaceWith(link);
  }
});

export function renderMarkdown(text: string): string {
  const raw = markdown.parse(text) as string;
  return DOMPurify.sanitize(raw, { USE_PROFILES: { html: true }, FORBID_TAGS, FORBID_ATTR: ['style', 'class', 'id'] });
}

export function Markdown({ text }: { text: string }): VNode {
  return html`<div class="prose user-text" dangerouslySetInnerHTML=${{ __html: renderMarkdown(text) }}></div>`;
}

interface EditorProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  describedBy?: string;
  invalid?: boolean;
  rows?: number;
  required?: boolean;
}

/** A Markdown textarea with a Write / Preview switch (the preview is the sanitized rendering). */
export function MarkdownEditor({ id, label, value, onInput, describedBy, invalid, rows = 8, required }: EditorProps): VNode {
  const [preview, setPreview] = useState(false);
  return html`<div class="md-editor">
    <div class="md-tabs" role="group" aria-label=${`${label}: write or preview`}>
      <button type="button" class="tab" aria-pressed=${!preview} onClick=${() => setPreview(false)}>${t('Write')}</button>
      <button type="button" class="tab" aria-pressed=${preview} onClick=${() => setPreview(true)}>${t('Preview')}</button>
    </div>
    ${preview
      ? html`<div class="md-preview" aria-label=${t('{label} preview', { label })} role="region">${value.trim() ? html`<${Markdown} text=${value} />` : html`<p class="muted">${t('Nothing to preview.')}</p>`}</div>`
      : html`<textarea id=${id} rows=${rows} value=${value} required=${required} aria-describedby=${describedBy} aria-invalid=${invalid ? 'true' : undefined}
          onInput=${(event: Event) => onInput((event.currentTarget as HTMLTextAreaElement).value)}></textarea>`}
    <p class="hint">${t('Markdown: **bold**, `code`, ``` for blocks, - lists, [links](https://…).')}</p>
  </div>`;
}
