// /search/?q=QUERY renders the results on load: an ordered list of links, each with the attribute
// data-search-result, best first (a contract other tests rely on).
import type { SearchResult } from '../search/index.ts';
import { resultOpened, searchShown } from './readingEvents.ts';
import { escapeText, pageSearch, ticketUrl } from './shared.ts';

const PAGE_RESULTS = 50;

function resultHtml(result: SearchResult): string {
  const lang = result.lang === 'en' ? '' : ` lang="${result.lang}"`;
  return `<li><a data-search-result href="${escapeText(result.url)}"><span class="result-title"${lang}>${escapeText(result.guideTitle)}</span>` +
    (result.sectionTitle ? `<span class="result-section">${escapeText(result.sectionTitle)}</span>` : '') +
    `</a><p class="result-snippet"${lang}>${result.snippetHtml}</p></li>`;
}

export async function renderSearchPage(list: HTMLOListElement): Promise<void> {
  const summary = document.getElementById('search-summary');
  const text = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  const input = document.querySelector<HTMLInputElement>('#page-search');
  if (input) input.value = text;
  if (!text) return;
  if (summary) summary.textContent = `Searching for “${text}”…`;
  document.title = `${text} · Search · HPC AI Support Centre`;
  try {
    const results = await pageSearch().query(text, {
      limit: PAGE_RESULTS,
      onPreview: (preview) => {
        list.innerHTML = preview.map(resultHtml).join('');
      },
    });
    list.innerHTML = results.map(resultHtml).join('');
    searchShown(text, results.length);
    list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a[data-search-result]');
      if (link) resultOpened(text, [...list.querySelectorAll('a[data-search-result]')].indexOf(link) + 1);
    });
    if (summary && results.length === 0) {
      summary.innerHTML = `No guide answers “${escapeText(text)}”. <a href="${escapeText(ticketUrl(text))}">Open a ticket</a> and an expert will answer.`;
    } else if (summary) {
      summary.textContent = `${results.length}${results.length === PAGE_RESULTS ? '+' : ''} result${results.length === 1 ? '' : 's'} for “${text}”`;
    }
  } catch (error) {
    if (summary) summary.textContent = `Search is unavailable right now (${(error as Error).message}).`;
  }
}
