// The frame of every app page: skip link, header with the role's navigation, main landmark, footer.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me, Role } from '../api/types.ts';
import { signOut } from '../auth/flows.ts';
import type { AppConfig } from '../config.ts';
import { appConfig } from '../state.ts';
import { navigate } from '../router.ts';
import { t } from '../i18n.ts';

// Each label is the title of the page it opens (English here, shown in the person's language by t()).
const NAV: Record<Role, Array<[string, string]>> = {
  requester: [['/app/tickets', 'My tickets'], ['/app/tickets/new', 'New ticket'], ['/app/mentoring', 'Mentoring'], ['/app/sessions', 'Sessions'], ['/app/notifications', 'Notifications']],
  expert: [['/app/tickets', 'Queue'], ['/app/sessions', 'My sessions'], ['/app/availability', 'Availability'], ['/app/support-hours', 'Support hours'], ['/app/profile', 'Profile'], ['/app/reviews', 'Reviews'], ['/app/notifications', 'Notifications']],
  coordinator: [['/app/tickets', 'Tickets'], ['/app/sessions', 'Sessions'], ['/app/service', 'Service'], ['/app/service/experts', 'Experts'], ['/app/readers', 'Readers'], ['/app/reviews', 'Reviews'], ['/app/notifications', 'Notifications']],
};

/** The role's links, with the outbox where there is one (the local demo: mail lands there instead of being sent). */
export function navLinks(role: Role, mode: AppConfig['mode']): Array<[string, string]> {
  return mode === 'local' ? [...NAV[role], ['/app/outbox', 'Outbox']] : NAV[role];
}

const ROLE_NAMES: Record<Role, string> = { requester: 'SME', expert: 'Expert', coordinator: 'Coordinator' };

function isCurrent(href: string, path: string): boolean {
  const here = path.replace(/\/$/, '');
  if (href === '/app/tickets') return here === href || (/^\/app\/tickets\/[^/]+$/.test(here) && here !== '/app/tickets/new');
  // The service area's settings pages sit under Service; its experts page has a link of its own.
  if (href === '/app/service') return here === href || (here.startsWith('/app/service/') && here !== '/app/service/experts');
  return here === href;
}

/**
 * The role's navigation and who is signed in. On narrow screens it folds behind a Menu button (a disclosure:
 * aria-expanded; opening moves focus to the first link, Escape closes it and returns focus to the button).
 */
function AppMenu({ user, path }: { user: Me; path: string }): VNode {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => setOpen(false), [path]);
  const leave = () => {
    signOut();
    navigate('/app/sign-in');
  };
  const flip = () => {
    const next = !open;
    setOpen(next);
    if (next) requestAnimationFrame(() => menu.current?.querySelector<HTMLElement>('a, button')?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return html`
    <button type="button" class="button secondary small menu-toggle" ref=${toggle} aria-expanded=${open ? 'true' : 'false'} aria-controls="app-menu" onClick=${flip}>${t('Menu')}</button>
    <div id="app-menu" class=${`app-menu${open ? ' open' : ''}`} ref=${menu} onKeyDown=${onKeyDown}>
      <nav class="main-nav app-nav" aria-label=${t('App')}>
        <ul>${navLinks(user.role, appConfig().mode).map(([href, label]) => html`<li><a href=${href} aria-current=${isCurrent(href, path) ? 'page' : undefined}>${t(label)}</a></li>`)}
          <li><a href="/guides/">${t('Guides')}</a></li></ul>
      </nav>
      <div class="who">
        <span><span class="visually-hidden">${t('Signed in as')} </span>${user.name} <span class="role">${t(ROLE_NAMES[user.role])}</span></span>
        <button type="button" class="button secondary small" onClick=${leave}>${t('Sign out')}</button>
      </div>
    </div>`;
}

export function Layout({ user, path, children }: { user: Me | undefined; path: string; children: ComponentChildren }): VNode {
  return html`
    <a class="skip-link" href="#main">${t('Skip to main content')}</a>
    <header class="site-header">
      <div class="wrap header-inner">
        <a class="brand" href="/">HPC AI Support Centre</a>
        ${user ? html`<${AppMenu} user=${user} path=${path} />` : html`<nav class="main-nav" aria-label="Site"><ul><li><a href="/guides/">${t('Guides')}</a></li></ul></nav>`}
      </div>
    </header>
    <main id="main" class="wrap app-main" tabindex="-1">${children}</main>
    <footer class="site-footer"><div class="wrap"><p>${t('HPC AI Support Centre: help for European AI SMEs and start-ups on EuroHPC supercomputers.')} <a href="/guides/">${t('Guides')}</a></p></div></footer>`;
}
