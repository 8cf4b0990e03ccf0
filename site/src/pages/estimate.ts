// /tools/estimate/: the compute estimator's form. The page script (site/src/browser/estimate.ts) fills it
// from the URL, computes on every change and renders the results; without JavaScript the form says so.

import { html, type Html } from '../build/html.ts';
import { SYSTEMS, SYSTEM_IDS } from '../estimate/hardware.ts';
import { DEFAULTS, WORKLOADS, type Field } from '../estimate/inputs.ts';
import { layout, type Chrome } from './layout.ts';

interface FieldOptions {
  hint?: string;
  /** input attributes: inputmode, placeholder */
  placeholder?: string;
  wide?: boolean;
}

function fieldShell(field: Field, label: string, control: Html, options: FieldOptions = {}): Html {
  return html`<div class="field${options.wide ? ' wide' : ''}" data-field="${field}">
  <label for="est-${field}">${label}</label>
  ${options.hint ? html`<p class="hint" id="est-${field}-hint">${options.hint}</p>` : ''}
  ${control}
  <p class="field-error" id="est-${field}-error" hidden></p>
</div>`;
}

function describedBy(field: Field, options: FieldOptions): string {
  return [options.hint ? `est-${field}-hint` : '', `est-${field}-error`].filter(Boolean).join(' ');
}

function numberInput(field: Field, label: string, options: FieldOptions = {}): Html {
  const control = html`<input id="est-${field}" name="${field}" type="text" inputmode="decimal" autocomplete="off" value="${DEFAULTS[field]}"${options.placeholder ? html` placeholder="${options.placeholder}"` : ''} aria-describedby="${describedBy(field, options)}">`;
  return fieldShell(field, label, control, options);
}

function select(field: Field, label: string, choices: Array<[string, string]>, options: FieldOptions = {}): Html {
  const control = html`<select id="est-${field}" name="${field}" aria-describedby="${describedBy(field, options)}">${choices.map(
    ([value, text]) => html`<option value="${value}"${value === DEFAULTS[field] ? ' selected' : ''}>${text}</option>`,
  )}</select>`;
  return fieldShell(field, label, control, options);
}

export function estimatePage(chrome: Chrome, script: string): string {
  const systems = SYSTEM_IDS.map((id): [string, string] => [id, `${SYSTEMS[id].name} (${SYSTEMS[id].gpuUnit})`]);
  const main = html`<h1>Compute estimator</h1>
<p class="lead">How many GPU-hours to ask for, on which EuroHPC system, through which call. Every number shows how it was computed; the link in your address bar reproduces this estimate.</p>
<noscript><p class="notice">The estimator needs JavaScript. The method is in <a href="/guides/estimate-compute/">Estimating the compute you need</a>.</p></noscript>
<form id="estimate-form" class="estimate-form" novalidate aria-label="Estimate inputs">
  <fieldset>
    <legend>Workload and model</legend>
    <div class="field-grid">
      ${select('workload', 'Workload', Object.entries(WORKLOADS))}
      ${numberInput('params', 'Parameters (billions)', { hint: 'For example 7 for a 7B model.' })}
      ${numberInput('active', 'Active parameters (billions, optional)', { hint: 'Mixture of experts: parameters used per token.' })}
      ${numberInput('seq', 'Sequence length (tokens)')}
    </div>
    <details class="architecture">
      <summary>Architecture (optional: adds the attention term and a better memory figure)</summary>
      <div class="field-grid">
        ${numberInput('layers', 'Layers')}
        ${numberInput('hidden', 'Hidden size')}
        ${numberInput('heads', 'Attention heads')}
      </div>
    </details>
  </fieldset>
  <fieldset>
    <legend>Data</legend>
    <div class="field-grid" data-show="training">
      ${select('dataMode', 'Give the data as', [['tokens', 'Training tokens'], ['dataset', 'Dataset size × epochs']])}
      <div data-show="tokens">${numberInput('tokens', 'Training tokens (billions)', { hint: '1000 = 1 trillion tokens.' })}</div>
      <div data-show="dataset">${numberInput('dataset', 'Dataset size (billions of tokens)')}</div>
      <div data-show="dataset">${numberInput('epochs', 'Epochs')}</div>
    </div>
    <div class="field-grid" data-show="inference" hidden>
      ${numberInput('tokensIn', 'Input tokens (billions)')}
      ${numberInput('tokensOut', 'Output tokens (billions)')}
    </div>
  </fieldset>
  <fieldset>
    <legend>System</legend>
    <div class="field-grid">
      ${select('system', 'Target system', systems)}
      ${numberInput('nodes', 'Nodes to use')}
      ${select('precision', 'Precision', [['bf16', 'bf16'], ['fp8', 'fp8 (H100, GH200, H200)']])}
    </div>
  </fieldset>
  <fieldset>
    <legend>Parallel setup and efficiency</legend>
    <div class="field-grid">
      ${select('zero', 'Sharding', [['0', 'None (plain data parallel)'], ['1', 'ZeRO-1 (optimizer states)'], ['2', 'ZeRO-2 (+ gradients)'], ['3', 'ZeRO-3 / FSDP (+ weights)']])}
      ${select('checkpointing', 'Activation checkpointing', [['on', 'On'], ['off', 'Off']])}
      ${numberInput('microBatch', 'Micro-batch per GPU (sequences)')}
      ${numberInput('mfuLow', 'Efficiency, low (MFU %)')}
      ${numberInput('mfuLikely', 'Efficiency, likely (MFU %)')}
      ${numberInput('mfuHigh', 'Efficiency, high (MFU %)')}
      ${numberInput('contingency', 'Contingency (%)', { hint: 'Evaluation, failures, restarts.' })}
      ${numberInput('interval', 'Checkpoint every (hours)')}
      ${numberInput('keep', 'Checkpoints kept')}
    </div>
    <p class="hint">Leave the efficiency fields empty to use the defaults from published runs (shown in them as placeholders).</p>
  </fieldset>
</form>
<p id="estimate-status" class="visually-hidden" role="status"></p>
<section id="estimate-results" class="estimate-results" aria-labelledby="estimate-results-title">
  <h2 id="estimate-results-title">Estimate</h2>
  <p class="muted">Loading the estimator…</p>
</section>
<script defer src="${script}"></script>`;
  return layout(chrome, {
    title: 'Compute estimator',
    description: 'Estimate GPU-hours and node-hours for training, fine-tuning or inference on EuroHPC systems, in each system\'s and call\'s unit, with a justification to paste into a proposal.',
    main,
    breadcrumbs: [{ label: 'Home', url: '/' }, { label: 'Compute estimator' }],
  });
}
