import { stringify } from 'yaml';
import { EUROHPC_SYSTEMS, TICKET_CATEGORIES, type TicketCategory } from '../../../functions/core/catalog.ts';
import experts from '../../../content/experts.json' with { type: 'json' };
import { longTail, seededRandom, type Random } from './random.ts';
import {
  ADJECTIVES, AUDIENCES, ERRORS, MODULES, NOUNS, PARTITIONS, SECTIONS, SOURCE_SITES, SUBJECTS, SUBSECTIONS, TITLE_FORMS,
  TRANSLATIONS, VERBS,
} from './vocabulary.ts';

/** Guides are owned by the experts the site knows (content/experts.json), as the real ones are. */
const EXPERT_IDS = experts.experts.map((expert) => expert.id);

export interface GeneratedGuide {
  /** Relative to the content folder's guides/ (a category folder, then a unique file name). */
  path: string;
  slug: string;
  category: TicketCategory;
  title: string;
  /** The whole file: YAML front matter in the real guides' schema, then the Markdown body. */
  markdown: string;
}

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Builds the text of one guide from its own random stream, so guide i is the same whatever n is. */
class Writer {
  constructor(private readonly random: Random, private readonly rareTerm: (random: Random) => string, readonly subject: string) {}

  private version(): string {
    return `${this.random.between(0, 9)}.${this.random.between(0, 24)}.${this.random.between(0, 9)}`;
  }

  /** A sentence of plain advice, or (about two in five) one naming rare terms. */
  sentence(): string {
    const { random } = this;
    const [noun, other, verb, adjective] = [random.one(NOUNS), random.one(NOUNS), random.one(VERBS), random.one(ADJECTIVES)];
    if (random.chance(0.4)) {
      const [a, b, c] = [this.rareTerm(random), this.rareTerm(random), this.rareTerm(random)];
      return random.one([
        `The \`${a}\` library (${this.version()}) needs \`${b}\` loaded first, and \`${c}\` after it.`,
        `Export \`${a.toUpperCase()}_${b.toUpperCase()}=${random.between(1, 8192)}\` before \`srun\` to switch on the ${c} backend.`,
        `Output lands in \`/scratch/project_${random.between(465000000, 465009999)}/${a}/${b}.${random.one(['pt', 'h5', 'log', 'csv', 'safetensors'])}\`.`,
        `Teams running ${capitalised(a)} and ${capitalised(b)} report that ${c} ${this.version()} fails with \`${random.one(ERRORS)}\`.`,
        `Call \`${a}_${b}()\` rather than the older \`${c}_init()\`.`,
      ]);
    }
    return random.one([
      `Before you ${verb} the ${adjective} ${noun}, check the ${other}.`,
      `With ${this.subject}, the ${noun} usually decides how much ${other} you need.`,
      `On the \`${random.one(PARTITIONS)}\` partition a ${adjective} ${noun} is billed by the ${other}.`,
      `Load \`${random.one(MODULES)}\` first, or the ${noun} will not find the ${other}.`,
      `If the log shows \`${random.one(ERRORS)}\`, the ${noun} ran out of ${random.one(['GPU memory', 'memory', 'disk quota', 'wall time', 'file handles'])}.`,
      `Each ${noun} may use at most ${random.between(1, 128)} ${random.one(['GPUs', 'nodes', 'hours', 'TB of scratch', 'jobs in the queue'])}.`,
    ]);
  }

  paragraph(): string {
    return Array.from({ length: this.random.between(2, 6) }, () => this.sentence()).join(' ');
  }

  list(ordered: boolean): string {
    return Array.from({ length: this.random.between(3, 6) }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${this.sentence()}`).join('\n');
  }

  table(): string {
    const rows = this.random.some(PARTITIONS, this.random.between(3, 5))
      .map((partition) => `| \`${partition}\` | ${this.random.between(1, 64)} | ${this.random.one([2, 12, 24, 48, 72])} h | ${this.random.one(['4 × MI250X', '4 × A100', '4 × H100', 'none'])} |`);
    return ['| Partition | Max nodes | Max wall time | GPUs per node |', '|---|---:|---:|---|', ...rows].join('\n');
  }

  jobScript(): string {
    const { random } = this;
    const lines = ['#!/bin/bash', `#SBATCH --account=project_${random.between(465000000, 465009999)}`, `#SBATCH --partition=${random.one(PARTITIONS)}`,
      `#SBATCH --nodes=${random.one([1, 2, 4, 8])}`, `#SBATCH --gpus-per-node=${random.one([1, 4, 8])}`,
      `#SBATCH --time=${String(random.between(0, 47)).padStart(2, '0')}:00:00`, '', ...random.some(MODULES, random.between(1, 3)).map((m) => `module load ${m}`),
      '', random.one(['srun python train.py --config config.yaml', 'srun singularity exec --rocm image.sif python run.py', 'torchrun --nnodes=$SLURM_NNODES --nproc_per_node=8 train.py'])];
    return ['```bash', ...lines, '```'].join('\n');
  }

  shell(): string {
    const { random } = this;
    const commands = [
      () => `squeue --me --format="%.10i %.12P %.20j %.8T %.10M"`,
      () => `sacct -j ${random.between(1_000_000, 9_999_999)} --format=JobID,Elapsed,MaxRSS,State`,
      () => `lfs setstripe -c ${random.one([1, 4, 8])} /scratch/$USER/${this.rareTerm(random)}`,
      () => `module load ${this.rareTerm(random)}/${this.version()}`,
      () => `rsync -avP ${this.rareTerm(random)}/ lumi:/scratch/project_${random.between(465000000, 465009999)}/`,
    ];
    return ['```bash', ...Array.from({ length: random.between(2, 4) }, () => `$ ${random.one(commands)()}`), '```'].join('\n');
  }

  python(): string {
    return ['```python', 'import torch.distributed as dist', '', 'dist.init_process_group(backend="nccl")',
      `model = build_model(hidden_size=${this.random.one([1024, 2048, 4096])})`, '```'].join('\n');
  }

  block(): string {
    return this.random.one([() => this.jobScript(), () => this.shell(), () => this.list(false), () => this.list(true), () => this.table(), () => this.python(), () => this.paragraph()])();
  }
}

/** The i-th guide of the corpus for `seed`; `rareTerm` is the corpus's shared long tail. */
function guide(index: number, seed: number, rareTerm: (random: Random) => string): GeneratedGuide {
  const random = seededRandom(Math.imul(seed, 0x01000193) ^ Math.imul(index + 1, 0x9e3779b1));
  const category = TICKET_CATEGORIES[index % TICKET_CATEGORIES.length]!;
  const subject = random.one(SUBJECTS[category]);
  const title = random.one(TITLE_FORMS).replace('%s', subject).replace(/^./, (c) => c.toUpperCase());
  const writer = new Writer(random, rareTerm, subject);
  const summary = `How to work with ${subject} on EuroHPC systems. ${writer.sentence().replace(/`/g, '')}`;
  const translated = Object.fromEntries(Object.entries(TRANSLATIONS).map(([lang, t]) => [lang, {
    title: `${t.guide}: ${subject}`,
    summary: `${t.about} ${subject}.`,
    keywords: random.some(t.words, random.between(5, 8)),
  }]));
  const updated = `2026-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`;
  const frontMatter = {
    title,
    summary,
    tags: [...new Set([slugOf(subject), ...random.some(['gpu', 'slurm', 'storage', 'containers', 'pytorch', 'lumi', 'leonardo', 'performance', 'access'], random.between(1, 3))])],
    category,
    systems: random.some(EUROHPC_SYSTEMS, random.between(1, 4)),
    audience: random.some(AUDIENCES, random.between(1, 3)),
    updated,
    reviewed: updated,
    owner: random.one(EXPERT_IDS),
    sources: random.some(SOURCE_SITES, random.between(1, 3)).map((site) => `${site}/${slugOf(subject)}/`),
    // what readers ask, as the real guides carry it (no random draw: the rest of the corpus is unchanged)
    questions: [`how do I use ${subject}`, `${subject} does not work`, `${subject} on LUMI or Leonardo`],
    i18n: translated,
  };
  const body: string[] = [writer.paragraph()];
  for (const section of random.some(SECTIONS, random.between(4, 7))) {
    body.push(`## ${section}`, writer.paragraph());
    for (let blocks = random.between(1, 3); blocks > 0; blocks--) body.push(writer.block());
    if (random.chance(0.35)) {
      for (const subsection of random.some(SUBSECTIONS, random.between(1, 2))) body.push(`### ${subsection}`, writer.paragraph());
    }
  }
  const slug = `${String(index + 1).padStart(5, '0')}-${slugOf(title).slice(0, 48).replace(/-$/, '')}`;
  return { path: `${category}/${slug}.md`, slug, category, title, markdown: `---\n${stringify(frontMatter)}---\n\n${body.join('\n\n')}\n` };
}

/** `n` guides; the same (n, seed) gives byte-identical files on every platform. */
export function generateCorpus({ n, seed }: { n: number; seed: number }): GeneratedGuide[] {
  const rareTerm = longTail(seed);
  return Array.from({ length: n }, (_, index) => guide(index, seed, rareTerm));
}
