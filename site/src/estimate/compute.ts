// The arithmetic: FLOPs, device-hours, the units each system and call count in, wall time, memory per
// device, jobs, checkpoints and storage. Pure functions of Inputs; every result carries the formula and
// the inputs it used, so the page can show how each number was computed.

import { GPU_MODELS, SYSTEMS, type GpuModelId, type System } from './hardware.ts';
import { defaultMfu, type MfuRange, type Workload } from './efficiency.ts';
import type { Inputs } from './inputs.ts';

export interface Derivation {
  formula: string;
  inputs: Array<[string, string]>;
}

export interface Range {
  low: number;
  likely: number;
  high: number;
}

/** fp8 runs reach a lower fraction of the (doubled) fp8 peak: net speed-up 1.3× over bf16 (assumption). */
export const FP8_MFU_FACTOR = 0.65;
/** memory a job can really use on a device: the rest goes to the runtime, fragmentation and buffers */
export const USABLE_MEMORY = 0.9;
/** LoRA adapters on all linear layers at rank ~16: about 0.5 % of the base parameters (assumption) */
export const ADAPTER_FRACTION = 0.005;
/** bytes per parameter in a full-training checkpoint: fp32 master weights and two Adam moments, bf16 weights */
export const CHECKPOINT_BYTES_PER_PARAM = 14;
/** bytes per token of tokenised data on disk (32-bit token ids; 16-bit when the vocabulary is under 65,536) */
export const BYTES_PER_TOKEN = 4;
/** margin on the storage request */
export const STORAGE_MARGIN = 0.2;

const GB = 1e9;

export const fmt = (value: number, digits = 3): string =>
  Number.isFinite(value) ? Number(value.toPrecision(digits)).toLocaleString('en') : '–';

/** The two significant digits every result is shown with (page, paragraph and the screen-reader summary alike). */
export const shown = (value: number): string => fmt(value, 2);

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 4.2 × 10²² for large numbers, plain below a million. */
export const sci = (value: number, digits = 2): string => {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) < 1e6) return fmt(value, digits);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = Number((value / 10 ** exponent).toPrecision(digits));
  return `${mantissa} × 10${String(exponent).split('').map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
};

// ---- FLOPs -------------------------------------------------------------------------------------------

/** FLOPs per token: 6·N (training), 4·N (LoRA/QLoRA: no weight gradients of the frozen base), 2·N (inference). */
export function flopsPerParamToken(workload: Inputs['workload']): number {
  return workload === 'inference' ? 2 : workload === 'lora' || workload === 'qlora' ? 4 : 6;
}

/** The attention score and value products per token (PaLM, Chowdhery et al. 2022, appendix B): 12·L·h·s for training. */
export function attentionFlopsPerToken(inputs: Pick<Inputs, 'architecture' | 'seq' | 'workload'>): number {
  if (!inputs.architecture) return 0;
  const { layers, hidden } = inputs.architecture;
  return 2 * flopsPerParamToken(inputs.workload) * layers * hidden * inputs.seq;
}

export function totalFlops(inputs: Pick<Inputs, 'architecture' | 'seq' | 'workload' | 'active' | 'tokens'>): { value: number; derivation: Derivation } {
  const k = flopsPerParamToken(inputs.workload);
  const attention = attentionFlopsPerToken(inputs);
  const value = (k * inputs.active + attention) * inputs.tokens;
  const formula = attention > 0
    ? `C = (${k} × N + ${2 * k} × L × h × s) × D`
    : `C = ${k} × N × D`;
  const derivation: Derivation = {
    formula,
    inputs: [
      ['N (active parameters)', sci(inputs.active)],
      ['D (tokens)', sci(inputs.tokens)],
      ...(inputs.architecture ? [['L × h × s', `${inputs.architecture.layers} × ${inputs.architecture.hidden} × ${inputs.seq}`] as [string, string]] : []),
      ['C', `${sci(value)} FLOP`],
    ],
  };
  return { value, derivation };
}

// ---- time and units ----------------------------------------------------------------------------------

/** Device-hours to run `flops` at a fraction `mfu` of a peak in TFLOP/s. */
export function deviceHours(flops: number, peakTflops: number, mfu: number): number {
  return flops / (peakTflops * 1e12 * mfu) / 3600;
}

export const nodeHoursFromDeviceHours = (hours: number, system: System) => hours / system.devicesPerNode.value;
export const deviceHoursFromNodeHours = (nodeHours: number, system: System) => nodeHours * system.devicesPerNode.value;
/** the system's billed GPU-hours (LUMI: MI250X modules) for node-hours */
export const gpuHoursFromNodeHours = (nodeHours: number, system: System) => nodeHours * system.billedGpusPerNode.value;
export const nodeHoursFromGpuHours = (gpuHours: number, system: System) => gpuHours / system.billedGpusPerNode.value;

const mapRange = (range: Range, f: (x: number) => number): Range => ({ low: f(range.low), likely: f(range.likely), high: f(range.high) });

export interface Efficiency extends MfuRange {
  peakTflops: number;
  peakSource: string;
  peakVerified: boolean;
  edited: boolean;
}

/** The efficiency range for a GPU model, workload and precision; the user's overrides win. */
export function efficiencyFor(gpuId: GpuModelId, workload: Workload, activeParams: number, precision: Inputs['precision'], overrides: Inputs['mfu'] = {}): Efficiency {
  const gpu = GPU_MODELS[gpuId];
  const defaults = defaultMfu(gpuId, workload, activeParams / GB);
  const fp8 = precision === 'fp8' && gpu.fp8Tflops;
  const peak = fp8 ? gpu.fp8Tflops! : gpu.bf16Tflops;
  const scale = fp8 ? FP8_MFU_FACTOR : 1;
  const likely = overrides.likely ?? defaults.likely * scale;
  const low = Math.min(overrides.low ?? defaults.low * scale, likely);
  const high = Math.max(overrides.high ?? defaults.high * scale, likely);
  const edited = Object.keys(overrides).length > 0;
  const basis = fp8 ? `${defaults.basis} fp8: ${FP8_MFU_FACTOR * 100} % of the bf16 figures against the fp8 peak (assumption).` : defaults.basis;
  return { low, likely, high, basis, assumed: defaults.assumed || Boolean(fp8), peakTflops: peak.value, peakSource: peak.source, peakVerified: peak.verified, edited };
}

export function efficiency(inputs: Inputs): Efficiency {
  return efficiencyFor(SYSTEMS[inputs.system].gpu, inputs.workload, inputs.active, inputs.precision, inputs.mfu);
}

/** Device-hours low / likely / high: the high efficiency gives the low end of the hours, and the other way round. */
export function deviceHoursRange(flops: number, eff: Pick<Efficiency, 'low' | 'likely' | 'high' | 'peakTflops'>): Range {
  return { low: deviceHours(flops, eff.peakTflops, eff.high), likely: deviceHours(flops, eff.peakTflops, eff.likely), high: deviceHours(flops, eff.peakTflops, eff.low) };
}

// ---- memory ------------------------------------------------------------------------------------------

export interface MemoryItem {
  label: string;
  gb: number;
  formula: string;
}

export interface MemoryCheck {
  items: MemoryItem[];
  totalGB: number;
  capacityGB: number;
  fits: boolean;
  advice: string[];
  /** the architecture used for activations: given, or derived from N */
  architectureNote: string;
}

/** Layers and hidden size from N when not given: N ≈ 12·L·h² with L ≈ h/128 (a common aspect ratio). */
export function assumedArchitecture(params: number): { layers: number; hidden: number; heads: number } {
  const hidden = Math.max(128, Math.round(Math.cbrt((params * 128) / 12) / 128) * 128);
  const layers = Math.max(1, Math.round(params / (12 * hidden * hidden)));
  return { layers, hidden, heads: hidden / 128 };
}

function modelStates(inputs: Inputs, devices: number): MemoryItem[] {
  const n = inputs.params;
  const shard = (stage: number) => (inputs.zero >= stage ? devices : 1);
  const shardNote = (stage: number) => (inputs.zero >= stage ? ` ÷ ${devices} devices (ZeRO-${inputs.zero})` : '');
  switch (inputs.workload) {
    case 'inference': {
      const bytes = inputs.precision === 'fp8' ? 1 : 2;
      const perNode = SYSTEMS[inputs.system].devicesPerNode.value;
      return [{ label: 'Weights', gb: (bytes * n) / perNode / GB, formula: `${bytes} bytes × N ÷ ${perNode} (tensor parallel over one node)` }];
    }
    case 'lora':
    case 'qlora': {
      const base = inputs.workload === 'qlora' ? 0.55 : 2;
      const adapters = ADAPTER_FRACTION * n;
      return [
        { label: 'Frozen base weights', gb: (base * n) / shard(3) / GB, formula: `${base} bytes × N${shardNote(3)}` },
        { label: 'Adapters, their gradients and optimizer states', gb: (16 * adapters) / GB, formula: `16 bytes × ${ADAPTER_FRACTION * 100} % of N` },
      ];
    }
    default:
      return [
        { label: 'Weights (bf16)', gb: (2 * n) / shard(3) / GB, formula: `2 bytes × N${shardNote(3)}` },
        { label: 'Gradients (bf16)', gb: (2 * n) / shard(2) / GB, formula: `2 bytes × N${shardNote(2)}` },
        { label: 'Optimizer states (fp32 master, Adam m and v)', gb: (12 * n) / shard(1) / GB, formula: `12 bytes × N${shardNote(1)}` },
      ];
  }
}

/**
 * Activations per device for one micro-batch, with FlashAttention (no s² term): 34·s·b·h bytes per layer
 * without recomputation (Korthikanti et al. 2022); with full activation checkpointing only each layer's
 * input (2·s·b·h) is kept, plus one layer being recomputed. Inference keeps a KV cache instead.
 */
function activations(inputs: Inputs, architecture: { layers: number; hidden: number }): MemoryItem {
  const { layers, hidden } = architecture;
  const sbh = inputs.seq * inputs.microBatch * hidden;
  if (inputs.workload === 'inference') {
    const perNode = SYSTEMS[inputs.system].devicesPerNode.value;
    return { label: 'KV cache', gb: (4 * layers * sbh) / perNode / GB, formula: `2 (K, V) × 2 bytes × L × s × batch × h ÷ ${perNode} (no grouped-query attention)` };
  }
  return inputs.checkpointing
    ? { label: 'Activations (checkpointed)', gb: (2 * sbh * layers + 34 * sbh) / GB, formula: '(2 × L + 34) × s × b × h bytes' }
    : { label: 'Activations (no checkpointing)', gb: (34 * sbh * layers) / GB, formula: '34 × L × s × b × h bytes' };
}

export function memoryCheck(inputs: Inputs): MemoryCheck {
  const system = SYSTEMS[inputs.system];
  const devices = inputs.nodes * system.devicesPerNode.value;
  const architecture = inputs.architecture ?? assumedArchitecture(inputs.params);
  const items = [...modelStates(inputs, devices), activations(inputs, architecture)];
  const totalGB = items.reduce((sum, item) => sum + item.gb, 0);
  const capacityGB = system.memoryPerDeviceGB.value;
  const fits = totalGB <= capacityGB * USABLE_MEMORY;
  const advice = fits ? [] : memoryAdvice(inputs, items, capacityGB, devices);
  const architectureNote = inputs.architecture
    ? `L = ${architecture.layers}, h = ${architecture.hidden} as given`
    : `L ≈ ${architecture.layers}, h ≈ ${architecture.hidden} derived from N (give them for a better figure)`;
  return { items, totalGB, capacityGB, fits, advice, architectureNote };
}

function memoryAdvice(inputs: Inputs, items: MemoryItem[], capacityGB: number, devices: number): string[] {
  const advice: string[] = [];
  const usable = capacityGB * USABLE_MEMORY;
  const training = inputs.workload !== 'inference';
  const activationGB = items[items.length - 1]!.gb;
  if (training && !inputs.checkpointing) advice.push('Turn on activation checkpointing: it keeps only each layer\'s input and recomputes the rest.');
  if (training && inputs.workload !== 'lora' && inputs.workload !== 'qlora' && inputs.zero < 3) {
    advice.push(`Shard weights, gradients and optimizer states (ZeRO-3 or FSDP full sharding): ${fmt((16 * inputs.params) / devices / GB)} GB per device over ${devices} devices.`);
  }
  if (training && inputs.workload !== 'lora' && inputs.workload !== 'qlora') {
    const room = usable - Math.min(activationGB, usable / 2);
    const needed = Math.ceil((16 * inputs.params) / GB / room);
    const perNode = SYSTEMS[inputs.system].devicesPerNode.value;
    if (needed > devices) advice.push(`Use at least ${needed.toLocaleString('en')} devices (${Math.ceil(needed / perNode).toLocaleString('en')} nodes) so the sharded states fit.`);
  }
  if (activationGB > usable / 2) advice.push('Lower the micro-batch or the sequence length, or add tensor or sequence parallelism.');
  if (inputs.workload === 'full-ft') advice.push('Consider LoRA or QLoRA: the frozen base needs no gradients or optimizer states.');
  if (inputs.workload === 'inference') advice.push('Quantise the weights (fp8 on H100/GH200/H200, or 4-bit), or spread the model over more nodes.');
  if (capacityGB < 96) advice.push('Or choose a system with more memory per device: JUPITER (96 GB) or Discoverer (141 GB).');
  return advice;
}

// ---- the whole estimate ------------------------------------------------------------------------------

export interface Estimate {
  flops: { value: number; derivation: Derivation };
  efficiency: Efficiency;
  /** hours of the devices the software sees (GCDs on LUMI-G) */
  deviceHours: Range;
  nodeHours: Range;
  /** the system's billed GPU-hours (MI250X modules on LUMI-G) */
  gpuHours: Range;
  wallHours: Range;
  request: { gpuHours: number; nodeHours: number };
  jobs: number;
  checkpoints: { sizeGB: number; count: number; kept: number };
  storageTB: number;
  memory: MemoryCheck;
  derivations: Record<'deviceHours' | 'nodeHours' | 'gpuHours' | 'wallHours' | 'request' | 'jobs' | 'checkpoints' | 'storage', Derivation>;
}

export function estimate(inputs: Inputs): Estimate {
  const system = SYSTEMS[inputs.system];
  const flops = totalFlops(inputs);
  const eff = efficiency(inputs);
  const device = deviceHoursRange(flops.value, eff);
  const nodeHours = mapRange(device, (h) => nodeHoursFromDeviceHours(h, system));
  const gpuHours = mapRange(nodeHours, (h) => gpuHoursFromNodeHours(h, system));
  const wallHours = mapRange(nodeHours, (h) => h / inputs.nodes);
  const request = { gpuHours: gpuHours.likely * (1 + inputs.contingency), nodeHours: nodeHours.likely * (1 + inputs.contingency) };
  const maxWall = system.maxWallHours.value;
  const jobs = Math.max(1, Math.ceil(wallHours.likely / maxWall));

  const training = inputs.workload !== 'inference';
  const adapterOnly = inputs.workload === 'lora' || inputs.workload === 'qlora';
  const checkpointBytes = !training ? 0 : adapterOnly ? 16 * ADAPTER_FRACTION * inputs.params : CHECKPOINT_BYTES_PER_PARAM * inputs.params;
  const count = training ? Math.max(1, Math.ceil(wallHours.likely / inputs.intervalHours)) : 0;
  const kept = Math.min(count, inputs.keep);
  const dataBytes = inputs.uniqueTokens * BYTES_PER_TOKEN;
  const weightsBytes = 2 * inputs.params;
  const storageTB = ((dataBytes + kept * checkpointBytes + weightsBytes) * (1 + STORAGE_MARGIN)) / 1e12;

  const devicesPerNode = system.devicesPerNode.value;
  const gpu = GPU_MODELS[system.gpu];
  const deviceName = system.gpu === 'mi250x-gcd' ? 'GCD' : 'GPU';
  const derivations: Estimate['derivations'] = {
    deviceHours: {
      formula: `${deviceName}-hours = C ÷ (peak × MFU) ÷ 3600`,
      inputs: [
        ['C', `${sci(flops.value)} FLOP`],
        ['peak', `${fmt(eff.peakTflops, 4)} TFLOP/s per ${deviceName} (${gpu.name}, ${inputs.precision})`],
        ['MFU high / likely / low', `${pct(eff.high)} / ${pct(eff.likely)} / ${pct(eff.low)}`],
      ],
    },
    nodeHours: { formula: `node-hours = ${deviceName}-hours ÷ ${devicesPerNode} ${deviceName}s per node`, inputs: [[`${deviceName}-hours (likely)`, fmt(device.likely)]] },
    gpuHours: {
      formula: `billed GPU-hours = node-hours × ${system.billedGpusPerNode.value} (${system.gpuUnit} per node)`,
      inputs: [['node-hours (likely)', fmt(nodeHours.likely)], ['what one GPU is here', system.gpuUnit]],
    },
    wallHours: { formula: 'wall time = node-hours ÷ nodes', inputs: [['node-hours (likely)', fmt(nodeHours.likely)], ['nodes', String(inputs.nodes)]] },
    request: {
      formula: 'request = likely × (1 + contingency)',
      inputs: [['likely GPU-hours', fmt(gpuHours.likely)], ['likely node-hours', fmt(nodeHours.likely)], ['contingency', pct(inputs.contingency)]],
    },
    jobs: {
      formula: 'jobs = ⌈wall time ÷ maximum wall time⌉',
      inputs: [['wall time (likely)', `${fmt(wallHours.likely)} h`], ['maximum wall time', `${maxWall} h (${system.partition})${system.maxWallHours.verified ? '' : ', unverified'}`]],
    },
    checkpoints: {
      formula: training ? (adapterOnly ? 'size = 16 bytes × adapter parameters' : `size = ${CHECKPOINT_BYTES_PER_PARAM} bytes × N; count = ⌈wall time ÷ interval⌉`) : 'no checkpoints for inference',
      inputs: [['N', sci(inputs.params)], ['interval', `${inputs.intervalHours} h`], ['kept', String(kept)]],
    },
    storage: {
      formula: `storage = (${BYTES_PER_TOKEN} bytes × distinct tokens + kept checkpoints + 2 bytes × N) × ${1 + STORAGE_MARGIN}`,
      inputs: [['distinct tokens', sci(inputs.uniqueTokens)], ['checkpoint', `${fmt(checkpointBytes / GB)} GB × ${kept}`], ['final weights', `${fmt(weightsBytes / GB)} GB`]],
    },
  };

  return {
    flops, efficiency: eff, deviceHours: device, nodeHours, gpuHours, wallHours, request, jobs,
    checkpoints: { sizeGB: checkpointBytes / GB, count, kept }, storageTB, memory: memoryCheck(inputs), derivations,
  };
}

export const pct = (fraction: number): string => `${fmt(fraction * 100, 3)} %`;
