// Published training runs with their reported GPU-hours: the estimator's calibration and its test
// (test/site/estimate-reference.test.ts checks that each row falls inside the estimated range and that
// the likely value is within 1.5×). Parameters and tokens are as the source states them (nominal
// sizes such as "7B"); GPU-hours are the source's own totals, which include restarts and downtime.

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
];
