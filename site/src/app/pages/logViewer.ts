// The log viewer: a text attachment with line numbers, search, "jump to the first error", links to a line
// (#L120) to paste into a reply, and a tail view. Big logs are read by byte ranges (logRanges.ts): the first
// screen and the end of a 50 MB log come without downloading it whole.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isErrorLine } from '../../../../functions/attachments/domain/log-errors.ts';
import { api } from '../api/client.ts';
import type { AttachmentDownload } from '../api/types.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { useLoad } from '../hooks.ts';
import { headReader, lineFromHash, readTail } from '../logRanges.ts';
import type { PageProps } from '../router.ts';

const MAX_MATCHES = 200;
/** Lines on the page at once: a 50 MB log has a million; the page shows a window of them around where one looks. */
const WINDOW = 2000;

export default function LogViewerPage({ params }: PageProps): VNode {
  const path = `/tickets/${encodeURIComponent(params.id!)}/attachments/${encodeURIComponent(params.attachmentId!)}`;
  const meta = useLoad(() => api.get<AttachmentDownload>(path), [path]);
  const link = useRef<{ url: string; expires: number } | undefined>(undefined);
  const [, setVersion] = useState(0);
  const [tail, setTail] = useState<string[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number | undefined>(lineFromHash(location.hash));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [windowStart, setWindowStart] = useState(0);

  // A signed link lives minutes: fetch a new one shortly before it expires.
  const fetchRange = async (start: number, end: number): Promise<Uint8Array> => {
    if (!link.current || link.current.expires - Date.now() < 30_000) {
      const fresh = await api.get<AttachmentDownload>(path);
      link.current = { url: fresh.downloadUrl, expires: Date.parse(fresh.expiresAt) };
    }
    const response = await fetch(link.current.url, { headers: { Range: `bytes=${start}-${end}` } });
    if (!response.ok) throw new Error(`Could not read the file (${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  };
  const reader = useMemo(() => (meta.data ? headReader(meta.data.size, fetchRange) : undefined), [meta.data]);
  if (meta.data && !link.current) link.current = { url: meta.data.downloadUrl, expires: Date.parse(meta.data.expiresAt) };

  const more = async () => {
    if (!reader) return;
    try {
      await reader.more();
      setVersion((v) => v + 1);
    } catch (caught) { setError(caught); }
  };
  /** Reads on until `line` is loaded (or the file ends). */
  const reach = async (line: number) => {
    while (reader && reader.lines.length < line && !reader.complete) await reader.more();
    setVersion((v) => v + 1);
  };
  const show = (line: number) => {
    setSelected(line);
    setWindowStart(Math.max(0, line - 200));
    history.replaceState(history.state, '', `#L${line}`);
    requestAnimationFrame(() => {
      const target = document.getElementById(`L${line}`);
      target?.scrollIntoView({ block: 'center' });
      target?.querySelector('a')?.focus();
    });
  };
  const firstError = async () => {
    if (!reader) return;
    setTail(undefined);
    setStatus('Looking for the first error…');
    let index = reader.lines.findIndex(isErrorLine);
    while (index === -1 && !reader.complete) {
      const from = reader.lines.length;
      await reader.more();
      const found = reader.lines.slice(from).findIndex(isErrorLine);
      if (found !== -1) index = from + found;
    }
    setVersion((v) => v + 1);
    if (index === -1) { setStatus('No error line found in this file.'); return; }
    setStatus(`First error on line ${index + 1}.`);
    show(index + 1);
  };
  const showTail = async () => {
    if (!meta.data) return;
    try {
      setTail((await readTail(meta.data.size, fetchRange)).lines);
      setStatus('Showing the end of the file.');
    } catch (caught) { setError(caught); }
  };

  useEffect(() => {
    if (!reader) return;
    void (async () => {
      await reader.more();
      if (selected) await reach(selected);
      setVersion((v) => v + 1);
      if (selected) show(selected);
    })().catch(setError);
  }, [reader]);

  if (meta.loading && !meta.data) return html`<${PageTitle}>File<//><${Loading} what="Opening the file" />`;
  if (!meta.data || !reader) return html`<${PageTitle}>File<//><${ErrorNotice} error=${meta.error} />`;
  const { filename, size } = meta.data;
  const lines = reader.lines;
  const needle = query.trim().toLowerCase();
  const matches = needle ? lines.flatMap((text, i) => (text.toLowerCase().includes(needle) ? [i + 1] : [])).slice(0, MAX_MATCHES) : [];
  const lineLink = selected ? `${location.origin}${location.pathname}#L${selected}` : '';
  const row = (text: string, number: number | undefined, key: string) => html`<div key=${key} id=${number ? `L${number}` : undefined}
      class=${`log-line${number && number === selected ? ' selected' : ''}${isErrorLine(text) ? ' error' : ''}`}>
    ${number ? html`<a class="ln" href=${`#L${number}`} aria-label=${`Line ${number}`} onClick=${(event: Event) => { event.preventDefault(); show(number); }}>${number}</a>` : html`<span class="ln"></span>`}
    <span class="lt">${text}</span></div>`;
  return html`
    <p class="back"><a href=${`/app/tickets/${params.id}`}>← Back to the ticket</a></p>
    <${PageTitle}>${filename}<//>
    <p class="muted">${(size / (1024 * 1024)).toFixed(1)} MB · ${reader.complete ? `${lines.length} lines` : `first ${lines.length} lines loaded (${Math.round((reader.bytesRead / size) * 100)} %)`}</p>
    <${ErrorNotice} error=${error} />
    <div class="log-tools" role="group" aria-label="Log tools">
      <button type="button" onClick=${() => void firstError()}>Jump to the first error</button>
      <button type="button" class="button secondary" onClick=${() => void showTail()}>Show the end</button>
      ${tail ? html`<button type="button" class="button secondary" onClick=${() => setTail(undefined)}>Show the start</button>` : ''}
      <label for="log-search">Search</label>
      <input id="log-search" type="search" value=${query} onInput=${(event: Event) => setQuery((event.currentTarget as HTMLInputElement).value)} />
    </div>
    <p aria-live="polite" class="muted">${status}${needle ? ` ${matches.length}${matches.length === MAX_MATCHES ? '+' : ''} matching lines in what is loaded.` : ''}</p>
    ${needle && matches.length ? html`<p class="log-matches">${matches.map((n) => html`<a href=${`#L${n}`} onClick=${(event: Event) => { event.preventDefault(); show(n); }}>L${n}</a> `)}</p>` : ''}
    ${selected ? html`<div class="field"><label for="line-link">Link to line ${selected} (paste it into a reply)</label>
      <input id="line-link" type="text" readonly value=${lineLink} onFocus=${(event: Event) => (event.currentTarget as HTMLInputElement).select()} /></div>` : ''}
    <div class="log-view" role="region" aria-label=${tail ? `End of ${filename}` : filename} tabindex="0">
      ${!tail && windowStart > 0 ? html`<p><button type="button" class="button secondary" onClick=${() => setWindowStart(Math.max(0, windowStart - WINDOW / 2))}>Show earlier lines</button></p>` : ''}
      ${tail ? tail.map((text, i) => row(text, reader.complete ? lines.length - tail.length + i + 1 : undefined, `t${i}`))
        : lines.slice(windowStart, windowStart + WINDOW).map((text, i) => row(text, windowStart + i + 1, `h${windowStart + i}`))}
    </div>
    ${!tail && (windowStart + WINDOW < lines.length || !reader.complete) ? html`<p><button type="button" class="button secondary"
      onClick=${() => (windowStart + WINDOW < lines.length ? setWindowStart(windowStart + WINDOW / 2) : void more())}>Show later lines</button></p>` : ''}`;
}
