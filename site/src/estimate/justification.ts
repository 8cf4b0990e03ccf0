// The "justification of resources" paragraph (Markdown, to paste into a proposal) and the link that
// opens a helpdesk ticket with it.

import { SYSTEMS } from './hardware.ts';
import { WORKLOADS, type Inputs } from './inputs.ts';
import { fmt, pct, sci, shown, type Estimate } from './compute.ts';
import type { RouteFit } from './routes.ts';


export function justification(inputs: Inputs, result: Estimate, routes: RouteFit[], pageUrl: string): string {
  const system = SYSTEMS[inputs.system];
  const eff = result.efficiency;
  const model = inputs.active < inputs.params
    ? `a mixture-of-experts model with ${fmt(inputs.params / 1e9)}B parameters (${fmt(inputs.active / 1e9)}B active per token)`
    : `a ${fmt(inputs.params / 1e9)}B-parameter model`;
  const tokens = inputs.workload === 'inference' ? `${fmt(inputs.tokens / 1e9)}B tokens in and out` : `${fmt(inputs.tokens / 1e9)}B training tokens`;
  const fitting = routes.filter((fit) => fit.fit === 'fits').map((fit) => fit.route.name);
  const memory = result.memory.fits
    ? `The memory check gives ${shown(result.memory.totalGB)} GB per device of the ${result.memory.capacityGB} GB available`
    : `The configuration as planned needs ${shown(result.memory.totalGB)} GB per device, more than the ${result.memory.capacityGB} GB available, so we will ${result.memory.advice[0]?.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()) ?? 'change the parallel layout'}`;
  return [
    `**Justification of resources.** ${WORKLOADS[inputs.workload]} of ${model} on ${tokens} (sequence length ${inputs.seq.toLocaleString('en')}, ${inputs.precision}) `
      + `requires about ${sci(result.flops.value)} floating-point operations (${result.flops.derivation.formula}). `
      + `On ${system.name} (${system.gpuUnit}, peak ${fmt(eff.peakTflops, 4)} TFLOP/s per ${system.gpu === 'mi250x-gcd' ? 'GCD' : 'GPU'}) at a model-FLOPs utilisation of ${pct(eff.low)}–${pct(eff.high)} `
      + `(likely ${pct(eff.likely)}; ${eff.edited ? 'our own estimate' : 'based on published training runs'}), this is `
      + `${shown(result.gpuHours.low)}–${shown(result.gpuHours.high)} GPU-hours (likely ${shown(result.gpuHours.likely)}), where one GPU-hour is one ${system.gpuUnit} for one hour, `
      + `or ${shown(result.nodeHours.likely)} node-hours. `
      + `With ${pct(inputs.contingency)} contingency for evaluation, failures and restarts we request **${shown(result.request.gpuHours)} GPU-hours (${shown(result.request.nodeHours)} node-hours)**. `
      + `On ${inputs.nodes} node${inputs.nodes === 1 ? '' : 's'} the run takes about ${shown(result.wallHours.likely)} hours of wall time in ${result.jobs.toLocaleString('en')} job${result.jobs === 1 ? '' : 's'} `
      + `of at most ${system.maxWallHours.value} hours, resuming from checkpoints${result.checkpoints.sizeGB > 0 ? ` of ${shown(result.checkpoints.sizeGB)} GB` : ''}; we ask for ${shown(result.storageTB)} TB of storage. `
      + `${memory}. `
      + (fitting.length ? `The request fits ${fitting.join(', ')}. ` : '')
      + `We will confirm the throughput with a short measured run before the main run.`,
    '',
    `_Estimate: ${pageUrl}_`,
  ].join('\n');
}

/** The new-ticket form, opened in the access category with the paragraph as its description. */
export function ticketLink(inputs: Inputs, paragraph: string): string {
  const system = SYSTEMS[inputs.system];
  const params = new URLSearchParams({
    category: 'access-and-allocations',
    subject: `Compute estimate: ${WORKLOADS[inputs.workload].toLowerCase()}, ${fmt(inputs.params / 1e9)}B parameters on ${system.name}`,
    body: paragraph,
    system: system.machine,
  });
  return `/app/tickets/new?${params.toString()}`;
}
