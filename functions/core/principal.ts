import { oneLine } from './characters.ts';
import { problems } from './problem.ts';

export type Role = 'requester' | 'expert' | 'coordinator';

/** Who is calling, taken only from verified token claims. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Requesters always belong to an organisation; staff never do. */
  orgId?: string;
}

export const STAFF_ROLES: readonly Role[] = ['expert', 'coordinator'];

export function isStaff(principal: Principal): boolean {
  return STAFF_ROLES.includes(principal.role);
}

/**
 * Maps Cognito ID-token claims (the local identity provider issues the same shape) to a principal.
 * Groups decide the role; a token with neither staff group nor organisation is refused.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
  const email = typeof claims.email === 'string' ? claims.email : undefined;
  if (!sub || !email) throw problems.unauthorized('The token lacks a subject or e-mail.');
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as unknown[]) : [];
  // The name goes into mails and calendar files: one line, shown as written (no bidi or invisible characters).
  const name = (typeof claims.name === 'string' && oneLine(claims.name)) || email;
  const orgId = typeof claims['custom:org'] === 'string' && claims['custom:org'] ? claims['custom:org'] : undefined;
  if (groups.includes('coordinators')) return { id: sub, email, name, role: 'coordinator' };
  if (groups.includes('experts')) return { id: sub, email, name, role: 'expert' };
  if (!orgId) throw problems.forbidden('This account belongs to no organisation.');
  return { id: sub, email, name, role: 'requester', orgId };
}
