// The /tools/estimate/ page script: reads the form from the URL, recomputes on every change, shows a
// message next to each bad field (never NaN), and keeps the URL in step so a link reproduces the estimate.

import { estimate, shown } from '../estimate/compute.ts';
import { defaultMfu } from '../estimate/efficiency.ts';
import { isSystemId, SYSTEMS } from '../estimate/hardware.ts';
import { FIELDS, fromQuery, parseForm, toQuery, type Field, type FormState } from '../estimate/inputs.ts';
import { justification, ticketLink } from '../estimate/justification.ts';
import { fitRoutes } from '../estimate/routes.ts';
import { resultsHtml } from './estimateView.ts';

const form = document.getElementById('estimate-form') as HTMLFormElement | null;
const results = document.getElementById('estimate-results');

function control(field: Field): HTMLInputElement | HTMLSelectElement | null {
  return form?.elements.namedItem(field) as HTMLInputElement | HTMLSelectElement | null;
}

function readForm(): FormState {
  return Object.fromEntries(FIELDS.map((field) => [field, control(field)?.value ?? ''])) as FormState;
}

function writeForm(state: FormState): void {
  for (const field of FIELDS) {
    const element = control(field);
    if (!element) continue;
    if (element instanceof HTMLSelectElement && ![...element.options].some((option) => option.value === state[field])) continue;
    element.value = state[field];
  }
}

/** Show the groups that apply to the chosen workload and data mode. */
function toggleGroups(state: FormState): void {
  const inference = state.workload === 'inference';
  const show: Record<string, boolean> = { training: !inference, inference, tokens: state.dataMode !== 'dataset', dataset: state.dataMode === 'dataset' };
  for (const group of form!.querySelectorAll<HTMLElement>('[data-show]')) group.hidden = !show[group.dataset.show!];
  for (const field of ['zero', 'checkpointing', 'microBatch', 'interval', 'keep'] as Field[]) {
    const wrapper = form!.querySelector<HTMLElement>(`[data-field="${field}"]`);
    if (wrapper) wrapper.hidden = inference && field !== 'microBatch';
  }
}

/** The defaults for this system and workload, shown as placeholders of the efficiency fields. */
function showDefaultEfficiency(state: FormState): void {
  if (!isSystemId(state.system)) return;
  const params = Number(state.active || state.params);
  const defaults = defaultMfu(SYSTEMS[state.system].gpu, state.workload as Parameters<typeof defaultMfu>[1], Number.isFinite(params) ? params : 7);
  const placeholders: Array<[Field, number]> = [['mfuLow', defaults.low], ['mfuLikely', defaults.likely], ['mfuHigh', defaults.high]];
  for (const [field, value] of placeholders) {
    const element = control(field);
    if (element instanceof HTMLInputElement) element.placeholder = `default ${Math.round(value * 1000) / 10}`;
  }
}

function showErrors(errors: Partial<Record<Field, string>>): void {
  for (const field of FIELDS) {
    const message = document.getElementById(`est-${field}-error`);
    const element = control(field);
    const text = errors[field];
    if (message) {
      message.textContent = text ?? '';
      message.hidden = !text;
    }
    if (element) {
      if (text) element.setAttribute('aria-invalid', 'true');
      else element.removeAttribute('aria-invalid');
    }
  }
}

function update(): void {
  const state = readForm();
  toggleGroups(state);
  showDefaultEfficiency(state);
  const query = toQuery(state);
  // Every input is in the URL, from the first estimate on: a shared link does not depend on today's defaults.
  if (query !== window.location.search) history.replaceState(null, '', `${window.location.pathname}${query}`);
  const parsed = parseForm(state);
  // Fields the current workload hides do not block the estimate.
  if (!parsed.ok) {
    showErrors(parsed.errors);
    const count = Object.keys(parsed.errors).length;
    const message = `Fix ${count === 1 ? 'the field' : `the ${count} fields`} marked above to see the estimate.`;
    results!.innerHTML = `<h2 id="estimate-results-title">Estimate</h2><p class="warn" id="estimate-invalid">${message}</p>`;
    announce(message);
    return;
  }
  showErrors({});
  const inputs = parsed.inputs;
  const result = estimate(inputs);
  const routes = fitRoutes(inputs.system, result.request);
  const paragraph = justification(inputs, result, routes, window.location.href);
  results!.innerHTML = resultsHtml(inputs, result, routes, paragraph, ticketLink(inputs, paragraph));
  announce(`Estimate updated: about ${shown(result.gpuHours.likely)} GPU-hours on ${SYSTEMS[inputs.system].name}.`);
}

/** A short, debounced summary for screen readers instead of re-reading the whole results. */
let announceTimer: ReturnType<typeof setTimeout> | undefined;
function announce(text: string): void {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    const status = document.getElementById('estimate-status');
    if (status) status.textContent = text;
  }, 600);
}

function copyParagraph(): void {
  const text = (document.getElementById('justification') as HTMLTextAreaElement | null)?.value ?? '';
  const status = document.getElementById('copy-status');
  navigator.clipboard?.writeText(text).then(
    () => { if (status) status.textContent = 'Copied.'; },
    () => { if (status) status.textContent = 'Select the text and copy it with your keyboard.'; },
  );
}

if (form && results) {
  writeForm(fromQuery(window.location.search));
  form.addEventListener('input', () => update());
  form.addEventListener('change', () => update());
  form.addEventListener('submit', (event) => event.preventDefault());
  results.addEventListener('click', (event) => {
    if ((event.target as HTMLElement).id === 'copy-justification') copyParagraph();
  });
  update();
}
