// Access routes and their sizes, as the access guides state them (2025 terms, revised every period):
// which routes an estimate fits, in the unit each route counts.

import type { SystemId } from './hardware.ts';

export interface Route {
  id: string;
  name: string;
  guide: string;
  unit: 'GPU-hours' | 'node-hours';
  /** systems the guides list for this route */
  systems: readonly SystemId[];
  /** per system [min, max] in the route's unit; null where the guides give no number */
  size: (system: SystemId) => [number, number | null] | null;
  /** what to know besides the size */
  note: string;
  /** the guides themselves call the size approximate, reported or dated */
  uncertain: boolean;
}

const AIF_SYSTEMS: SystemId[] = ['lumi-g', 'leonardo-booster', 'mn5-acc', 'meluxina-gpu', 'jupiter-booster'];
const CLASSIC: SystemId[] = ['lumi-g', 'leonardo-booster', 'mn5-acc', 'meluxina-gpu', 'karolina-gpu', 'vega-gpu', 'deucalion-gpu', 'discoverer-gpu'];

const table = (sizes: Partial<Record<SystemId, [number, number | null]>>) => (system: SystemId) => sizes[system] ?? null;

export const ROUTES: readonly Route[] = [
  {
    id: 'playground', name: 'AI Factories Playground', guide: '/guides/aif-playground/', unit: 'GPU-hours', systems: AIF_SYSTEMS,
    size: () => [0, 5000],
    note: 'Small, fixed by the call; about 5,000 GPU-hours is reported by 2026 awardees, not published. 1–3 months on one system.',
    uncertain: true,
  },
  {
    id: 'fast-lane', name: 'AI Factories Fast Lane', guide: '/guides/aif-fast-lane/', unit: 'GPU-hours', systems: AIF_SYSTEMS,
    size: () => [0, 50_000], note: 'Up to 50,000 GPU-hours for 1–3 months; for teams that already know HPC.', uncertain: false,
  },
  {
    id: 'large-scale', name: 'AI Factories Large Scale', guide: '/guides/aif-large-scale/', unit: 'GPU-hours', systems: AIF_SYSTEMS,
    size: () => [50_000, null], note: 'More than 50,000 GPU-hours, 3–12 months, technical and peer review.', uncertain: false,
  },
  {
    id: 'ai-for-science', name: 'AI for Science and Collaborative EU Projects', guide: '/guides/ai-for-science-collab/', unit: 'node-hours',
    systems: ['mn5-acc', 'leonardo-booster', 'lumi-g', 'meluxina-gpu'],
    size: () => [20_000, 90_000], note: 'Six months; scientific users, public sector, or companies inside an EU-funded project.', uncertain: true,
  },
  {
    id: 'benchmark', name: 'EuroHPC Benchmark', guide: '/guides/eurohpc-classic-calls/', unit: 'node-hours', systems: CLASSIC,
    size: table({ 'leonardo-booster': [0, 3500], 'lumi-g': [0, 2500], 'mn5-acc': [0, 2000], 'meluxina-gpu': [0, 400], 'karolina-gpu': [0, 400], 'vega-gpu': [0, 400], 'deucalion-gpu': [0, 200], 'discoverer-gpu': [0, 200] }),
    note: 'For scaling tests before a larger request, up to 3 months; not for production runs.', uncertain: true,
  },
  {
    id: 'development', name: 'EuroHPC Development', guide: '/guides/eurohpc-classic-calls/', unit: 'node-hours', systems: CLASSIC,
    size: table({ 'leonardo-booster': [0, 4500], 'lumi-g': [0, 4500], 'mn5-acc': [0, 3500], 'meluxina-gpu': [0, 4000], 'karolina-gpu': [0, 800], 'vega-gpu': [0, 800] }),
    note: 'Code and method development, 1 year, renewable twice.', uncertain: true,
  },
  {
    id: 'regular', name: 'EuroHPC Regular', guide: '/guides/eurohpc-classic-calls/', unit: 'node-hours', systems: CLASSIC,
    size: table({ 'lumi-g': [20_000, 150_000], 'leonardo-booster': [25_000, 220_000], 'mn5-acc': [20_000, 100_000], 'meluxina-gpu': [25_000, null], 'karolina-gpu': [25_000, null], 'vega-gpu': [25_000, null], 'deucalion-gpu': [25_000, null] }),
    note: 'One year, peer reviewed; for companies open R&D only.', uncertain: true,
  },
  {
    id: 'extreme-scale', name: 'EuroHPC Extreme Scale', guide: '/guides/eurohpc-classic-calls/', unit: 'node-hours', systems: ['jupiter-booster', 'leonardo-booster', 'mn5-acc', 'lumi-g'],
    size: table({ 'jupiter-booster': [245_000, null], 'leonardo-booster': [245_000, null], 'mn5-acc': [160_000, null], 'lumi-g': [160_000, null] }),
    note: 'The largest projects, one year, peer reviewed and ranked.', uncertain: true,
  },
];

export type Fit = 'fits' | 'too-small' | 'too-large' | 'unknown' | 'not-offered';

export interface RouteFit {
  route: Route;
  /** the request in the route's unit */
  amount: number;
  fit: Fit;
  range: [number, number | null] | null;
}

/** Each route with the request in its unit and whether that size is within the route's range. */
export function fitRoutes(system: SystemId, request: { gpuHours: number; nodeHours: number }): RouteFit[] {
  return ROUTES.map((route) => {
    const amount = route.unit === 'GPU-hours' ? request.gpuHours : request.nodeHours;
    if (!route.systems.includes(system)) return { route, amount, fit: 'not-offered' as const, range: null };
    const range = route.size(system);
    if (!range) return { route, amount, fit: 'unknown' as const, range };
    const [min, max] = range;
    const fit: Fit = amount < min ? 'too-small' : max !== null && amount > max ? 'too-large' : 'fits';
    return { route, amount, fit, range };
  });
}
