// The OAuth redirect target: exchanges the code once, then continues where sign-in started.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { completeHostedSignIn } from '../auth/flows.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { navigate } from '../router.ts';
import { appConfig } from '../state.ts';

// The code is single-use: a second render (or a re-mounted page) must not exchange it again.
let exchange: Promise<string> | undefined;

export default function CallbackPage(): VNode {
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    const config = appConfig();
    if (config.mode !== 'cognito') {
      navigate('/app/sign-in', { replace: true });
      return;
    }
    exchange ??= completeHostedSignIn(config.cognito, location.search);
    exchange.then((next) => navigate(next, { replace: true }), setError);
  }, []);
  return html`
    <${PageTitle}>Signing in<//>
    ${error ? html`<${ErrorNotice} error=${error} /><p><a href="/app/sign-in">Try again</a></p>` : html`<${Loading} what="Completing the sign-in" />`}`;
}
