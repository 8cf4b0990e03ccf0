// The guide search's synonyms (site/src/search/thesaurus.ts), here in content/ because the mail channel's guess of
// a ticket's category reads them too (functions/inbound-mail/domain/mail-ticket-fields.ts), and functions never
// import the site. The field's synonyms: the words readers use for what the guides call otherwise. A query word in a
// group also searches the group's other words (with less weight than the word itself), so "charged"
// finds "billing", "stuck" finds "pending", "Rechenzeit" finds "compute time". Groups hold single
// words (lowercase, as typed; the engine analyses them per language); abbreviations expand too.
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['charged', 'billed', 'billing', 'cost', 'costs', 'pay', 'price', 'accounting', 'consumption', 'balance', 'budget'],
  ['allocation', 'award', 'awarded', 'granted', 'accepted', 'approved'],
  ['account', 'accounts', 'onboarding', 'registration', 'register', 'signup'],
  ['pending', 'queue', 'queued', 'waiting', 'stuck', 'priority', 'hangs'],
  ['walltime', 'timeout', 'timelimit'],
  ['container', 'containers', 'docker', 'apptainer', 'singularity', 'sif', 'podman'],
  ['finetune', 'finetuning', 'fine', 'lora', 'qlora'],
  ['compute', 'rechenzeit', 'calcul', 'cálculo', 'calcolo', 'gpuh'],
  ['supercomputer', 'system', 'machine', 'cluster', 'hpc', 'superordenador', 'supercalculateur', 'supercomputador'],
  ['mn5', 'marenostrum'],
  ['oom', 'memory'],
  ['ncc', 'nccs', 'eurocc', 'competence'],
  ['aif', 'factory', 'factories'],
  ['help', 'support', 'mentoring', 'mentor', 'helpdesk', 'expert'],
  ['eligible', 'eligibility', 'eligble', 'qualify'],
  ['startup', 'sme', 'smes', 'company', 'companies', 'business'],
  ['upload', 'transfer', 'copy', 'rsync', 'scp', 'move'],
  ['gpu', 'gpus', 'gcd', 'accelerator'],
  ['notebook', 'jupyter', 'jupyterlab'],
  ['publish', 'publication', 'open'],
];
