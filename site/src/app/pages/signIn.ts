// Sign-in: the demo users locally, Cognito's hosted login in AWS.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { demoSignIn, demoUsers, safeReturnPath, startHostedSignIn, type DemoUser } from '../auth/flows.ts';
import { ErrorNotice, Loading, PageTitle } from '../components/ui.ts';
import { useLoad } from '../hooks.ts';
import { navigate, type PageProps } from '../router.ts';
import { appConfig, currentUser } from '../state.ts';

const ROLE_HEADINGS: Array<[DemoUser['role'], string]> = [['requester', 'SMEs'], ['expert', 'Experts'], ['coordinator', 'Coordinators']];

function DemoSignIn({ next }: { next: string }): VNode {
  const users = useLoad(demoUsers, []);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const signIn = async (user: DemoUser) => {
    setBusy(user.email);
    setError(undefined);
    try {
      await demoSignIn(user.email);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(undefined);
    }
  };
  if (users.loading) return html`<${Loading} what="Loading the demo users" />`;
  if (users.error) return html`<${ErrorNotice} error=${users.error} />`;
  return html`
    <p class="lead">This is the local demo: choose who you are. In the deployed service you sign in with your organisation's account.
      The e-mails the demo sends land in its <a href="/app/outbox">outbox</a>.</p>
    <${ErrorNotice} error=${error} />
    ${ROLE_HEADINGS.map(([role, heading]) => html`
      <section aria-labelledby=${`role-${role}`} class="demo-users">
        <h2 id=${`role-${role}`}>${heading}</h2>
        <ul class="user-list">
          ${users.data!.filter((user) => user.role === role).map((user) => html`
            <li><button type="button" class="button secondary demo-user" disabled=${Boolean(busy)} onClick=${() => signIn(user)}>
              Sign in as ${user.name}${user.orgId ? html` <span class="muted">(${user.orgName ?? user.orgId})</span>` : ''}
              ${/* the README lists the demo logins by e-mail */ ''}<span class="demo-email">${user.email}</span>
            </button></li>`)}
        </ul>
      </section>`)}`;
}

function HostedSignIn({ next }: { next: string }): VNode {
  const config = appConfig();
  const [error, setError] = useState<unknown>(undefined);
  if (config.mode !== 'cognito') return html``;
  const start = () => startHostedSignIn(config.cognito, next).catch(setError);
  return html`
    <p class="lead">Sign in with your support centre account to open tickets, follow them, and book mentoring sessions.</p>
    <${ErrorNotice} error=${error} />
    <p><button type="button" onClick=${start}>Sign in</button></p>`;
}

export default function SignInPage({ query }: PageProps): VNode {
  const next = safeReturnPath(query.get('next'));
  const user = currentUser();
  return html`
    <${PageTitle}>Sign in<//>
    ${user ? html`<p>You are signed in as ${user.name}. <a href=${next}>Continue</a>.</p>` : ''}
    ${appConfig().mode === 'local' ? html`<${DemoSignIn} next=${next} />` : html`<${HostedSignIn} next=${next} />`}`;
}
