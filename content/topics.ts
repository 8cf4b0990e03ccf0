import type { TicketCategory } from '../functions/core/catalog.ts';

/**
 * The knowledge-base topics: product data with one source for the site, the functions and the tests.
 *
 * Two constants, not one list of {id, title}: a function needs only the ids (what the API accepts), and esbuild
 * leaves an unused constant out of its bundle, so the titles (about 0.7 KB gzip) stay with the site. The type of
 * TOPIC_TITLES ties the two together: a title for an unknown id, or an id without a title, does not compile.
 */
export const TOPIC_IDS = [
  'eurohpc-systems-overview',
  'choose-a-system',
  'access-routes-overview',
  'aif-playground',
  'aif-fast-lane',
  'aif-large-scale',
  'ai-for-science-collab',
  'eurohpc-classic-calls',
  'eligibility-obligations',
  'writing-proposal',
  'estimate-compute',
  'billing-accounting',
  'account-onboarding',
  'login-data-transfer',
  'storage-filesystems',
  'slurm-basics',
  'interactive-jupyter',
  'software-modules',
  'python-envs',
  'containers-apptainer',
  'amd-rocm-lumi',
  'nvidia-cuda-arm',
  'distributed-training',
  'llm-finetuning',
  'inference-serving',
  'offline-models-datasets',
  'monitoring-profiling',
  'checkpointing-walltime',
  'troubleshooting-jobs',
  'data-protection-ip',
  'support-mentoring',
  'funding-programmes',
] as const;

export type TopicId = (typeof TOPIC_IDS)[number];

/** What people read for each topic, in the catalogue order (the same titles the guides carry). */
export const TOPIC_TITLES: Readonly<Record<TopicId, string>> = {
  'eurohpc-systems-overview': 'EuroHPC supercomputers at a glance',
  'choose-a-system': 'Choosing the right system for your AI workload',
  'access-routes-overview': 'Routes to free GPU time: overview and decision tree',
  'aif-playground': 'AI Factories Playground access',
  'aif-fast-lane': 'AI Factories Fast Lane access',
  'aif-large-scale': 'AI Factories Large Scale access',
  'ai-for-science-collab': 'AI for Science and Collaborative EU Projects call',
  'eurohpc-classic-calls': 'EuroHPC Benchmark, Development, Regular and Extreme Scale access',
  'eligibility-obligations': 'Eligibility and obligations for companies',
  'writing-proposal': 'Writing a successful access proposal',
  'estimate-compute': 'Estimating the compute you need',
  'billing-accounting': 'How usage is billed and how to check your balance',
  'account-onboarding': 'After the award: accounts, identity and team members',
  'login-data-transfer': 'Logging in and moving data',
  'storage-filesystems': 'Storage, quotas and dataset formats',
  'slurm-basics': 'Submitting GPU jobs with Slurm',
  'interactive-jupyter': 'Interactive work: salloc, Jupyter, web portals, VS Code',
  'software-modules': 'Software stacks: modules, EasyBuild and Spack',
  'python-envs': 'Python environments on supercomputers',
  'containers-apptainer': 'Containers with Singularity/Apptainer',
  'amd-rocm-lumi': 'PyTorch on AMD MI250X (LUMI) with ROCm',
  'nvidia-cuda-arm': 'NVIDIA systems: CUDA versions, H100/A100 and Grace-Hopper (aarch64)',
  'distributed-training': 'Multi-GPU and multi-node training',
  'llm-finetuning': 'Fine-tuning LLMs on EuroHPC systems',
  'inference-serving': 'Batch inference and model serving',
  'offline-models-datasets': 'Working without internet on compute nodes',
  'monitoring-profiling': 'Monitoring, profiling and experiment tracking',
  'checkpointing-walltime': 'Wall-time limits, checkpointing and resuming',
  'troubleshooting-jobs': 'Troubleshooting failed or stuck jobs',
  'data-protection-ip': 'Data protection, security and IP',
  'support-mentoring': 'Getting help: mentoring, NCCs and helpdesks',
  'funding-programmes': 'Funding programmes alongside compute',
};

/**
 * The ticket category each topic's guide names: an expert of a topic handles that category's tickets (routing).
 * test/content/guides.test.ts checks each guide's front-matter category equals its topic's here.
 */
export const TOPIC_CATEGORIES: Readonly<Record<TopicId, TicketCategory>> = {
  'eurohpc-systems-overview': 'access-and-allocations',
  'choose-a-system': 'access-and-allocations',
  'access-routes-overview': 'access-and-allocations',
  'aif-playground': 'access-and-allocations',
  'aif-fast-lane': 'access-and-allocations',
  'aif-large-scale': 'access-and-allocations',
  'ai-for-science-collab': 'access-and-allocations',
  'eurohpc-classic-calls': 'access-and-allocations',
  'eligibility-obligations': 'access-and-allocations',
  'writing-proposal': 'access-and-allocations',
  'estimate-compute': 'access-and-allocations',
  'billing-accounting': 'access-and-allocations',
  'account-onboarding': 'accounts-and-login',
  'login-data-transfer': 'data-and-storage',
  'storage-filesystems': 'data-and-storage',
  'slurm-basics': 'jobs-and-scheduling',
  'interactive-jupyter': 'jobs-and-scheduling',
  'software-modules': 'software-and-containers',
  'python-envs': 'software-and-containers',
  'containers-apptainer': 'software-and-containers',
  'amd-rocm-lumi': 'ai-training-and-inference',
  'nvidia-cuda-arm': 'software-and-containers',
  'distributed-training': 'ai-training-and-inference',
  'llm-finetuning': 'ai-training-and-inference',
  'inference-serving': 'ai-training-and-inference',
  'offline-models-datasets': 'data-and-storage',
  'monitoring-profiling': 'performance',
  'checkpointing-walltime': 'jobs-and-scheduling',
  'troubleshooting-jobs': 'jobs-and-scheduling',
  'data-protection-ip': 'other',
  'support-mentoring': 'other',
  'funding-programmes': 'access-and-allocations',
};
