// The search combobox in the header (and on the home, search and 404 pages): suggestions while
// typing, arrows to move, Enter to open the highlighted section (without arrows: the first result
// when it is clearly ahead, else the results page), Escape to close, "/" to focus. When no guide
// answers, the popup offers a ticket with the query as its subject.
import type { SearchResult } from '../search/index.ts';
import { resultOpened, searchShown } from './readingEvents.ts';
import { escapeText, pageSearch, ticketUrl } from './shared.ts';

const SUGGESTIONS = 8;

function optionHtml(result: SearchResult, id: string, selected: boolean): string {
  const lang = result.lang === 'en' ? '' : ` lang="${result.lang}"`;
  return `<li role="option" id="${id}" aria-selected="${selected}"><a href="${escapeText(result.url)}" tabindex="-1">` +
    `<span class="result-title"${lang}>${escapeText(result.guideTitle)}</span>` +
    (result.sectionTitle ? `<span class="result-section">${escapeText(result.sectionTitle)}</span>` : '') +
    `<span class="result-snippet"${lang}>${result.snippetHtml}</span></a></li>`;
}

export function enhanceSearchForm(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[role="combobox"]');
  const popup = form.querySelector<HTMLElement>('.search-popup');
  const list = form.querySelector<HTMLElement>('[role="listbox"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  if (!input || !popup || !list) return;
  let active = -1;
  let latest = 0;
  /** the reader moved through the suggestions with the arrow keys */
  let navigated = false;
  let firstClearlyAhead = false;

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  /** A suggestion (not "all results" or "open a ticket") about to be opened: counted with its position. */
  const opening = (link: Element | null | undefined) => {
    const option = link?.closest('[role="option"]');
    const position = option && !option.matches('.all-results, .no-answer') ? options().indexOf(option as HTMLElement) + 1 : 0;
    if (position > 0) resultOpened(input.value, position);
  };
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  /** `complete` is false for the preview: the snippets are still loading (aria-busy). */
  const show = (text: string, results: SearchResult[], keepActive = false, complete = true) => {
    list.setAttribute('aria-busy', String(!complete));
    firstClearlyAhead = results[0]?.clearlyAhead === true;
    if (complete) searchShown(text, results.length);
    if (results.length === 0) {
      if (!complete) return;
      list.innerHTML = `<li role="option" id="${list.id}-ticket" aria-selected="true" class="no-answer"><a href="${escapeText(ticketUrl(text))}" tabindex="-1">No guide answers this — open a ticket</a></li>`;
      popup.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      setActive(0);
      if (status) status.textContent = `No guide answers “${text}”. Press Enter to open a ticket.`;
      return;
    }
    const allUrl = `/search/?q=${encodeURIComponent(text)}`;
    list.innerHTML =
      results.map((result, i) => optionHtml(result, `${list.id}-${i}`, i === 0)).join('') +
      `<li role="option" id="${list.id}-all" aria-selected="false" class="all-results"><a href="${escapeText(allUrl)}" tabindex="-1">All results for “${escapeText(text)}”</a></li>`;
    const previous = active;
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(keepActive && previous >= 0 ? previous : 0);
    if (status) status.textContent = `${results.length === 1 ? '1 suggestion' : `${results.length} suggestions`}. Use the arrow keys and Enter to open one.`;
  };

  input.addEventListener('focus', () => pageSearch().warm(), { once: true });
  input.addEventListener('input', async () => {
    const text = input.value;
    const id = ++latest;
    navigated = false;
    if (!text.trim()) {
      searchShown('', 0);
      close();
      return;
    }
    // Titles first (preview), then the same list again once the section snippets are loaded.
    let previewed = false;
    const onPreview = (preview: SearchResult[]) => {
      if (id !== latest) return;
      previewed = true;
      show(text, preview, false, false);
    };
    const results = await pageSearch().query(text, { limit: SUGGESTIONS, onPreview });
    if (id === latest) show(text, results, previewed);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (popup.hidden) return;
      event.preventDefault();
      navigated = true;
      setActive(active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const link = options()[active]?.querySelector('a');
      const onlyOption = options().length === 1;
      if (!popup.hidden && link && (navigated || firstClearlyAhead || onlyOption)) {
        event.preventDefault();
        opening(link);
        window.location.assign(link.href);
      }
      // otherwise the form submits to the results page
    } else if (event.key === 'Escape') {
      if (!popup.hidden) close();
      else input.value = '';
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  list.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus for the click
  list.addEventListener('click', (event) => opening((event.target as Element).closest('a')));
}

export function enableSlashShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const input = document.querySelector<HTMLInputElement>('main input[role="combobox"]') ?? document.querySelector<HTMLInputElement>('input[role="combobox"]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
