// Default model-FLOPs utilisation (MFU) per GPU and workload: low / likely / high. MFU here is measured
// against the dense BF16 peak with 6·N·D training FLOPs, the way the published totals in
// referenceRuns.ts imply it (see site/src/estimate/README.md for the arithmetic and what is assumed).

import type { GpuModelId } from './hardware.ts';

export type Workload = 'pretrain' | 'continued' | 'full-ft' | 'lora' | 'qlora' | 'inference';

export interface MfuRange {
  low: number;
  likely: number;
  high: number;
  /** where the numbers come from, in a sentence */
  basis: string;
  /** true when no published run supports them */
  assumed: boolean;
}

/** Above this many active parameters, H100-class defaults follow the large Llama runs. */
const LARGE_MODEL_B = 30;

function trainingRange(gpu: GpuModelId, activeParamsB: number): MfuRange {
  if (gpu === 'a100') {
    return { low: 0.25, likely: 0.38, high: 0.5, assumed: false, basis: 'Llama 2 7B/13B/70B and BLOOM 176B on A100 imply 32–43 % over whole runs.' };
  }
  if (gpu === 'mi250x-gcd') {
    return { low: 0.2, likely: 0.3, high: 0.4, assumed: true, basis: 'No published MI250X run with total GPU-hours was found; 30 % is the figure the estimate-compute guide uses for LUMI.' };
  }
  const hopper = gpu === 'h100' ? '' : ' (taken from H100 runs)';
  return activeParamsB >= LARGE_MODEL_B
    ? { low: 0.2, likely: 0.3, high: 0.45, assumed: gpu !== 'h100', basis: `Llama 3/3.1 70B and 405B on H100 imply 25–33 %${hopper}.` }
    : { low: 0.12, likely: 0.2, high: 0.35, assumed: gpu !== 'h100', basis: `Llama 3/3.1 8B on H100 imply 14–16 % on very large clusters; small jobs often do better${hopper}.` };
}

/** Adjustments for workloads no published total covers: stated as assumptions on the page. */
const WORKLOAD_FACTOR: Record<Workload, { factor: number; why?: string }> = {
  pretrain: { factor: 1 },
  continued: { factor: 1 },
  'full-ft': { factor: 0.9, why: 'Fine-tuning runs are shorter and less tuned: 90 % of the pre-training figure (assumption).' },
  lora: { factor: 0.8, why: 'LoRA: 80 % of the pre-training figure (assumption: small adapters keep GPUs less busy).' },
  qlora: { factor: 0.5, why: 'QLoRA: 50 % of the pre-training figure (assumption: 4-bit de-quantisation overhead).' },
  inference: { factor: 0.4, why: 'Batch inference is limited by memory bandwidth: 40 % of the training figure (assumption; measure throughput instead).' },
};

export function defaultMfu(gpu: GpuModelId, workload: Workload, activeParamsB: number): MfuRange {
  const base = trainingRange(gpu, activeParamsB);
  const { factor, why } = WORKLOAD_FACTOR[workload];
  if (factor === 1) return base;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { low: round(base.low * factor), likely: round(base.likely * factor), high: round(base.high * factor), assumed: true, basis: `${base.basis} ${why}` };
}
