// The estimator's form as data: field names (also the URL's query keys), defaults, parsing with a
// message per field, and the query string that reproduces a form. Pure: no DOM.

import { isSystemId, SYSTEMS, type SystemId } from './hardware.ts';
import type { Workload } from './efficiency.ts';

export const WORKLOADS: Record<Workload, string> = {
  pretrain: 'Pre-training',
  continued: 'Continued pre-training',
  'full-ft': 'Full fine-tuning',
  lora: 'LoRA fine-tuning',
  qlora: 'QLoRA fine-tuning',
  inference: 'Batch inference',
};

export const FIELDS = [
  'workload', 'system', 'params', 'active', 'layers', 'hidden', 'heads', 'seq', 'dataMode', 'tokens', 'dataset', 'epochs',
  'tokensIn', 'tokensOut', 'precision', 'nodes', 'zero', 'checkpointing', 'microBatch', 'mfuLow', 'mfuLikely', 'mfuHigh',
  'contingency', 'interval', 'keep',
] as const;
export type Field = (typeof FIELDS)[number];
export type FormState = Record<Field, string>;

export const DEFAULTS: FormState = {
  workload: 'pretrain', system: 'lumi-g', params: '7', active: '', layers: '', hidden: '', heads: '', seq: '4096',
  dataMode: 'tokens', tokens: '1000', dataset: '', epochs: '1', tokensIn: '', tokensOut: '', precision: 'bf16',
  nodes: '32', zero: '3', checkpointing: 'on', microBatch: '1', mfuLow: '', mfuLikely: '', mfuHigh: '',
  contingency: '15', interval: '4', keep: '3',
};

export interface Inputs {
  workload: Workload;
  system: SystemId;
  /** parameters, all experts included (memory) */
  params: number;
  /** parameters active per token (FLOPs); equals params for a dense model */
  active: number;
  /** given by the user: the attention term and the memory model use them */
  architecture?: { layers: number; hidden: number; heads: number };
  seq: number;
  /** training tokens processed (dataset × epochs), or tokens in + out for inference */
  tokens: number;
  /** distinct tokens stored on disk */
  uniqueTokens: number;
  precision: 'bf16' | 'fp8';
  nodes: number;
  zero: 0 | 1 | 2 | 3;
  checkpointing: boolean;
  microBatch: number;
  /** MFU overrides as fractions; missing parts take the defaults */
  mfu: { low?: number; likely?: number; high?: number };
  contingency: number;
  intervalHours: number;
  keep: number;
}

export type FieldErrors = Partial<Record<Field, string>>;
export type Parsed = { ok: true; inputs: Inputs } | { ok: false; errors: FieldErrors };

const B = 1e9;

/** A number from a form field, or a message saying what is wrong with it. */
function numberField(raw: string, label: string, min: number, max: number, integer = false): number | string {
  const text = raw.trim().replace(/[\s_,](?=\d{3}\b)/g, '');
  if (text === '') return `Enter ${label}.`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${capitalise(label)} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${capitalise(label)} must be a whole number.`;
  if (value < min || value > max) {
    const lower = min > 0 && min < 0.001 ? 'more than 0' : `at least ${min.toLocaleString('en')}`;
    return `${capitalise(label)} must be ${lower} and at most ${max.toLocaleString('en')}.`;
  }
  return value;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function parseForm(state: FormState): Parsed {
  const errors: FieldErrors = {};
  const read = (field: Field, label: string, min: number, max: number, integer = false): number => {
    const result = numberField(state[field] ?? '', label, min, max, integer);
    if (typeof result === 'string') {
      errors[field] = result;
      return Number.NaN;
    }
    return result;
  };
  const optional = (field: Field, label: string, min: number, max: number, integer = false): number | undefined =>
    (state[field] ?? '').trim() === '' ? undefined : read(field, label, min, max, integer);

  const workload = state.workload as Workload;
  if (!(workload in WORKLOADS)) errors.workload = 'Choose a workload from the list.';
  const system = state.system;
  if (!isSystemId(system)) errors.system = 'Choose a system from the list.';
  const maxNodes = isSystemId(system) ? (SYSTEMS[system].maxNodesPerJob ?? SYSTEMS[system].nodes).value : 10_000;

  const params = read('params', 'the parameter count (billions)', 0.001, 10_000);
  const active = optional('active', 'the active parameters (billions)', 0.001, 10_000) ?? params;
  if (Number.isFinite(active) && Number.isFinite(params) && active > params) errors.active = 'Active parameters cannot exceed the total.';

  const layers = optional('layers', 'the number of layers', 1, 1000, true);
  const hidden = optional('hidden', 'the hidden size', 64, 200_000, true);
  const heads = optional('heads', 'the number of heads', 1, 4096, true);
  if ((layers === undefined) !== (hidden === undefined)) {
    const missing: Field = layers === undefined ? 'layers' : 'hidden';
    errors[missing] ??= 'Give layers and hidden size together (or neither).';
  }
  const seq = read('seq', 'the sequence length', 16, 10_000_000, true);

  let tokens = Number.NaN;
  let uniqueTokens = Number.NaN;
  if (workload === 'inference') {
    const tokensIn = read('tokensIn', 'the input tokens (billions)', 0, 1_000_000);
    const tokensOut = read('tokensOut', 'the output tokens (billions)', 0, 1_000_000);
    tokens = (tokensIn + tokensOut) * B;
    uniqueTokens = tokens;
    if (tokens === 0) errors.tokensIn = 'Enter how many tokens go in or come out.';
  } else if (state.dataMode === 'dataset') {
    const dataset = read('dataset', 'the dataset size (billions of tokens)', 0.000001, 1_000_000);
    const epochs = read('epochs', 'the number of epochs', 0.01, 10_000);
    tokens = dataset * epochs * B;
    uniqueTokens = dataset * B;
  } else {
    tokens = read('tokens', 'the training tokens (billions)', 0.000001, 1_000_000) * B;
    uniqueTokens = tokens;
  }

  const precision = state.precision === 'fp8' ? 'fp8' : state.precision === 'bf16' ? 'bf16' : undefined;
  if (!precision) errors.precision = 'Choose bf16 or fp8.';
  else if (precision === 'fp8' && isSystemId(system) && !hasFp8(system)) {
    errors.precision = `${SYSTEMS[system].name} has no fp8: choose bf16, or a system with H100, GH200 or H200 GPUs.`;
  }
  const nodes = read('nodes', 'the number of nodes', 1, maxNodes, true);
  const zero = Number(state.zero);
  if (![0, 1, 2, 3].includes(zero)) errors.zero = 'Choose a ZeRO stage from 0 to 3.';
  const microBatch = read('microBatch', 'the micro-batch per GPU', 1, 4096, true);

  const percent = (field: Field, label: string) => {
    const value = optional(field, label, 0.5, 100);
    return value === undefined ? undefined : value / 100;
  };
  const mfu = { low: percent('mfuLow', 'the low efficiency (%)'), likely: percent('mfuLikely', 'the likely efficiency (%)'), high: percent('mfuHigh', 'the high efficiency (%)') };
  if (mfu.low !== undefined && mfu.likely !== undefined && mfu.low > mfu.likely) errors.mfuLow = 'The low efficiency cannot be above the likely one.';
  if (mfu.high !== undefined && mfu.likely !== undefined && mfu.high < mfu.likely) errors.mfuHigh = 'The high efficiency cannot be below the likely one.';

  const contingency = read('contingency', 'the contingency (%)', 0, 200);
  const intervalHours = read('interval', 'the checkpoint interval (hours)', 0.1, 1000);
  const keep = read('keep', 'the checkpoints kept', 1, 1000, true);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    inputs: {
      workload, system: system as SystemId, params: params * B, active: active * B,
      ...(layers !== undefined && hidden !== undefined ? { architecture: { layers, hidden, heads: heads ?? Math.max(1, Math.round(hidden / 128)) } } : {}),
      seq, tokens, uniqueTokens, precision: precision!, nodes, zero: zero as Inputs['zero'], checkpointing: state.checkpointing !== 'off',
      microBatch, mfu: Object.fromEntries(Object.entries(mfu).filter(([, v]) => v !== undefined)), contingency: contingency / 100, intervalHours, keep,
    },
  };
}

export function hasFp8(system: SystemId): boolean {
  return ['h100', 'gh200', 'h200'].includes(SYSTEMS[system].gpu);
}

/** The query string that reproduces a form: every field, the defaults too. */
export function toQuery(state: FormState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) params.set(field, (state[field] ?? '').trim());
  return `?${params}`;
}

/** A form from a query string; unknown keys are ignored, missing ones take the defaults. */
export function fromQuery(search: string): FormState {
  const params = new URLSearchParams(search);
  const state = { ...DEFAULTS };
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value !== null) state[field] = value.slice(0, 64);
  }
  return state;
}
