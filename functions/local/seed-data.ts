import type { UserRecord } from '../core/users.ts';

export interface SeedOrganisation {
  id: string;
  name: string;
}

export const SEED_ORGANISATIONS: SeedOrganisation[] = [
  { id: 'aurora-ai', name: 'Aurora AI' },
  { id: 'basalt-labs', name: 'Basalt Labs' },
];

/** The demo logins. Other tests and the README rely on exactly these. */
export const SEED_USERS: UserRecord[] = [
  { id: 'u-maria', email: 'maria@aurora-ai.example', name: 'María Ortega', role: 'requester', orgId: 'aurora-ai' },
  { id: 'u-jonas', email: 'jonas@aurora-ai.example', name: 'Jonas Weber', role: 'requester', orgId: 'aurora-ai' },
  { id: 'u-lea', email: 'lea@basalt-labs.example', name: 'Léa Martin', role: 'requester', orgId: 'basalt-labs' },
  { id: 'u-ana', email: 'ana@support.example', name: 'Ana García', role: 'expert' },
  { id: 'u-mikko', email: 'mikko@support.example', name: 'Mikko Virtanen', role: 'expert' },
  { id: 'u-giulia', email: 'giulia@support.example', name: 'Giulia Rossi', role: 'expert' },
  { id: 'u-coord', email: 'coord@support.example', name: 'Sam Coordinator', role: 'coordinator' },
];

export function seedUser(email: string): UserRecord {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`No seed user ${email}`);
  return user;
}
