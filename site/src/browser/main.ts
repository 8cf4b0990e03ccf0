// The script of every static page: search boxes, /search/ results, copy buttons on code. (The estimator page adds its own, estimate.ts.)
import { enableSlashShortcut, enhanceSearchForm } from './searchBox.ts';
import { renderSearchPage } from './searchPage.ts';
import { addCopyButtons } from './copyCode.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) enhanceSearchForm(form);
enableSlashShortcut();
addCopyButtons();
const results = document.querySelector<HTMLOListElement>('ol#search-results');
if (results) void renderSearchPage(results);
