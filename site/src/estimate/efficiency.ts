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

/**
 * H100-class defaults move with model size, from the Llama 3/3.1 8B runs (10B and below) to the 70B and
 * 405B runs (70B and above), interpolated in log N between. The step is gentle enough that hours still
 * grow with N (the property tests check it).
 */
const SMALL_B = 10;
const LARGE_B = 70;

function bySize(small: number, large: number, activeParamsB: number): number {
  const t = Math.min(1, Math.max(0, Math.log(activeParamsB / SMALL_B) / Math.log(LARGE_B / SMALL_B)));
  return small + (large - small) * t;
}

function trainingRange(gpu: GpuModelId, activeParamsB: number): MfuRange {
  if (gpu === 'a100') {
    return { low: 0.25, likely: 0.38, high: 0.5, assumed: false, basis: 'Llama 2 7B/13B/70B and BLOOM 176B on A100 imply 32–43 % over whole runs.' };
  }
  if (gpu === 'mi250x-gcd') {
    // Whole-run figures from the MI250X rows of referenceRuns.ts (12–21 % per GCD, 1–1.7B models); Poro 34B's
    // reported steady throughput (174,378 tokens/s on 1,024 GCDs) is 18 % before any downtime, so large runs
    // are not much better. 30 % (the estimate-compute guide's example) stays as the optimistic end.
    return { low: 0.1, likely: 0.16, high: 0.3, assumed: false, basis: 'Published LUMI runs (HPLT v2 ablations, Paloma baselines; 1–1.7B) imply 12–21 % per GCD over whole runs; Poro 34B\'s reported throughput is 18 % before downtime.' };
  }
  const hopper = gpu === 'h100' ? '' : ' Taken from H100 runs.';
  return {
    low: bySize(0.12, 0.2, activeParamsB), likely: bySize(0.2, 0.3, activeParamsB), high: bySize(0.35, 0.45, activeParamsB),
    assumed: gpu !== 'h100',
    basis: `Llama 3/3.1 on H100 imply 14–16 % at 8B (very large clusters; small jobs often do better) and 25–33 % at 70B–405B.${hopper}`,
  };
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
  return { low: base.low * factor, likely: base.likely * factor, high: base.high * factor, assumed: true, basis: `${base.basis} ${why}` };
}
