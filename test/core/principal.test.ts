import type { MiddlewareHandler } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApiApp, onlyRoles, type ApiEnv } from '../../functions/core/http.ts';
import { createLogger } from '../../functions/core/logger.ts';
import { principalFromClaims, type Principal } from '../../functions/core/principal.ts';
import { defineRoute, mount } from '../../functions/core/route.ts';

const orgRoute = defineRoute({ method: 'get', path: '/api/org', query: z.object({}) });
const people: Record<string, Principal> = {
  maria: { id: 'u-maria', email: 'maria@x', name: 'María', role: 'requester', orgId: 'aurora-ai' },
  ana: { id: 'u-ana', email: 'ana@x', name: 'Ana', role: 'expert' },
};
/** Stands in for signedIn(): the caller named by the X-As header. */
const as: MiddlewareHandler<ApiEnv> = async (c, next) => {
  c.set('principal', people[c.req.header('x-as') ?? '']!);
  await next();
};

describe('the principal a handler gets', () => {
  it('is a requester with an organisation after onlyRoles(\'requester\'), checked by the compiler and at run time', async () => {
    const app = createApiApp({ logger: createLogger('test', { env: { LOG_LEVEL: 'SILENT' } }), maxBodyBytes: 1000 });
    mount(app, orgRoute, [as, onlyRoles('requester')], (c) => {
      const orgId: string = c.var.principal.orgId; // no `!`: the guard narrowed the type
      return c.json({ orgId }, 200);
    });
    // Without the guard, a principal may be staff, who have no organisation.
    mount(app, defineRoute({ method: 'get', path: '/api/any' }), [as], (c) => {
      // @ts-expect-error staff have no orgId
      const orgId: string = c.var.principal.orgId;
      return c.json({ orgId: orgId ?? null }, 200);
    });

    expect(await (await app.request('/api/org', { headers: { 'x-as': 'maria' } })).json()).toEqual({ orgId: 'aurora-ai' });
    const refused = await app.request('/api/org', { headers: { 'x-as': 'ana' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'forbidden', detail: 'This needs the role requester.' });
    expect(await (await app.request('/api/any', { headers: { 'x-as': 'ana' } })).json()).toEqual({ orgId: null });
  });

  it('comes from token claims: staff by group (no organisation), requesters only with one', () => {
    const claims = { sub: 's', email: 'e@x', name: 'E', 'custom:org': 'aurora-ai' };
    expect(principalFromClaims({ ...claims, 'cognito:groups': ['experts'] })).toEqual({ id: 's', email: 'e@x', name: 'E', role: 'expert' });
    expect(principalFromClaims(claims)).toEqual({ id: 's', email: 'e@x', name: 'E', role: 'requester', orgId: 'aurora-ai' });
    expect(() => principalFromClaims({ ...claims, 'custom:org': '' })).toThrow('This account belongs to no organisation.');
  });
});
