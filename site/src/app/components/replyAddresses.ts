// The preferences page's "Reply-by-e-mail addresses": notification mails carry a personal reply address (a signed
// token, functions/inbound-mail/README.md); a person who forwarded one, or lost a mailbox, voids all of theirs sent
// so far (POST /api/notifications/reply-addresses/withdraw). Asked in the page, not a browser dialog, so the
// question is in the person's language and reachable by keyboard; the answer names when the cut happened.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n.ts';
import { ErrorNotice, Notice } from './ui.ts';

export function ReplyAddresses(): VNode {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [withdrawnAt, setWithdrawnAt] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const question = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // The question and the button replace each other: the focus follows, so a keyboard never falls to the page's top.
  const show = (ask: boolean) => {
    setAsking(ask);
    setTimeout(() => (ask ? question.current : button.current)?.focus());
  };
  const ask = () => {
    setWithdrawnAt(undefined);
    setError(undefined);
    show(true);
  };
  const withdraw = async () => {
    setBusy(true);
    try {
      setWithdrawnAt((await api.post<{ withdrawnAt: string }>('/notifications/reply-addresses/withdraw', {})).withdrawnAt);
      show(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="stack preferences" aria-labelledby="reply-addresses">
    <h2 id="reply-addresses">${t('Reply-by-e-mail addresses')}</h2>
    <p>${t('Each notification e-mail carries a reply address of your own, so that answering the e-mail adds your reply to the ticket.')}</p>
    <div aria-live="polite">${withdrawnAt ? html`<${Notice} kind="success">${t('Done: the reply addresses in e-mails sent until {time} no longer work. E-mails from now on carry new ones.', { time: formatDateTime(withdrawnAt) })}<//>` : ''}</div>
    <${ErrorNotice} error=${error} />
    ${asking ? html`<div class="notice warning">
        <p tabindex="-1" ref=${question}>${t('Withdraw every reply address sent to you so far? Replies to older e-mails will be refused; you can still answer in this app.')}</p>
        <p class="actions">
          <button type="button" onClick=${withdraw} disabled=${busy}>${t('Yes, withdraw them')}</button>
          ${' '}<button type="button" class="button secondary" onClick=${() => show(false)} disabled=${busy}>${t('Keep them')}</button>
        </p>
      </div>`
    : html`<p><button type="button" class="button secondary" ref=${button} onClick=${ask}>${t('Withdraw my reply addresses')}</button></p>`}
  </section>`;
}
