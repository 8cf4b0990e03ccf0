// The second outside review (a new user and an attacker) of issues 14, 15, 19 and 21, each finding in Chromium.
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/chromium.ts';
import { openAs, productForSuite, USERS } from './support.ts';

describe.skipIf(!hasChromium)('second outside review', () => {
  const product = productForSuite();

  it('signing out of the web app also ends the outbox (its HttpOnly cookie is cleared)', async () => {
    const { page, context, errors } = await openAs(product, USERS.maria);
    const outbox = () => page.request.get('/dev/outbox', { headers: { Accept: 'application/json' } });
    expect((await outbox()).status()).toBe(200);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(async () => (await context.cookies()).some((cookie) => cookie.name === 'dev_session')).toBe(false);
    expect((await outbox()).status()).toBe(401);
    expect(errors.filter((error) => !error.includes('/dev/outbox'))).toEqual([]);
    await context.close();
  });
});
