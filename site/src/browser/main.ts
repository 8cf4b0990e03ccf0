// The script of every static page: search boxes, /search/ results, copy buttons on code, "was this helpful". (The estimator page adds its own, estimate.ts.)
import { enableSlashShortcut, enhanceSearchForm } from './searchBox.ts';
import { renderSearchPage } from './searchPage.ts';
import { addCopyButtons } from './copyCode.ts';
import { enhanceGuideFeedback } from './guideFeedback.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) enhanceSearchForm(form);
enableSlashShortcut();
addCopyButtons();
const results = document.querySelector<HTMLOListElement>('ol#search-results');
if (results) void renderSearchPage(results);
const feedback = document.querySelector<HTMLElement>('[data-guide-feedback]');
if (feedback) enhanceGuideFeedback(feedback);
