/**
 * The knowledge-base topic ids (../shared/topics.json), kept in code because a deployed function cannot read
 * that file; test/bookings/topics.test.ts checks the two stay equal.
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

export function isTopicId(value: string): value is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(value);
}
