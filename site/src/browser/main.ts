// The only script of the static pages: enhances the search boxes, renders /search/ results, adds copy buttons to code.
import { enableSlashShortcut, enhanceSearchForm } from './searchBox.ts';
import { renderSearchPage } from './searchPage.ts';
import { addCopyButtons } from './copyCode.ts';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) enhanceSearchForm(form);
enableSlashShortcut();
addCopyButtons();
const results = document.querySelector<HTMLOListElement>('ol#search-results');
if (results) void renderSearchPage(results);
