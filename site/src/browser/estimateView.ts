// The estimator's results as HTML: the range in the system's unit, how each number was computed, the
// memory check, jobs and storage, the routes, the facts used with their sources, and the paragraph.

import { GPU_MODELS, SYSTEMS, type Fact } from '../estimate/hardware.ts';
import { fmt, pct, sci, shown, type Derivation, type Estimate, type Range } from '../estimate/compute.ts';
import type { Inputs } from '../estimate/inputs.ts';
import type { RouteFit } from '../estimate/routes.ts';

export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);


function how(derivation: Derivation, extra = ''): string {
  return `<details class="how"><summary>How this was computed</summary><p><code>${esc(derivation.formula)}</code></p>`
    + `<dl>${derivation.inputs.map(([label, value]) => `<div><dt>${esc(label)}</dt><dd>${esc(value)}</dd></div>`).join('')}</dl>${extra}</details>`;
}

function range(value: Range, unit: string): string {
  return `<span class="likely" data-likely>${shown(value.likely)}</span> ${esc(unit)} <span class="range">(range <span data-low>${shown(value.low)}</span>–<span data-high>${shown(value.high)}</span>)</span>`;
}

function source(fact: Fact<unknown>): string {
  const link = fact.source.startsWith('/') || fact.source.startsWith('http')
    ? `<a href="${esc(fact.source)}"${fact.source.startsWith('http') ? ' rel="noopener"' : ''}>source</a>` : esc(fact.source);
  const flag = fact.verified ? '' : ' <strong class="unverified">unverified</strong>';
  return `${link}${flag}${fact.note ? ` <span class="muted">${esc(fact.note)}</span>` : ''}`;
}

const FIT_TEXT = { fits: 'fits', 'too-small': 'below the minimum', 'too-large': 'above the maximum', unknown: 'size not in our guides', 'not-offered': 'system not offered' } as const;

function routesList(routes: RouteFit[]): string {
  const offered = routes.filter((fit) => fit.fit !== 'not-offered');
  return `<ul class="routes">${offered.map((fit) => {
    const [min, max] = fit.range ?? [0, null];
    const bounds = fit.range ? (max === null ? `from ${min.toLocaleString('en')}` : min > 0 ? `${min.toLocaleString('en')}–${max.toLocaleString('en')}` : `up to ${max.toLocaleString('en')}`) : '';
    return `<li class="route fit-${fit.fit}" data-route="${esc(fit.route.id)}" data-fit="${fit.fit}"><a href="${esc(fit.route.guide)}">${esc(fit.route.name)}</a>: `
      + `<strong>${FIT_TEXT[fit.fit]}</strong> (your request ${shown(fit.amount)} ${fit.route.unit}${bounds ? `; route ${bounds}` : ''})`
      + `${fit.route.uncertain ? ' <strong class="unverified">uncertain</strong>' : ''}<br><span class="muted">${esc(fit.route.note)}</span></li>`;
  }).join('')}</ul>`;
}

export function resultsHtml(inputs: Inputs, result: Estimate, routes: RouteFit[], paragraph: string, ticketUrl: string): string {
  const system = SYSTEMS[inputs.system];
  const gpu = GPU_MODELS[system.gpu];
  const eff = result.efficiency;
  const deviceName = system.gpu === 'mi250x-gcd' ? 'GCD' : 'GPU';
  const memory = result.memory;
  const unitNote = system.gpu === 'mi250x-gcd'
    ? 'Unit: LUMI GPU-hours. One GPU-hour is one MI250X module (2 GCDs) for one hour; PyTorch sees 8 GCDs per node. Whether an AI Factory award on LUMI counts GCDs or modules is not settled in our sources: say which you mean.'
    : `Unit: GPU-hours. One GPU-hour is one ${system.gpuUnit} for one hour.`;
  return `<h2 id="estimate-results-title">Estimate</h2>
<div class="summary-grid">
  <div class="stat" id="result-gpu-hours"><h3>GPU-hours on ${esc(system.name)}</h3><p>${range(result.gpuHours, 'GPU-hours')}</p>
    <p class="unit" data-unit>${esc(unitNote)}</p>${how(result.derivations.gpuHours)}</div>
  <div class="stat" id="result-node-hours"><h3>Node-hours</h3><p>${range(result.nodeHours, 'node-hours')}</p>
    <p class="unit">The unit of the classic EuroHPC calls and AI for Science.</p>${how(result.derivations.nodeHours)}</div>
  <div class="stat" id="result-wall"><h3>Wall time on ${inputs.nodes} node${inputs.nodes === 1 ? '' : 's'}</h3><p>${range(result.wallHours, 'hours')}</p>
    <p class="unit">About ${shown(result.wallHours.likely / 24)} days of running, in ${result.jobs.toLocaleString('en')} job${result.jobs === 1 ? '' : 's'}.</p>${how(result.derivations.wallHours)}</div>
  <div class="stat" id="result-request"><h3>To request</h3><p><span class="likely">${shown(result.request.gpuHours)}</span> GPU-hours or ${shown(result.request.nodeHours)} node-hours</p>
    <p class="unit">Likely value plus ${pct(inputs.contingency)} contingency.</p>${how(result.derivations.request)}</div>
</div>
<h3>Work and speed</h3>
<ul class="facts">
  <li>Compute: <strong>${sci(result.flops.value)} FLOP</strong>. ${how(result.flops.derivation)}</li>
  <li>${deviceName}-hours: ${range(result.deviceHours, `${deviceName}-hours`)}. ${how(result.derivations.deviceHours)}</li>
  <li>Efficiency (MFU): ${pct(eff.low)} / <strong>${pct(eff.likely)}</strong> / ${pct(eff.high)}${eff.edited ? ' (your values)' : ''}.
    <span class="muted">${esc(eff.basis)}</span>${eff.assumed && !eff.edited ? ' <strong class="unverified">assumption</strong>' : ''}
    See <a href="#estimate-method">where the defaults come from</a>.</li>
</ul>
<h3>Memory per ${deviceName}</h3>
<p class="${memory.fits ? 'ok' : 'warn'}" id="memory-verdict">${memory.fits ? 'Fits' : 'Does not fit'}: about <strong>${shown(memory.totalGB)} GB</strong> of ${memory.capacityGB} GB per ${deviceName} (${Math.round(100 * 0.9)} % usable). <span class="muted">${esc(memory.architectureNote)}.</span></p>
<div class="table-scroll"><table class="memory"><caption class="visually-hidden">Memory per device</caption><thead><tr><th scope="col">Part</th><th scope="col">GB</th><th scope="col">Formula</th></tr></thead>
<tbody>${memory.items.map((item) => `<tr><th scope="row">${esc(item.label)}</th><td>${shown(item.gb)}</td><td><code>${esc(item.formula)}</code></td></tr>`).join('')}</tbody></table></div>
${memory.advice.length ? `<p>What to change:</p><ul class="advice">${memory.advice.map((line) => `<li>${esc(line)}</li>`).join('')}</ul>` : ''}
<h3>Jobs, checkpoints and storage</h3>
<ul class="facts">
  <li><strong>${result.jobs.toLocaleString('en')}</strong> job${result.jobs === 1 ? '' : 's'} under the ${system.maxWallHours.value}-hour limit of ${esc(system.partition)}. ${how(result.derivations.jobs)}</li>
  <li>${result.checkpoints.count > 0 ? `Checkpoints of about <strong>${shown(result.checkpoints.sizeGB)} GB</strong>, ${result.checkpoints.count.toLocaleString('en')} written, ${result.checkpoints.kept} kept.` : 'No training checkpoints.'} ${how(result.derivations.checkpoints)}</li>
  <li>Storage to request: about <strong>${shown(result.storageTB)} TB</strong>. ${how(result.derivations.storage)}</li>
</ul>
<h3>Access routes for this size</h3>
${routesList(routes)}
<p class="muted">Sizes are those in our access guides (2025 terms); calls revise them. Check the call page before you apply.</p>
<h3>Justification of resources</h3>
<label for="justification">Paste this into your proposal (Markdown)</label>
<textarea id="justification" rows="9" readonly>${esc(paragraph)}</textarea>
<p class="actions"><button type="button" id="copy-justification">Copy the paragraph</button>
  <a class="button secondary" id="attach-ticket" href="${esc(ticketUrl)}">Attach to a ticket</a>
  <span id="copy-status" class="muted" role="status"></span></p>
<h3 id="estimate-method">Facts used for ${esc(system.name)}</h3>
<ul class="facts sources">
  <li>Peak: ${fmt(eff.peakTflops, 4)} TFLOP/s per ${deviceName} (${esc(gpu.name)}, ${inputs.precision}, dense) — ${source(inputs.precision === 'fp8' && gpu.fp8Tflops ? gpu.fp8Tflops : gpu.bf16Tflops)}</li>
  <li>${system.devicesPerNode.value} ${deviceName}s per node — ${source(system.devicesPerNode)}</li>
  <li>${system.memoryPerDeviceGB.value} GB per ${deviceName} — ${source(system.memoryPerDeviceGB)}</li>
  <li>${system.billedGpusPerNode.value} billed GPUs per node — ${source(system.billedGpusPerNode)}</li>
  <li>Site accounting: ${esc(system.siteAccounting.value)} — ${source(system.siteAccounting)}</li>
  <li>Maximum wall time ${system.maxWallHours.value} h — ${source(system.maxWallHours)}</li>
  <li>Default efficiencies come from published training runs (Llama 2, Llama 3 and 3.1, BLOOM); the table and the arithmetic are in the repository (site/src/estimate/README.md). Method: <a href="/guides/estimate-compute/">Estimating the compute you need</a>.</li>
</ul>`;
}
