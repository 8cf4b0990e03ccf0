// The local demo's outbox (/dev/outbox, where e-mails land instead of SES): the mails, newest first, and one
// mail as its recipient sees it. A thin view over the outbox's JSON listing and its raw messages, fetched with
// the session's bearer token (the local server decides which mails the signed-in user may see).
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import DOMPurify from 'dompurify';
import { ApiError, authHeaders } from '../api/client.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { formatDateTime } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { readMail, withStylesAsData, type ReadMail } from '../mail.ts';
import type { PageProps } from '../router.ts';
import { appConfig } from '../state.ts';

const OUTBOX = '/dev/outbox';
/** The list reads each message's headers; the newest ones are the ones people look for. */
const LISTED = 50;

interface Entry {
  name: string;
  url?: string;
}

async function fetchOutbox(path: string, accept: string): Promise<Response> {
  const response = await fetch(path, { headers: { Accept: accept, ...authHeaders() }, cache: 'no-store' });
  if (!response.ok) throw new ApiError({ type: 'about:blank', title: response.status === 404 ? 'Not found' : 'The outbox could not be read', status: response.status, detail: response.status === 404 ? 'There is no such mail in the outbox.' : `The local server answered ${response.status}.` });
  return response;
}

async function readEntry(entry: Entry): Promise<{ entry: Entry; mail: ReadMail }> {
  const raw = await (await fetchOutbox(entry.url ?? `${OUTBOX}/${encodeURIComponent(entry.name)}`, 'message/rfc822')).text();
  return { entry, mail: readMail(raw) };
}

function sentAt(mail: ReadMail): string {
  const date = Date.parse(mail.headers.date ?? '');
  return Number.isNaN(date) ? '–' : formatDateTime(new Date(date).toISOString());
}

/**
 * The HTML part in a sandboxed frame: no scripts may run (no allow-scripts), links open outside it. The mail's
 * inline styles (renamed before parsing, see withStylesAsData) are applied through the CSSOM after loading, which
 * the page's CSP allows (style attributes in markup it refuses), so the mail looks as it does in a mail client.
 */
function HtmlPart({ source }: { source: string }): VNode {
  const frame = useRef<HTMLIFrameElement>(null);
  const srcdoc = useMemo(() => {
    const clean = DOMPurify.sanitize(withStylesAsData(source), { WHOLE_DOCUMENT: true, FORBID_TAGS: ['style', 'form', 'input', 'button'] });
    const doc = new DOMParser().parseFromString(clean, 'text/html');
    const base = doc.createElement('base');
    base.target = '_blank';
    doc.head.prepend(base);
    return `<!doctype html>${doc.documentElement.outerHTML}`;
  }, [source]);
  useEffect(() => {
    const iframe = frame.current;
    if (!iframe) return;
    const apply = () => {
      iframe.contentDocument?.querySelectorAll<HTMLElement>('[data-mail-css]').forEach((element) => {
        element.style.cssText = element.dataset.mailCss ?? '';
      });
    };
    iframe.addEventListener('load', apply);
    return () => iframe.removeEventListener('load', apply);
  }, [srcdoc]);
  return html`<iframe ref=${frame} class="mail-frame" title="The e-mail as its recipient sees it" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" srcdoc=${srcdoc}></iframe>`;
}

function Attachments({ mail }: { mail: ReadMail }): VNode | null {
  const links = useMemo(() => mail.attachments.map((attachment) => ({
    ...attachment,
    href: URL.createObjectURL(new Blob([attachment.bytes as BlobPart], { type: attachment.contentType.split(';')[0] })),
  })), [mail]);
  useEffect(() => () => links.forEach((link) => URL.revokeObjectURL(link.href)), [links]);
  if (!links.length) return null;
  return html`<section aria-labelledby="attachments-title"><h2 id="attachments-title">Attachments</h2>
    <ul>${links.map((link) => html`<li><a href=${link.href} download=${link.filename}>${link.filename}</a> <span class="muted">${link.contentType.split(';')[0]}, ${link.bytes.length} bytes</span></li>`)}</ul></section>`;
}

function OneMail({ name }: { name: string }): VNode {
  const loaded = useLoad(() => readEntry({ name }), [name]);
  if (loaded.loading && !loaded.data) return html`<${PageTitle}>E-mail<//><${Loading} what="Loading the e-mail" />`;
  if (!loaded.data) return html`<${PageTitle}>E-mail<//><${ErrorNotice} error=${loaded.error} /><p><a href="/app/outbox">Back to the outbox</a></p>`;
  const { mail } = loaded.data;
  return html`
    <p class="back"><a href="/app/outbox">← Outbox</a></p>
    <${PageTitle}>${mail.headers.subject ?? '(no subject)'}<//>
    <dl class="facts mail-headers">
      <div><dt>From</dt><dd>${mail.headers.from ?? '–'}</dd></div>
      <div><dt>To</dt><dd>${mail.headers.to ?? '–'}</dd></div>
      <div><dt>Sent</dt><dd>${sentAt(mail)}</dd></div>
    </dl>
    ${mail.html !== undefined ? html`<section aria-labelledby="html-title"><h2 id="html-title">As sent (HTML)</h2><${HtmlPart} source=${mail.html} /></section>` : ''}
    ${mail.text !== undefined ? html`<section aria-labelledby="text-title"><h2 id="text-title">Plain text</h2><pre class="mail-text" tabindex="0">${mail.text}</pre></section>` : ''}
    <${Attachments} mail=${mail} />`;
}

function MailList(): VNode {
  const mails = useLoad(async () => {
    const listing = (await (await fetchOutbox(OUTBOX, 'application/json')).json()) as { items: Entry[] };
    // Names start with the sending time, so the newest sort last; show them first.
    const newest = [...listing.items].sort((a, b) => b.name.localeCompare(a.name)).slice(0, LISTED);
    return { total: listing.items.length, read: await Promise.all(newest.map(readEntry)) };
  }, []);
  return html`
    <${PageTitle}>Outbox<//>
    <p class="lead">The e-mails the local demo has sent (in the deployed service they go out through Amazon SES), newest first.</p>
    <${ErrorNotice} error=${mails.error} />
    ${mails.loading && !mails.data ? html`<${Loading} what="Loading the outbox" />` : ''}
    ${mails.data && mails.data.read.length === 0 ? html`<p class="empty">No e-mails yet.</p>` : ''}
    ${mails.data && mails.data.read.length ? html`
      <ul class="mail-list" aria-label="E-mails">${mails.data.read.map(({ entry, mail }) => html`<li class="card">
        <a href=${`/app/outbox?mail=${encodeURIComponent(entry.name)}`}>${mail.headers.subject ?? '(no subject)'}</a>
        <p><span class="visually-hidden">To: </span>${mail.headers.to ?? '–'} · <time>${sentAt(mail)}</time></p>
      </li>`)}</ul>
      ${mails.data.total > LISTED ? html`<p class="muted">The newest ${LISTED} of ${mails.data.total} e-mails.</p>` : ''}` : ''}`;
}

export default function OutboxPage({ query }: PageProps): VNode {
  if (appConfig().mode !== 'local') return html`<${PageTitle}>Outbox<//><p>The outbox exists only in the local demo; the deployed service sends e-mail through Amazon SES.</p>`;
  const name = query.get('mail');
  return name ? html`<${OneMail} key=${name} name=${name} />` : html`<${MailList} />`;
}
