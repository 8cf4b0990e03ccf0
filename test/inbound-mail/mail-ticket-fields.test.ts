import { describe, expect, it } from 'vitest';
import { EUROHPC_SYSTEMS } from '../../functions/core/catalog.ts';
import { mailTicketFields, normalise } from '../../functions/inbound-mail/domain/mail-ticket-fields.ts';
import { TOPIC_CUES } from '../../content/topic-cues.ts';

/** Mails as SMEs write them, in the five languages; what the web form would have asked, guessed from their words. */
const CASES: Array<[string, string, string, Record<string, string>]> = [
  ['en, NCCL on LUMI', 'NCCL timeout on LUMI-G', 'Our multi-node training hangs at rank 12 after ten minutes. Job 4242, project_465001234.',
    { category: 'ai-training-and-inference', topic: 'distributed-training', system: 'LUMI' }],
  ['en, only the text says it', 'Help please', 'Our NCCL job hangs since this morning.', { category: 'ai-training-and-inference', topic: 'distributed-training' }],
  ['en, log in', 'Cannot log in to Leonardo', 'Since Monday my key is refused and I get Permission denied.',
    { category: 'accounts-and-login', topic: 'account-onboarding', system: 'Leonardo' }],
  ['en, GPU hours', 'Out of GPU hours', 'Our project has used its allocation; can we get more GPU hours before the call closes?',
    { category: 'access-and-allocations', topic: 'access-routes-overview' }],
  ['en, storage', 'Quota exceeded on scratch', 'Disk quota exceeded on /scratch: "No space left on device" on LUMI.',
    { category: 'data-and-storage', topic: 'storage-filesystems', system: 'LUMI' }],
  ['en, serving', 'vLLM server', 'How do we serve our model with vLLM for batch inference on Leonardo?',
    { category: 'ai-training-and-inference', topic: 'inference-serving', system: 'Leonardo' }],
  ['en, MN5 by its short name', 'Training is slow on MN5', 'Throughput dropped by half since the maintenance; profiling shows the dataloader waiting.',
    { category: 'performance', topic: 'monitoring-profiling', system: 'MareNostrum 5' }],
  ['fr, containers', 'Problème avec Apptainer', "Bonjour, je n'arrive pas à construire mon conteneur Singularity sur MeluXina.",
    { category: 'software-and-containers', topic: 'containers-apptainer', system: 'MeluXina' }],
  ['fr, transfer', 'Transfert de données très lent', 'Le transfert avec rsync vers Karolina plafonne à 10 Mo/s.',
    { category: 'data-and-storage', topic: 'login-data-transfer', system: 'Karolina' }],
  ['de, queue', 'Job bleibt in der Warteschlange', 'Mein sbatch-Job auf JUPITER ist seit zwei Tagen PENDING (Priority).',
    { category: 'jobs-and-scheduling', topic: 'slurm-basics', system: 'JUPITER' }],
  ['de, compute time', 'Rechenzeit aufgebraucht', 'Unser Projekt hat keine GPU-Stunden mehr. Wie beantragen wir mehr?',
    { category: 'access-and-allocations', topic: 'access-routes-overview' }],
  ['es, allocation', 'Horas de GPU agotadas', 'Nuestro proyecto en MareNostrum 5 se ha quedado sin horas GPU, ¿podemos pedir más asignación?',
    { category: 'access-and-allocations', topic: 'access-routes-overview', system: 'MareNostrum 5' }],
  ['es, distributed', 'Entrenamiento distribuido colgado', 'El entrenamiento distribuido con torchrun en LUMI se queda colgado.',
    { category: 'ai-training-and-inference', topic: 'distributed-training', system: 'LUMI' }],
  ['it, multi-node', 'Addestramento multi-nodo bloccato', 'Il nostro addestramento distribuito su Leonardo si blocca con NCCL WARN.',
    { category: 'ai-training-and-inference', topic: 'distributed-training', system: 'Leonardo' }],
  ['it, python', 'Ambiente Python su Leonardo', 'Non riesco a installare i pacchetti con pip nel mio venv.',
    { category: 'software-and-containers', topic: 'python-envs', system: 'Leonardo' }],
  ['it, wall time', 'Job interrotto: DUE TO TIME LIMIT', 'Il job viene ucciso dopo 24 ore, come faccio il checkpoint?',
    { category: 'jobs-and-scheduling', topic: 'checkpointing-walltime' }],
];

/** Nothing clear: the coordinators sort it, as they did every mail ticket before. */
const UNCLEAR: Array<[string, string, string]> = [
  ['no subject words at all', 'Hello', 'Could someone call me back tomorrow?'],
  ['a thank-you', 'Thanks!', 'It works now, thank you for the quick answer.'],
  ['one weak word', 'A question', 'Is Python installed?'],
  ['a tie between two categories', 'Two things', 'Apptainer fails, and NCCL too.'],
];

describe('the category, topic and system of a new ticket by mail', () => {
  it.each(CASES)('%s', (_, subject, body, expected) => {
    expect(mailTicketFields(subject, body)).toEqual(expected);
  });

  it.each(UNCLEAR)('stays other for %s', (_, subject, body) => {
    expect(mailTicketFields(subject, body).category).toBe('other');
  });

  it('names a system only when the mail names exactly one', () => {
    expect(mailTicketFields('Moving from Leonardo to LUMI', 'Our NCCL training must move.').system).toBeUndefined();
    // The subject's one system wins over the text's several.
    expect(mailTicketFields('NCCL on LUMI', 'It worked on Leonardo and on Karolina.').system).toBe('LUMI');
    expect(mailTicketFields('Sbatch help', 'Nothing about any machine.').system).toBeUndefined();
  });

  it('takes no system from a signature, nor a word that merely starts like one', () => {
    expect(mailTicketFields('Sbatch queue question', 'My job is pending.\n\n--\nLeonardo Bianchi\nVega Analytics').system).toBeUndefined();
    expect(mailTicketFields('Luminous results', 'Jupyter notebook kernels die on start.').system).toBeUndefined();
  });

  it('finds every EuroHPC system by its own name', () => {
    for (const system of EUROHPC_SYSTEMS) expect(mailTicketFields(`sbatch on ${system}`, '').system).toBe(system);
  });

  it('counts the subject above the text', () => {
    // One word each, but the subject's decides.
    expect(mailTicketFields('Apptainer build', 'Something with sbatch too.').category).toBe('software-and-containers');
    expect(mailTicketFields('sbatch error', 'Something with apptainer too.').category).toBe('jobs-and-scheduling');
  });

  it('reads the search synonyms of a topic\'s words', () => {
    // "stuck", "waiting" and "queued" are no cue of their own: the search's synonyms of `queue`, at half weight.
    expect(mailTicketFields('Job stuck, still waiting', 'It has been queued since Friday.')).toEqual({ category: 'jobs-and-scheduling', topic: 'slurm-basics' });
    // One synonym alone is not clear enough.
    expect(mailTicketFields('Stuck', '').category).toBe('other');
  });

  it('compares without case, accents or punctuation', () => {
    expect(normalise('Multi-Node, Entraînement DISTRIBUÉ!')).toBe(' multi node entrainement distribue ');
  });

  it('has only cues a mail can match: written as `normalise` writes text, once each', () => {
    const all = Object.values(TOPIC_CUES).flatMap((words) => words!.split(' '));
    for (const cue of all) {
      const word = cue.replace(/^\+/, '').replace(/\*$/, '').replaceAll('_', ' ');
      expect(normalise(word).trim(), cue).toBe(word);
    }
    expect(new Set(all.map((cue) => cue.replace(/^\+/, ''))).size).toBe(all.length);
  });
});
