// The compute estimator's arithmetic: properties (monotonic in N and D, linear in D, units consistent and
// round-tripping), the published-runs table, bad input, the URL that reproduces a form, and the paragraph.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deviceHoursFromNodeHours, deviceHoursRange, efficiencyFor, estimate, gpuHoursFromNodeHours, nodeHoursFromDeviceHours,
  nodeHoursFromGpuHours, totalFlops,
} from '../../site/src/estimate/compute.ts';
import { GPU_MODELS, SYSTEMS, SYSTEM_IDS, type SystemId } from '../../site/src/estimate/hardware.ts';
import { DEFAULTS, FIELDS, fromQuery, parseForm, toQuery, type FormState, type Inputs } from '../../site/src/estimate/inputs.ts';
import { justification, ticketLink } from '../../site/src/estimate/justification.ts';
import { REFERENCE_RUNS } from '../../site/src/estimate/referenceRuns.ts';
import { fitRoutes, ROUTES } from '../../site/src/estimate/routes.ts';
import { resultsHtml } from '../../site/src/browser/estimateView.ts';

const WORKLOADS = ['pretrain', 'continued', 'full-ft', 'lora', 'qlora', 'inference'] as const;

function inputsFor(form: Partial<FormState>): Inputs {
  const parsed = parseForm({ ...DEFAULTS, ...form });
  if (!parsed.ok) throw new Error(`unexpected errors: ${JSON.stringify(parsed.errors)}`);
  return parsed.inputs;
}

const system = fc.constantFrom(...SYSTEM_IDS);
const workload = fc.constantFrom(...WORKLOADS);
/** parameters in billions, 0.1 to 2,000, as the form takes them */
const paramsB = fc.double({ min: 0.1, max: 2000, noNaN: true });
const tokensB = fc.double({ min: 0.001, max: 100_000, noNaN: true });

function form(sys: SystemId, work: (typeof WORKLOADS)[number], params: number, tokens: number): Partial<FormState> {
  return work === 'inference'
    ? { system: sys, workload: work, params: String(params), tokensIn: String(tokens / 2), tokensOut: String(tokens / 2), nodes: '1' }
    : { system: sys, workload: work, params: String(params), tokens: String(tokens), nodes: '1' };
}

const relativelyEqual = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

describe('the estimator\'s arithmetic', () => {
  it('grows with the parameter count (defaults included, which move with model size)', () => {
    fc.assert(fc.property(system, workload, paramsB, paramsB, tokensB, (sys, work, a, b, tokens) => {
      const [small, large] = a <= b ? [a, b] : [b, a];
      const low = estimate(inputsFor(form(sys, work, small, tokens)));
      const high = estimate(inputsFor(form(sys, work, large, tokens)));
      for (const key of ['low', 'likely', 'high'] as const) expect(high.gpuHours[key]).toBeGreaterThanOrEqual(low.gpuHours[key] * (1 - 1e-12));
    }), { numRuns: 300 });
  });

  it('grows with the tokens, in proportion', () => {
    const someTokens = fc.double({ min: 0.001, max: 10_000, noNaN: true });
    fc.assert(fc.property(system, workload, paramsB, someTokens, fc.double({ min: 1.01, max: 100, noNaN: true }), (sys, work, params, tokens, factor) => {
      const once = estimate(inputsFor(form(sys, work, params, tokens)));
      const more = estimate(inputsFor(form(sys, work, params, tokens * factor)));
      expect(more.gpuHours.likely).toBeGreaterThan(once.gpuHours.likely);
      expect(relativelyEqual(more.gpuHours.likely, once.gpuHours.likely * factor)).toBe(true);
      expect(relativelyEqual(more.flops.value, once.flops.value * factor)).toBe(true);
    }), { numRuns: 300 });
  });

  it('keeps node-hours × billed GPUs per node = GPU-hours, and device-hours = node-hours × devices per node', () => {
    fc.assert(fc.property(system, workload, paramsB, tokensB, fc.integer({ min: 1, max: 4 }), (sys, work, params, tokens, nodes) => {
      const result = estimate(inputsFor({ ...form(sys, work, params, tokens), nodes: String(nodes) }));
      for (const key of ['low', 'likely', 'high'] as const) {
        expect(relativelyEqual(result.nodeHours[key] * SYSTEMS[sys].billedGpusPerNode.value, result.gpuHours[key])).toBe(true);
        expect(relativelyEqual(result.nodeHours[key] * SYSTEMS[sys].devicesPerNode.value, result.deviceHours[key])).toBe(true);
        expect(relativelyEqual(result.wallHours[key] * nodes, result.nodeHours[key])).toBe(true);
        expect(result.gpuHours.low).toBeLessThanOrEqual(result.gpuHours.likely);
        expect(result.gpuHours.likely).toBeLessThanOrEqual(result.gpuHours.high);
      }
    }), { numRuns: 200 });
  });

  it('converts units both ways without loss', () => {
    fc.assert(fc.property(system, fc.double({ min: 0, max: 1e9, noNaN: true }), (sys, hours) => {
      const s = SYSTEMS[sys];
      expect(relativelyEqual(nodeHoursFromGpuHours(gpuHoursFromNodeHours(hours, s), s), hours)).toBe(true);
      expect(relativelyEqual(nodeHoursFromDeviceHours(deviceHoursFromNodeHours(hours, s), s), hours)).toBe(true);
    }));
    // LUMI-G: a node-hour is 8 GCD-hours and 4 billed GPU-hours (one per MI250X module)
    expect(deviceHoursFromNodeHours(1, SYSTEMS['lumi-g'])).toBe(8);
    expect(gpuHoursFromNodeHours(1, SYSTEMS['lumi-g'])).toBe(4);
    expect(gpuHoursFromNodeHours(1, SYSTEMS['karolina-gpu'])).toBe(8);
  });

  it('uses 6·N·D, adds the attention term only with an architecture, 2·N per token for inference, active parameters for MoE', () => {
    const dense = inputsFor({ params: '7', tokens: '1000' });
    expect(totalFlops(dense).value).toBeCloseTo(6 * 7e9 * 1e12, -15);
    const withArchitecture = inputsFor({ params: '7', tokens: '1000', layers: '32', hidden: '4096', seq: '4096' });
    expect(totalFlops(withArchitecture).value).toBeCloseTo((6 * 7e9 + 12 * 32 * 4096 * 4096) * 1e12, -15);
    const inference = inputsFor({ workload: 'inference', params: '70', tokensIn: '1', tokensOut: '1' });
    expect(totalFlops(inference).value).toBeCloseTo(2 * 70e9 * 2e9, -10);
    const moe = inputsFor({ params: '47', active: '13', tokens: '100' });
    expect(totalFlops(moe).value).toBeCloseTo(6 * 13e9 * 100e9, -10);
    const lora = inputsFor({ workload: 'lora', params: '8', dataMode: 'dataset', dataset: '0.05', epochs: '3' });
    expect(totalFlops(lora).value).toBeCloseTo(4 * 8e9 * 0.15e9, -8);
  });

  it('reproduces the estimate-compute guide\'s worked example (7B, 100B tokens, A100 at 40 %: about 9,350 GPU-hours)', () => {
    const result = estimate(inputsFor({ system: 'leonardo-booster', params: '7', tokens: '100', mfuLikely: '40' }));
    expect(Math.round(result.gpuHours.likely / 10) * 10).toBe(9350);
  });
});

describe('the published training runs', () => {
  it('has at least eight rows, each with its source', () => {
    expect(REFERENCE_RUNS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(REFERENCE_RUNS.map((run) => run.gpu))).toEqual(new Set(['a100', 'h100', 'mi250x-gcd']));
    for (const run of REFERENCE_RUNS) expect(run.source).toMatch(/^https:\/\//);
  });

  it.each(REFERENCE_RUNS.map((run) => [run.model, run] as const))('%s: the range contains the published GPU-hours and the likely value is within 1.5×', (_, run) => {
    const flops = totalFlops({ workload: 'pretrain', active: run.paramsB * 1e9, tokens: run.tokensB * 1e9, seq: 4096 }).value;
    const range = deviceHoursRange(flops, efficiencyFor(run.gpu, 'pretrain', run.paramsB * 1e9, 'bf16'));
    expect(range.low).toBeLessThanOrEqual(run.gpuHours);
    expect(range.high).toBeGreaterThanOrEqual(run.gpuHours);
    const ratio = range.likely / run.gpuHours;
    expect(ratio).toBeGreaterThan(1 / 1.5);
    expect(ratio).toBeLessThan(1.5);
  });
});

describe('bad input', () => {
  it('names the field and never yields NaN or Infinity', () => {
    const cases: Array<[Partial<FormState>, string]> = [
      [{ params: '-7' }, 'params'], [{ params: 'seven' }, 'params'], [{ params: '' }, 'params'], [{ params: '1e400' }, 'params'],
      [{ tokens: '0' }, 'tokens'], [{ system: 'frontier' }, 'system'], [{ nodes: '99999' }, 'nodes'], [{ nodes: '1025' }, 'nodes'], [{ nodes: '2.5' }, 'nodes'],
      [{ active: '70' }, 'active'], [{ layers: '32' }, 'hidden'], [{ precision: 'fp8' }, 'precision'],
      [{ mfuLow: '50', mfuLikely: '30' }, 'mfuLow'], [{ workload: 'inference' }, 'tokensIn'], [{ workload: 'dance' }, 'workload'],
      [{ dataMode: 'dataset', dataset: '', epochs: '2' }, 'dataset'],
    ];
    for (const [change, field] of cases) {
      const parsed = parseForm({ ...DEFAULTS, ...change });
      expect(parsed.ok, JSON.stringify(change)).toBe(false);
      if (!parsed.ok) expect(parsed.errors[field as keyof typeof parsed.errors], JSON.stringify(change)).toMatch(/\w/);
    }
  });

  it('whatever is typed, either names a field or gives finite numbers only', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.double().map(String), fc.integer({ min: -10, max: 1e7 }).map(String), fc.constantFrom('', '1e308', 'Infinity', 'NaN', '0x10', '1,000'));
    const anyForm = fc.record(Object.fromEntries(FIELDS.map((field) => [field, fc.oneof(fc.constant(DEFAULTS[field]), text)])) as Record<keyof FormState, fc.Arbitrary<string>>);
    fc.assert(fc.property(anyForm, fc.constantFrom(...SYSTEM_IDS), fc.constantFrom(...WORKLOADS), (state, sys, work) => {
      const parsed = parseForm({ ...state, system: sys, workload: work });
      if (!parsed.ok) return;
      const result = estimate(parsed.inputs);
      const routes = fitRoutes(parsed.inputs.system, result.request);
      const paragraph = justification(parsed.inputs, result, routes, 'https://example.eu/tools/estimate/');
      const page = resultsHtml(parsed.inputs, result, routes, paragraph, ticketLink(parsed.inputs, paragraph));
      expect(page).not.toMatch(/NaN|Infinity|undefined/);
      expect(paragraph).not.toMatch(/NaN|Infinity|undefined/);
    }), { numRuns: 300 });
  });
});

describe('the URL and the paragraph', () => {
  it('reproduces a form from its query string', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.double({ noNaN: true }).map(String));
    const anyForm = fc.record(Object.fromEntries(FIELDS.map((field) => [field, value.map((v) => v.trim())])) as Record<keyof FormState, fc.Arbitrary<string>>);
    fc.assert(fc.property(anyForm, (state) => {
      expect(fromQuery(toQuery(state))).toEqual(state);
    }));
    // The defaults too: a shared link reproduces the estimate even after the defaults change.
    expect([...new URLSearchParams(toQuery(DEFAULTS)).keys()]).toEqual([...FIELDS]);
  });

  it('writes a justification with the unit, the range, the request and the routes, and a ticket link that carries it', () => {
    const inputs = inputsFor({});
    const result = estimate(inputs);
    const routes = fitRoutes(inputs.system, result.request);
    const paragraph = justification(inputs, result, routes, 'https://support.example.eu/tools/estimate/?params=7');
    expect(paragraph).toContain('**Justification of resources.**');
    expect(paragraph).toContain('MI250X module (2 GCDs)');
    expect(paragraph).toContain('AI Factories Large Scale');
    expect(paragraph).toContain('https://support.example.eu/tools/estimate/?params=7');
    const link = new URL(ticketLink(inputs, paragraph), 'https://support.example.eu');
    expect(link.pathname).toBe('/app/tickets/new');
    expect(link.searchParams.get('category')).toBe('access-and-allocations');
    expect(link.searchParams.get('body')).toBe(paragraph);
    expect(link.searchParams.get('system')).toBe('LUMI');
  });

  it('places a request in the routes that fit it, in each route\'s unit', () => {
    const small = fitRoutes('leonardo-booster', { gpuHours: 3000, nodeHours: 750 });
    const fits = (id: string, list = small) => list.find((fit) => fit.route.id === id)!.fit;
    expect(fits('playground')).toBe('fits');
    expect(fits('fast-lane')).toBe('fits');
    expect(fits('large-scale')).toBe('too-small');
    expect(fits('benchmark')).toBe('fits');
    expect(fits('regular')).toBe('too-small');
    const karolina = fitRoutes('karolina-gpu', { gpuHours: 3000, nodeHours: 375 });
    expect(fits('playground', karolina)).toBe('not-offered');
    expect(ROUTES.every((route) => route.guide.startsWith('/guides/'))).toBe(true);
  });

  it('has a peak and a source for every GPU, and marks what it could not verify', () => {
    for (const gpu of Object.values(GPU_MODELS)) {
      expect(gpu.bf16Tflops.value).toBeGreaterThan(0);
      expect(gpu.bf16Tflops.source).toMatch(/^(https:\/\/|\/guides\/)/);
    }
    for (const s of Object.values(SYSTEMS)) {
      for (const fact of [s.devicesPerNode, s.memoryPerDeviceGB, s.billedGpusPerNode, s.maxWallHours, s.nodes, s.siteAccounting]) {
        expect(fact.source).toMatch(/^(https:\/\/|\/guides\/)/);
        if (!fact.verified) expect(fact.note).toBeTruthy();
      }
    }
  });
});

describe('links to the estimator', () => {
  it('sit near the top of the estimate-compute and writing-proposal guides, and in the new-ticket and mentoring forms', async () => {
    for (const guide of ['estimate-compute', 'writing-proposal']) {
      const text = await readFile(new URL(`../../content/guides/${guide}.md`, import.meta.url), 'utf8');
      const body = text.split(/^---$/m)[2]!;
      expect(body.trimStart().split('\n')[0], guide).toContain('](/tools/estimate/)');
    }
    for (const page of ['newTicket', 'mentoring']) {
      const source = await readFile(new URL(`../../site/src/app/pages/${page}.ts`, import.meta.url), 'utf8');
      expect(source, page).toContain('href="/tools/estimate/"');
    }
  });
});
