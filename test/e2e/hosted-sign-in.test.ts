// The AWS sign-in path (mode "cognito") in Chromium against a stand-in for Cognito's hosted UI: the
// authorize request carries an S256 challenge and a state, the callback's code is exchanged with the
// verifier, the code leaves the address bar, the ID token becomes the API's bearer token, sign-out goes
// through /logout. The stand-in answers with an ID token from the local identity provider, which the
// local API trusts the way the deployed API trusts Cognito's.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedUser } from '../../functions/local/seed-data.ts';
import { hasChromium } from '../support/chromium.ts';
import { EMAILS, openAs, productForSuite, SIGN_IN_ORIGIN } from './support.ts';

const DOMAIN = new URL(SIGN_IN_ORIGIN).host;
const CLIENT_ID = 'web-client-1';

describe.skipIf(!hasChromium)('hosted sign-in with authorization code and PKCE', () => {
  const product = productForSuite();

  it('signs in through the hosted login, calls the API with the ID token, and signs out', async () => {
    const { context, page, errors } = await openAs(product, undefined);
    const seen: { authorize?: URL; token?: URLSearchParams; logout?: URL } = {};
    const addresses: string[] = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) addresses.push(frame.url()); });
    await context.route('**/config.json', (route) => route.fulfill({
      json: { apiUrl: '/api', mode: 'cognito', cognito: { domain: DOMAIN, clientId: CLIENT_ID, region: 'eu-west-1', userPoolId: 'eu-west-1_test' } },
    }));
    await context.route(`https://${DOMAIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        seen.authorize = url;
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.search = new URLSearchParams({ code: 'one-time-code', state: url.searchParams.get('state')! }).toString();
        return route.fulfill({ status: 302, headers: { location: back.toString() } });
      }
      if (url.pathname === '/oauth2/token') {
        seen.token = new URLSearchParams(route.request().postData() ?? '');
        const idToken = await product.server.idp.tokenFor(seedUser(EMAILS.jonas));
        return route.fulfill({ json: { id_token: idToken, access_token: 'unused', token_type: 'Bearer', expires_in: 3600 }, headers: { 'Access-Control-Allow-Origin': '*' } });
      }
      if (url.pathname === '/logout') {
        seen.logout = url;
        return route.fulfill({ status: 302, headers: { location: url.searchParams.get('logout_uri')! } });
      }
      return route.abort();
    });

    await page.goto('/app/sessions');
    await page.waitForURL(/\/app\/sign-in\?next=%2Fapp%2Fsessions/);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\/sessions$/);
    await page.getByRole('heading', { name: 'Your organisation\'s sessions' }).waitFor();
    expect(await page.locator('.who').textContent()).toContain('Jonas Weber');

    const authorize = seen.authorize!;
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${product.base}/app/callback`);
    const verifier = seen.token!.get('code_verifier')!;
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(authorize.searchParams.get('code_challenge'));
    expect(Object.fromEntries(seen.token!)).toMatchObject({ grant_type: 'authorization_code', code: 'one-time-code', client_id: CLIENT_ID, redirect_uri: `${product.base}/app/callback` });

    // The code was in the address bar only as long as the callback needed it; no token ever was.
    expect(page.url()).not.toContain('one-time-code');
    expect(await page.evaluate(() => location.href)).not.toContain('code=');
    for (const address of addresses) expect(address).not.toMatch(/id_token|access_token|eyJ/);
    const stored = await page.evaluate(() => ({ session: localStorage.getItem('hpc-support.session'), pending: sessionStorage.getItem('hpc-support.pkce'), local: Object.keys(localStorage) }));
    expect(stored.pending).toBeNull();
    expect(stored.local).toEqual(['hpc-support.session']);
    expect(JSON.parse(stored.session!).user.email).toBe(EMAILS.jonas);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/app\/sign-in$/);
    expect(seen.logout!.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(seen.logout!.searchParams.get('logout_uri')).toBe(`${product.base}/app/sign-in`);
    expect(await page.evaluate(() => localStorage.getItem('hpc-support.session'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a callback whose state this tab did not send', async () => {
    const { context, page } = await openAs(product, undefined);
    await context.route('**/config.json', (route) => route.fulfill({
      json: { apiUrl: '/api', mode: 'cognito', cognito: { domain: DOMAIN, clientId: CLIENT_ID, region: 'eu-west-1', userPoolId: 'p' } },
    }));
    let exchanged = false;
    await context.route(`https://${DOMAIN}/**`, (route) => { exchanged = true; return route.abort(); });
    await page.goto('/app/callback?code=stolen&state=forged');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('state');
    expect(page.url()).not.toContain('stolen');
    expect(exchanged).toBe(false);
    await context.close();
  });
});
