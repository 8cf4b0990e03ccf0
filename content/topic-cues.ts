import type { TopicId } from './topics.ts';

/**
 * Words that name a topic in a person's own mail (en, fr, de, es, it), for the mail channel, where nobody picks a
 * category: functions/inbound-mail/domain/mail-ticket-fields.ts scores a mail by them and files it under the topic's
 * ticket category (TOPIC_CATEGORIES). One string per topic, not arrays, to keep the receiver's bundle small.
 *
 * Written lowercase without accents (mails are compared the same way). Words are separated by spaces; `_` joins the
 * words of a phrase ("multi-node", "multi node" and "multi_node" all read `multi node`); a trailing `*` matches any
 * word starting so (`distribu*`: distributed, distribué, distribuido, distribuito, verteilt is listed apart); a
 * leading `+` marks a name that alone says the topic (a tool or an error: NCCL, sbatch, Apptainer) and counts double.
 * Topics with no words of their own are left out; their category still has its label's words.
 */
export const TOPIC_CUES: Readonly<Partial<Record<TopicId, string>>> = {
  'access-routes-overview': 'allocation* +gpu_hours +node_hours +core_hours gpuh heures_gpu horas_gpu ore_gpu gpu_stunden rechenzeit* project* projet* projekt* proyecto* progetto* access_call zugang acceso accesso',
  'aif-playground': 'aif playground',
  'aif-fast-lane': 'fast_lane',
  'eurohpc-classic-calls': 'benchmark_access development_access regular_access extreme_scale call_for_proposals convocatoria* bando ausschreibung*',
  'eligibility-obligations': 'eligib* elegib* berechtig* idone*',
  'writing-proposal': 'proposal* antrag* solicitud* proposta* candidature*',
  'estimate-compute': 'estim* schatz* stima*',
  'billing-accounting': 'billing invoice* factur* rechnung* saldo consommation verbrauch consumo',
  'funding-programmes': 'funding financement* forderung* subvencion* finanziament*',
  'account-onboarding': 'account* log_in login* +ssh_key* +permission_denied password* passwort* mot_de_passe contrasena* 2fa mfa otp +puhuri +myaccessid identity compte* cuenta* konto* utenza benutzer* anmeld* connexion conexion +sshd',
  'login-data-transfer': 'rsync scp sftp globus transfer* transfert* trasfer* hochlad* herunterlad* telecharg* descarg*',
  'storage-filesystems': 'quota* disk* inode* filesystem* file_system +lustre scratch +no_space_left speicher* stockage almacenamiento archiviazione espace_disque',
  'offline-models-datasets': 'offline internet proxy hugging_face huggingface',
  'slurm-basics': '+sbatch +srun +squeue +slurm* partition* queue warteschlange* file_d_attente en_cola in_coda scheduler*',
  'interactive-jupyter': '+salloc jupyter* notebook* vscode vs_code open_ondemand interactiv* interakt* interattiv*',
  'checkpointing-walltime': 'walltime wall_time time_limit +due_to_time_limit checkpoint* zeitlimit* limite_de_temps',
  'troubleshooting-jobs': 'oom out_of_memory +oom_kill* segfault* segmentation_fault exit_code node_fail* crash* abgesturzt',
  'software-modules': 'module* +easybuild +spack +lmod librar* bibliot* biblioth* compil* cmake gcc',
  'python-envs': 'python pip conda* mamba venv* virtualenv* requirements_txt',
  'containers-apptainer': '+apptainer +singularity container* conteneur* contenedor* docker podman',
  'nvidia-cuda-arm': '+cuda nvidia +cudnn +aarch64 grace_hopper +gh200 h100 a100',
  'amd-rocm-lumi': '+rocm hip mi250* amd +miopen',
  'distributed-training': '+nccl +rccl multi_nod* multinode* multi_noeud* multi_gpu multigpu distribu* verteilt* ddp +fsdp +deepspeed +torchrun +megatron horovod allreduce all_reduce slingshot infiniband rank ranks',
  'llm-finetuning': 'llm* fine_tun* finetun* lora qlora peft train* entrain* trainier* entren* addestr*',
  'inference-serving': 'inferen* +vllm serving +triton_inference tgi endpoint*',
  'monitoring-profiling': 'performan* prestazion* rendimiento rendement slow* langsam* lent* lento lenta profil* +nsight +rocprof +omniperf throughput durchsatz tensorboard wandb mlflow',
  'data-protection-ip': 'gdpr rgpd dsgvo datenschutz* privacy personal_data donnees_personnelles datos_personales dati_personali confidential* intellectual_property',
  'support-mentoring': 'mentor* eurocc',
};
