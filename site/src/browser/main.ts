// The script of every static page: enhances the search boxes and renders /search/ results. (The estimator page adds its own, estimate.ts.)
import { enableSlashShortcut, enhanceSearchForm } from './searchBox.ts';
import { renderSearchPage } from './searchPage.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) enhanceSearchForm(form);
enableSlashShortcut();
const results = document.querySelector<HTMLOListElement>('ol#search-results');
if (results) void renderSearchPage(results);
