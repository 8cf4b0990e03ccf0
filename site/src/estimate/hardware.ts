// Hardware and accounting facts for the estimator: ONE table, each number with its source. A number we
// could not confirm in a primary or guide source carries `verified: false` and a note; the page shows
// those with a warning mark. Change a number here and the page, the tests and the README follow.

export interface Fact<T> {
  value: T;
  /** where the number comes from: a URL, or a guide of this site (its path) */
  source: string;
  verified: boolean;
  note?: string;
}

const fact = <T>(value: T, source: string, note?: string): Fact<T> => ({ value, source, verified: true, ...(note ? { note } : {}) });
const unverified = <T>(value: T, source: string, note: string): Fact<T> => ({ value, source, verified: false, note });

export type GpuModelId = 'a100' | 'h100' | 'gh200' | 'h200' | 'mi250x-gcd';

export interface GpuModel {
  name: string;
  /** dense (no sparsity) bf16 tensor peak of ONE device as the software sees it, in TFLOP/s */
  bf16Tflops: Fact<number>;
  /** dense fp8 peak, or null where the hardware has no fp8 */
  fp8Tflops: Fact<number> | null;
}

const H100_PEAKS = 'https://glennklockwood.com/garden/processors/h100';
const H100_DATASHEET = 'https://www.nvidia.com/en-us/data-center/h100/';

export const GPU_MODELS: Record<GpuModelId, GpuModel> = {
  a100: {
    name: 'NVIDIA A100',
    bf16Tflops: fact(312, 'https://www.nvidia.com/en-us/data-center/a100/', 'Dense BF16 tensor peak; also /guides/estimate-compute/.'),
    fp8Tflops: null,
  },
  h100: {
    name: 'NVIDIA H100 (SXM)',
    bf16Tflops: fact(989.4, H100_PEAKS, `Dense BF16 matrix peak; the datasheet (${H100_DATASHEET}) quotes 1,979 with sparsity, half without.`),
    fp8Tflops: fact(1978.9, H100_PEAKS, 'Dense FP8 matrix peak (3,958 with sparsity).'),
  },
  gh200: {
    name: 'NVIDIA GH200 (H100-class GPU)',
    bf16Tflops: unverified(989.4, H100_PEAKS, 'Assumed equal to H100 SXM; not checked against the GH200 datasheet or JUPITER\'s power settings.'),
    fp8Tflops: unverified(1978.9, H100_PEAKS, 'Assumed equal to H100 SXM.'),
  },
  h200: {
    name: 'NVIDIA H200',
    bf16Tflops: fact(989.4, H100_PEAKS, 'Same compute as H100 SXM, with more memory.'),
    fp8Tflops: fact(1978.9, H100_PEAKS),
  },
  'mi250x-gcd': {
    name: 'AMD MI250X, one GCD',
    bf16Tflops: fact(191.5, 'https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html', '383 TFLOP/s BF16 per MI250X module, two GCDs per module; also /guides/estimate-compute/.'),
    fp8Tflops: null,
  },
};

export type SystemId =
  | 'lumi-g' | 'leonardo-booster' | 'mn5-acc' | 'jupiter-booster' | 'meluxina-gpu' | 'karolina-gpu'
  | 'vega-gpu' | 'deucalion-gpu' | 'discoverer-gpu';

export interface System {
  name: string;
  /** the name the catalogue and the guides use (functions/core/catalog.ts) */
  machine: string;
  partition: string;
  gpu: GpuModelId;
  /** devices per node as the software sees them (8 GCDs on LUMI-G) */
  devicesPerNode: Fact<number>;
  memoryPerDeviceGB: Fact<number>;
  /** GPU nodes in the partition (an upper bound for the node field) */
  nodes: Fact<number>;
  /** the partition's limit per job, where published */
  maxNodesPerJob?: Fact<number>;
  /** billing GPUs per node: the unit AI Factory calls count ("GPU-hours") on this system */
  billedGpusPerNode: Fact<number>;
  /** what one billed GPU is on this system, in words */
  gpuUnit: string;
  /** how the site itself accounts, in words (its balance command) */
  siteAccounting: Fact<string>;
  maxWallHours: Fact<number>;
  guide: string;
}

const LUMI_BILLING = 'https://docs.lumi-supercomputer.eu/runjobs/lumi_env/billing/';
const GUIDE_SYSTEMS = '/guides/eurohpc-systems-overview/';
const GUIDE_WALLTIME = '/guides/checkpointing-walltime/';
const GUIDE_BILLING = '/guides/billing-accounting/';
const NO_WALLTIME = 'No published limit found; 24 h assumed. Check with `sinfo -s` and `sacctmgr show qos`.';

export const SYSTEMS: Record<SystemId, System> = {
  'lumi-g': {
    name: 'LUMI-G', machine: 'LUMI', partition: 'standard-g', gpu: 'mi250x-gcd',
    devicesPerNode: fact(8, GUIDE_SYSTEMS, '4 MI250X modules, each seen as 2 GCDs.'),
    memoryPerDeviceGB: fact(64, GUIDE_SYSTEMS, '64 GB per GCD, 128 GB per MI250X.'),
    nodes: fact(2978, GUIDE_SYSTEMS),
    maxNodesPerJob: fact(1024, 'https://docs.lumi-supercomputer.eu/runjobs/scheduled-jobs/partitions/', 'standard-g: at most 1,024 nodes per job.'),
    billedGpusPerNode: fact(4, LUMI_BILLING, 'One LUMI GPU-hour is one MI250X module (2 GCDs) for one hour; standard-g bills 4 per node-hour.'),
    gpuUnit: 'MI250X module (2 GCDs)',
    siteAccounting: fact('GPU-hours per MI250X module (`lumi-allocations`)', LUMI_BILLING),
    maxWallHours: fact(48, 'https://docs.lumi-supercomputer.eu/runjobs/scheduled-jobs/partitions/', 'standard-g: 2 days; also /guides/checkpointing-walltime/.'),
    guide: '/guides/amd-rocm-lumi/',
  },
  'leonardo-booster': {
    name: 'Leonardo Booster', machine: 'Leonardo', partition: 'boost_usr_prod', gpu: 'a100',
    devicesPerNode: fact(4, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(64, GUIDE_SYSTEMS),
    nodes: fact(3456, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(4, GUIDE_SYSTEMS, '4 A100 per node.'),
    gpuUnit: 'A100 64 GB',
    siteAccounting: unverified('local core hours (`saldo -b`); users report 32 core hours per node-hour', GUIDE_BILLING, 'The conversion is reported by users, not published.'),
    maxWallHours: unverified(24, GUIDE_WALLTIME, 'Seen in users\' job scripts (boost_usr_prod), not in an official table.'),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'mn5-acc': {
    name: 'MareNostrum 5 ACC', machine: 'MareNostrum 5', partition: 'acc (QoS acc_ehpc)', gpu: 'h100',
    devicesPerNode: fact(4, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(64, GUIDE_SYSTEMS),
    nodes: fact(1120, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(4, GUIDE_SYSTEMS, '4 H100 per node.'),
    gpuUnit: 'H100 64 GB',
    siteAccounting: unverified('core hours of the ACC partition (`bsc_acct`)', GUIDE_BILLING, 'The GPU-hour to core-hour factor is not published in the pages we checked.'),
    maxWallHours: unverified(72, GUIDE_WALLTIME, 'QoS acc_ehpc as seen in users\' job scripts, not in an official table.'),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'jupiter-booster': {
    name: 'JUPITER Booster', machine: 'JUPITER', partition: 'booster', gpu: 'gh200',
    devicesPerNode: fact(4, 'https://apps.fz-juelich.de/jsc/hps/jupiter/configuration.html'),
    memoryPerDeviceGB: fact(96, 'https://apps.fz-juelich.de/jsc/hps/jupiter/configuration.html'),
    nodes: unverified(6000, GUIDE_SYSTEMS, 'About 6,000 nodes.'),
    billedGpusPerNode: fact(4, GUIDE_SYSTEMS, '4 GH200 per node.'),
    gpuUnit: 'GH200',
    siteAccounting: unverified('node hours', GUIDE_SYSTEMS, 'JSC\'s accounting unit for JUPITER is not in our guides.'),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'meluxina-gpu': {
    name: 'MeluXina GPU', machine: 'MeluXina', partition: 'gpu', gpu: 'a100',
    devicesPerNode: fact(4, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(40, GUIDE_SYSTEMS),
    nodes: fact(200, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(4, GUIDE_BILLING, 'Whole nodes are scheduled and billed.'),
    gpuUnit: 'A100 40 GB',
    siteAccounting: fact('whole nodes (`myquota`)', GUIDE_BILLING),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'karolina-gpu': {
    name: 'Karolina GPU', machine: 'Karolina', partition: 'qgpu', gpu: 'a100',
    devicesPerNode: fact(8, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(40, GUIDE_SYSTEMS),
    nodes: fact(72, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(8, 'https://docs.it4i.cz/en/docs/general/run-jobs/resource-allocation/resource-accounting', 'node-hours = GPUs × hours / 8.'),
    gpuUnit: 'A100 40 GB',
    siteAccounting: fact('node-hours = allocated GPUs × hours ÷ 8', 'https://docs.it4i.cz/en/docs/general/run-jobs/resource-allocation/resource-accounting'),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'vega-gpu': {
    name: 'Vega GPU', machine: 'Vega', partition: 'gpu', gpu: 'a100',
    devicesPerNode: fact(4, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(40, GUIDE_SYSTEMS),
    nodes: fact(60, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(4, GUIDE_SYSTEMS),
    gpuUnit: 'A100 40 GB',
    siteAccounting: unverified('node hours', GUIDE_BILLING, 'Vega\'s billing rule is not yet in our guides.'),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'deucalion-gpu': {
    name: 'Deucalion GPU', machine: 'Deucalion', partition: 'gpu', gpu: 'a100',
    devicesPerNode: fact(4, GUIDE_SYSTEMS),
    memoryPerDeviceGB: unverified(80, GUIDE_SYSTEMS, 'Reported as 80 GB; the guide asks to check the site docs.'),
    nodes: fact(33, GUIDE_SYSTEMS),
    billedGpusPerNode: fact(4, GUIDE_SYSTEMS),
    gpuUnit: 'A100',
    siteAccounting: unverified('node hours', GUIDE_BILLING, 'Deucalion\'s billing rule is not yet in our guides.'),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
  'discoverer-gpu': {
    name: 'Discoverer GPU (DGX H200)', machine: 'Discoverer', partition: 'dgx', gpu: 'h200',
    devicesPerNode: fact(8, GUIDE_SYSTEMS),
    memoryPerDeviceGB: fact(141, GUIDE_SYSTEMS),
    nodes: fact(4, GUIDE_SYSTEMS, '4 DGX H200 (32 GPUs).'),
    billedGpusPerNode: fact(8, GUIDE_SYSTEMS),
    gpuUnit: 'H200',
    siteAccounting: unverified('node hours', GUIDE_BILLING, 'Discoverer\'s billing rule is not yet in our guides.'),
    maxWallHours: unverified(24, GUIDE_SYSTEMS, NO_WALLTIME),
    guide: '/guides/nvidia-cuda-arm/',
  },
};

export const SYSTEM_IDS = Object.keys(SYSTEMS) as SystemId[];

export function isSystemId(value: string): value is SystemId {
  return Object.prototype.hasOwnProperty.call(SYSTEMS, value);
}
