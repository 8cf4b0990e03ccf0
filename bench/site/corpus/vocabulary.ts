import type { TicketCategory } from '../../../functions/core/catalog.ts';

/** What synthetic guides are about, per helpdesk category (a guide's category is one the API knows). */
export const SUBJECTS: Record<TicketCategory, readonly string[]> = {
  'access-and-allocations': ['AI Factories Playground access', 'Fast Lane proposals', 'allocation renewals', 'GPU-hour estimates', 'project reports', 'benchmark access calls'],
  'accounts-and-login': ['SSH keys', 'multi-factor sign-in', 'login nodes', 'project membership', 'MyAccessID identities', 'jump hosts'],
  'jobs-and-scheduling': ['Slurm batch jobs', 'job arrays', 'GPU partitions', 'job dependencies', 'wall-time limits', 'fair-share priority', 'interactive allocations'],
  'software-and-containers': ['Apptainer images', 'environment modules', 'Spack environments', 'EasyBuild recipes', 'Python virtual environments', 'container bind mounts'],
  'ai-training-and-inference': ['PyTorch distributed training', 'NCCL and RCCL tuning', 'LLM fine-tuning', 'mixed-precision training', 'batch inference', 'Hugging Face caches', 'GPU memory errors'],
  'data-and-storage': ['Lustre striping', 'scratch purge policies', 'project quotas', 'dataset staging', 'data transfer nodes', 'small-file workloads'],
  performance: ['GPU profiling', 'process pinning', 'I/O throughput', 'scaling studies', 'collective communication', 'data loader bottlenecks'],
  other: ['support channels', 'mentoring sessions', 'data protection', 'acknowledging EuroHPC', 'national competence centres'],
};

export const TITLE_FORMS = ['%s on EuroHPC systems', 'Getting started with %s', 'Troubleshooting %s', '%s: best practices', 'A field guide to %s', 'Tuning %s', 'Questions about %s'];
export const SECTIONS = ['Before you start', 'Quick start', 'Step by step', 'An example job script', 'Settings that matter', 'Making it fast', 'When it fails', 'Limits and quotas', 'Watching it run', 'Cleaning up', 'Questions people ask', 'Where to read more', 'Known problems', 'Going further'];
export const SUBSECTIONS = ['On AMD GPUs', 'On NVIDIA GPUs', 'On one node', 'Across nodes', 'With modules', 'In a container', 'Interactively', 'In batch', 'Checking the result'];
export const NOUNS = ['job', 'node', 'partition', 'allocation', 'module', 'container image', 'quota', 'GPU', 'rank', 'process group', 'dataset', 'checkpoint', 'cache', 'driver', 'toolchain', 'scheduler', 'login node', 'compute node', 'project', 'billing unit', 'interconnect', 'log file', 'wall time', 'memory'];
export const VERBS = ['submit', 'request', 'load', 'configure', 'watch', 'launch', 'cancel', 'inspect', 'tune', 'resume', 'compile', 'profile', 'stage', 'bind', 'copy', 'check'];
export const ADJECTIVES = ['large', 'small', 'interactive', 'long-running', 'GPU-heavy', 'memory-hungry', 'I/O-bound', 'distributed', 'shared', 'exclusive', 'temporary', 'default', 'recommended', 'older'];
export const PARTITIONS = ['standard-g', 'small-g', 'dev-g', 'boost_usr_prod', 'acc', 'gpu', 'largemem', 'debug'];
export const MODULES = ['LUMI/24.03', 'PrgEnv-gnu/8.5.0', 'rocm/6.0.3', 'cuda/12.4', 'nccl/2.21', 'python/3.11', 'apptainer/1.3', 'gcc/13.2.0', 'openmpi/4.1.6', 'cray-mpich/8.1.29', 'hdf5/1.14', 'pytorch/2.3'];
export const ERRORS = ['CUDA error: out of memory', 'HIP out of memory', 'slurmstepd: error: Detected 1 oom_kill event', 'Disk quota exceeded', 'NCCL WARN Connection closed by remote peer', 'srun: error: Unable to create step', 'Permission denied (publickey)', 'RuntimeError: Expected all tensors to be on the same device'];
export const AUDIENCES = ['start-ups', 'smes', 'ml-engineers', 'researchers', 'newcomers', 'hpc-experts'];
export const SOURCE_SITES = ['https://docs.lumi-supercomputer.eu', 'https://docs.hpc.cineca.it', 'https://www.bsc.es/user-support', 'https://docs.lxp.lu', 'https://apps.fz-juelich.de/jsc/hps', 'https://eurohpc-ju.europa.eu', 'https://slurm.schedmd.com'];

/** Keywords and phrases for the four translated front-matter blocks (the real guides carry fr, de, es, it). */
export const TRANSLATIONS = {
  fr: { guide: 'Guide', about: 'Comment travailler avec', words: ['supercalculateur', 'tâche GPU', 'calcul intensif', 'file d’attente', 'stockage', 'conteneur', 'entraînement', 'quota'] },
  de: { guide: 'Leitfaden', about: 'Wie man arbeitet mit', words: ['Supercomputer', 'GPU-Job', 'Rechenzeit', 'Warteschlange', 'Speicher', 'Container', 'Training', 'Kontingent'] },
  es: { guide: 'Guía', about: 'Cómo trabajar con', words: ['supercomputador', 'trabajo GPU', 'horas de cómputo', 'cola', 'almacenamiento', 'contenedor', 'entrenamiento', 'cuota'] },
  it: { guide: 'Guida', about: 'Come lavorare con', words: ['supercalcolatore', 'job GPU', 'ore di calcolo', 'coda', 'archiviazione', 'container', 'addestramento', 'quota'] },
} as const;
