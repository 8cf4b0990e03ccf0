// Published training runs with their reported GPU-hours: the estimator's calibration and its test
// (test/site/estimate.test.ts checks that each row falls inside the estimated range and that
// the likely value is within 1.5×). Parameters and tokens are as the source states them (nominal
// sizes such as "7B"); GPU-hours are the source's own totals, which include restarts and downtime.
// `gpuHours` is in the unit of `gpu`: for 'mi250x-gcd' that is GCD-hours (two per MI250X module-hour,
// the LUMI billing unit); each MI250X row says in `where` which unit the source counted and how we converted.

import type { GpuModelId } from './hardware.ts';

export interface ReferenceRun {
  model: string;
  paramsB: number;
  tokensB: number;
  gpu: GpuModelId;
  hardware: string;
  gpuHours: number;
  source: string;
  /** where in the source, and anything to know when comparing */
  where: string;
}

const LLAMA2 = 'https://github.com/meta-llama/llama/blob/main/MODEL_CARD.md';
const LLAMA3 = 'https://github.com/meta-llama/llama3/blob/main/MODEL_CARD.md';
const LLAMA31 = 'https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/MODEL_CARD.md';
const HPLT_V2 = 'https://arxiv.org/abs/2503.10267';
const PALOMA_MI250X = 'https://huggingface.co/allenai/paloma-1b-baseline-redpajama';

export const REFERENCE_RUNS: readonly ReferenceRun[] = [
  { model: 'Llama 2 7B', paramsB: 7, tokensB: 2000, gpu: 'a100', hardware: 'A100-80GB', gpuHours: 184_320, source: LLAMA2, where: 'Carbon Footprint table, "Time (GPU hours)"; 2.0T tokens in the model table' },
  { model: 'Llama 2 13B', paramsB: 13, tokensB: 2000, gpu: 'a100', hardware: 'A100-80GB', gpuHours: 368_640, source: LLAMA2, where: 'Carbon Footprint table' },
  { model: 'Llama 2 70B', paramsB: 70, tokensB: 2000, gpu: 'a100', hardware: 'A100-80GB', gpuHours: 1_720_320, source: LLAMA2, where: 'Carbon Footprint table' },
  { model: 'BLOOM 176B', paramsB: 176, tokensB: 366, gpu: 'a100', hardware: 'A100-80GB (Jean Zay)', gpuHours: 1_082_990, source: 'https://arxiv.org/abs/2211.05100', where: 'Section 3.4.1: 384 A100 80GB, "1,082,990 compute hours"; 366B tokens' },
  { model: 'Llama 3 8B', paramsB: 8, tokensB: 15_000, gpu: 'h100', hardware: 'H100-80GB', gpuHours: 1_300_000, source: LLAMA3, where: 'Carbon Footprint table (1.3M); "15T+" tokens, so the FLOPs here are a lower bound' },
  { model: 'Llama 3 70B', paramsB: 70, tokensB: 15_000, gpu: 'h100', hardware: 'H100-80GB', gpuHours: 6_400_000, source: LLAMA3, where: 'Carbon Footprint table (6.4M); "15T+" tokens' },
  { model: 'Llama 3.1 8B', paramsB: 8, tokensB: 15_000, gpu: 'h100', hardware: 'H100-80GB', gpuHours: 1_460_000, source: LLAMA31, where: 'Training Energy Use table (1.46M); "15T+" tokens' },
  { model: 'Llama 3.1 70B', paramsB: 70, tokensB: 15_000, gpu: 'h100', hardware: 'H100-80GB', gpuHours: 7_000_000, source: LLAMA31, where: 'Training Energy Use table (7.0M); "15T+" tokens' },
  { model: 'Llama 3.1 405B', paramsB: 405, tokensB: 15_000, gpu: 'h100', hardware: 'H100-80GB', gpuHours: 30_840_000, source: LLAMA31, where: 'Training Energy Use table (30.84M); "15T+" tokens' },
  // MI250X rows are small (1–1.7B) LUMI runs: the only MI250X runs we found with hours, not just GPU counts.
  { model: 'HPLT v2 English ablation 1.7B', paramsB: 1.71, tokensB: 100, gpu: 'mi250x-gcd', hardware: 'MI250X (LUMI), 128 GCDs', gpuHours: 11_008, source: HPLT_V2, where: 'Appendix I.1: 1.71B parameters, 100B tokens, 16 nodes, "128 devices ... for approximately 84 hours, totalling 11 008 GPU hours per model"; the total counts devices (GCDs): 128 × 86 h' },
  { model: 'HPLT v2 Norwegian ablation 1.7B', paramsB: 1.71, tokensB: 30, gpu: 'mi250x-gcd', hardware: 'MI250X (LUMI), 32 nodes', gpuHours: 3_840, source: HPLT_V2, where: 'Appendix I.2: same 1.71B setup, 30B tokens, "approximately 15 hours (wall-clock time), or 1 920 GPU-hours (15 × 32 × 4 hours)"; those count MI250X modules (4 per node), so × 2 = 3,840 GCD-hours' },
  { model: 'Paloma 1B baseline (RedPajama)', paramsB: 1, tokensB: 150, gpu: 'mi250x-gcd', hardware: 'MI250X (LUMI), 64 modules', gpuHours: 6_144, source: PALOMA_MI250X, where: 'Environmental Impact: "run on 64 AMD Instinct MI250X GPUs for 2 days per model" (the RedPajama, Pile, C4 and mC4-en baselines), "~150B tokens"; 64 × 48 h = 3,072 module-hours, counted as modules as AI2 does in the OLMo paper (arXiv 2402.00838 §3.4: 4 MI250X per LUMI node), so 6,144 GCD-hours' },
];
