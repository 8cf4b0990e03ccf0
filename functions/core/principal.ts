import { oneLine } from './characters.ts';
import { problems } from './problem.ts';

export type Role = 'requester' | 'expert' | 'coordinator';

export interface Person {
  id: string;
  email: string;
  name: string;
}

/** A person of an SME: always of an organisation (a token without one is refused). */
export interface RequesterPrincipal extends Person {
  role: 'requester';
  orgId: string;
}

/** Staff of the support centre: of no organisation. One member per role, so checking the role narrows. */
export type StaffPrincipal<R extends StaffRole = StaffRole> = R extends StaffRole ? Person & { role: R; orgId?: undefined } : never;

export type StaffRole = Exclude<Role, 'requester'>;

/** Who is calling, taken only from verified token claims; the role decides whether there is an organisation. */
export type Principal = RequesterPrincipal | StaffPrincipal;

/** The principal a check for these roles lets through (`onlyRoles('requester')` hands on a RequesterPrincipal). */
export type PrincipalOf<R extends Role> = Extract<Principal, { role: R }>;

export const STAFF_ROLES: readonly Role[] = ['expert', 'coordinator'];

export function isStaff(principal: Principal): principal is StaffPrincipal {
  return STAFF_ROLES.includes(principal.role);
}

export function hasRole<R extends Role>(principal: Principal, roles: readonly R[]): principal is PrincipalOf<R> {
  return (roles as readonly Role[]).includes(principal.role);
}

/** The principal of a person in a role; undefined for a requester of no organisation, who may do nothing. */
export function principalFor({ id, email, name }: Person, role: Role, orgId: string | undefined): Principal | undefined {
  if (role !== 'requester') return { id, email, name, role };
  return orgId ? { id, email, name, role, orgId } : undefined;
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
  const role = groups.includes('coordinators') ? 'coordinator' : groups.includes('experts') ? 'expert' : 'requester';
  const principal = principalFor({ id: sub, email, name }, role, orgId);
  if (!principal) throw problems.forbidden('This account belongs to no organisation.');
  return principal;
}
