// content/experts.json names the experts who may own guides (the static site has no database). It must
// stay the same people, with the same ids and names, as the app's expert accounts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_USERS } from '../../functions/local/seed-data.ts';

const experts = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../content/experts.json'), 'utf8')) as { experts: { id: string; name: string }[] }
).experts;

describe('content/experts.json', () => {
  it('lists exactly the seeded expert accounts, by user id and display name', () => {
    const seeded = SEED_USERS.filter((user) => user.role === 'expert').map(({ id, name }) => ({ id, name }));
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...experts].sort(byId)).toEqual([...seeded].sort(byId));
  });
});
