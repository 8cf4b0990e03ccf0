// "Was this helpful?" under a guide: Yes sends at once; No opens an optional reason, sent with "Send".
// The section is in the page hidden and shown here only when the browser allows the (anonymous) count.
import { guideRated, mayRecord } from './readingEvents.ts';

export function enhanceGuideFeedback(section: HTMLElement): void {
  const guide = section.dataset.guideFeedback;
  const form = section.querySelector<HTMLFormElement>('form');
  const why = section.querySelector<HTMLElement>('[data-feedback-why]');
  const reason = section.querySelector<HTMLInputElement>('input[name="reason"]');
  const status = section.querySelector<HTMLElement>('[data-feedback-status]');
  const no = section.querySelector<HTMLButtonElement>('button[data-helpful="no"]');
  if (!guide || !form || !why || !reason || !status || !no || !mayRecord()) return;
  section.hidden = false;

  const done = (message: string) => {
    form.hidden = true;
    status.textContent = message;
  };
  section.querySelector('button[data-helpful="yes"]')?.addEventListener('click', () => {
    guideRated(guide, true);
    done('Thank you. Glad it helped.');
  });
  no.addEventListener('click', () => {
    why.hidden = false;
    no.setAttribute('aria-expanded', 'true');
    reason.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // One line without control characters, as the API accepts it.
    const text = reason.value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
    guideRated(guide, false, text || undefined);
    done('Thank you. We will use this to improve the guide.');
  });
}
