import { describe, expect, it } from 'vitest';
import { maskPersonalData, normaliseQuery, normaliseReason, MAX_QUERY_LENGTH } from '../../functions/analytics/domain/normalise.ts';
import { analyticsReport, type FeedbackCounters, type SearchCounters } from '../../functions/analytics/domain/report.ts';
import { dayOf, expiresAtOf, lastDays } from '../../functions/analytics/domain/retention.ts';
import { take, type Bucket } from '../../functions/analytics/domain/token-bucket.ts';

const search = (day: string, query: string, counts: Partial<SearchCounters>): SearchCounters => ({ day, query, searches: 0, empty: 0, opens: 0, positions: 0, ...counts });
const feedback = (day: string, guide: string, reason: string, counts: Partial<FeedbackCounters>): FeedbackCounters => ({ day, guide, reason, helpful: 0, unhelpful: 0, ...counts });

describe('normalising what readers typed', () => {
  it('folds case and spaces so the same question is one row', () => {
    expect(normaliseQuery('  Apptainer   LUMI\t')).toBe('apptainer lumi');
    expect(normaliseQuery('GPU-h  Leonardo')).toBe(normaliseQuery('gpu-h leonardo'));
  });

  it('cuts long queries by characters, not UTF-16 units, and keeps reasons\' case', () => {
    expect([...normaliseQuery('é'.repeat(500))]).toHaveLength(MAX_QUERY_LENGTH);
    expect(normaliseQuery('💥'.repeat(200)).isWellFormed()).toBe(true);
    expect(normaliseReason('  The  SBATCH example   fails ')).toBe('The SBATCH example fails');
    expect(normaliseReason(undefined)).toBe('');
  });
});

describe('masking what would identify a reader', () => {
  const cases: Array<[string, string]> = [
    ['my email is jane.doe@acme.example call +33 6 12 34 56 78', 'my email is [email] call [number]'],
    ['Write to J.Doe+hpc@mail.uni-example.eu please', 'Write to [email] please'],
    ['call (555) 123-4567 or +1 (555) 123-4567', 'call [number] or [number]'],
    ['tel 06.12.34.56.78', 'tel [number]'],
    ['account 1234567 locked', 'account [number] locked'],
    ['iban FR76 3000 6000 0112 3456 7890 189', 'iban FR[number]'],
    // Short numbers say what the question is about and stay.
    ['gpu 4 a100 80gb', 'gpu 4 a100 80gb'],
    ['slurm job 123456 pending since 2026', 'slurm job 123456 pending since 2026'],
    ['cuda 12.4.1 on lumi-g', 'cuda 12.4.1 on lumi-g'],
    ['maintenance 2026-12-06', 'maintenance 2026-12-06'],
    ['h100 @ leonardo', 'h100 @ leonardo'],
  ];
  for (const [typed, kept] of cases) {
    it(`keeps "${kept}" of "${typed}"`, () => expect(maskPersonalData(typed)).toBe(kept));
  }

  it('masks before folding and cutting, in queries and reasons alike', () => {
    expect(normaliseQuery('My mail: Jane.Doe@Acme.example')).toBe('my mail: [email]');
    expect(normaliseReason('Call me on +33 6 12 34 56 78')).toBe('Call me on [number]');
    // An address at the cut is masked whole, not cut into a fragment that escapes the pattern.
    expect(normaliseQuery(`${'x '.repeat(55)}jane.doe@acme.example`)).not.toContain('jane');
  });
});

describe('retention', () => {
  it('counts on the UTC day and expires 13 months after it', () => {
    expect(dayOf(new Date('2026-12-06T23:59:59+00:00'))).toBe('2026-12-06');
    expect(new Date(expiresAtOf('2026-12-06') * 1000).toISOString()).toBe('2028-01-06T00:00:00.000Z');
    expect(lastDays(new Date('2026-03-02T10:00:00Z'), 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
});

describe('the token bucket', () => {
  const rule = { burst: 3, ratePerSecond: 0.5 };
  it('allows a burst, then refuses with the wait until the next token, then refills', () => {
    let bucket: Bucket | undefined;
    for (let i = 0; i < 3; i++) {
      const outcome = take(bucket, 1000, rule);
      expect(outcome.allowed).toBe(true);
      bucket = outcome.bucket;
    }
    const refused = take(bucket, 1000, rule);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 2 });
    expect(take(refused.bucket, 2000, rule)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(take(refused.bucket, 3000, rule).allowed).toBe(true);
    // Never more than the burst, however long the wait.
    let later = take(refused.bucket, 1_000_000, rule);
    for (let i = 0; i < 2; i++) later = take(later.bucket, 1_000_000, rule);
    expect(take(later.bucket, 1_000_000, rule).allowed).toBe(false);
  });
});

describe('the report', () => {
  const days = ['2026-12-05', '2026-12-06'];
  const report = analyticsReport([
    search('2026-12-05', 'apptainer lumi', { searches: 5, opens: 4, positions: 6 }),
    search('2026-12-06', 'apptainer lumi', { searches: 3, opens: 2, positions: 2 }),
    search('2026-12-05', 'kubernetes helm', { searches: 2, empty: 2 }),
    search('2026-12-06', 'kubernetes helm', { searches: 2, empty: 1 }),
    search('2026-12-06', 'mig slices', { searches: 4 }),
    search('2026-12-06', 'nccl timeout', { searches: 4, empty: 1, opens: 1, positions: 3 }),
    search('2026-12-06', 'quota', { searches: 1, empty: 1 }),
  ], [
    feedback('2026-12-05', 'slurm-basics', '', { helpful: 3, unhelpful: 1 }),
    feedback('2026-12-06', 'slurm-basics', 'No example for arrays', { unhelpful: 2 }),
    feedback('2026-12-05', 'slurm-basics', 'No example for arrays', { unhelpful: 1 }),
    feedback('2026-12-06', 'slurm-basics', 'Outdated', { unhelpful: 1 }),
    feedback('2026-12-06', 'containers', '', { helpful: 5 }),
    feedback('2026-12-06', 'lumi-rocm', '', { unhelpful: 1 }),
  ], days);

  it('adds up the days per query and ranks the most searched first', () => {
    expect(report).toMatchObject({ from: '2026-12-05', to: '2026-12-06', windowDays: 2 });
    expect(report.totals).toEqual({ searches: 21, empty: 5, opens: 7, helpful: 8, unhelpful: 6 });
    expect(report.topQueries.map((row) => row.query)).toEqual(['apptainer lumi', 'kubernetes helm', 'mig slices', 'nccl timeout', 'quota']);
    expect(report.topQueries[0]).toEqual({ query: 'apptainer lumi', searches: 8, empty: 0, opens: 6, meanPosition: 1.3 });
  });

  it('lists what found nothing, and what found something nobody opened', () => {
    expect(report.noResults.map((row) => [row.query, row.empty])).toEqual([['kubernetes helm', 3], ['quota', 1]]);
    // nccl timeout: one empty search of four, and a result opened: neither list.
    expect(report.noClicks.map((row) => row.query)).toEqual(['mig slices']);
  });

  it('lists guides rated unhelpful with their reasons, most given first', () => {
    expect(report.unhelpfulGuides).toEqual([
      { guide: 'slurm-basics', helpful: 3, unhelpful: 5, reasons: [{ reason: 'No example for arrays', count: 3 }, { reason: 'Outdated', count: 1 }] },
      { guide: 'lumi-rocm', helpful: 0, unhelpful: 1, reasons: [] },
    ]);
  });

  it('is empty, not broken, without events', () => {
    expect(analyticsReport([], [], days)).toMatchObject({ totals: { searches: 0 }, topQueries: [], noResults: [], noClicks: [], unhelpfulGuides: [] });
  });
});
