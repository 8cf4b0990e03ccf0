// The app's entry: configuration, session, API client, then the shell that routes to the pages.
import { html } from 'htm/preact';
import { render, type VNode } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, configureApi } from './api/client.ts';
import { SIGN_IN_PATH } from './auth/flows.ts';
import { Layout } from './components/layout.ts';
import { ErrorNotice, Loading, PageTitle } from './components/ui.ts';
import { loadConfig } from './config.ts';
import { interceptLinks, mayOpen, matchRoute, navigate, onLocationChange, type PageComponent, type RouteDef } from './router.ts';
import { ROUTES } from './routes.ts';
import { loadPage } from './loadPage.ts';
import { appConfig, currentSession, currentUser, initState, onSessionChange, setSession, updateCurrentUser } from './state.ts';
import { currentLanguage, setLanguage, t } from './i18n.ts';
import type { Me } from './api/types.ts';
import { browserZone, setViewerZone } from './format.ts';

const loaded = new Map<RouteDef, PageComponent>();

function useLocation(): string {
  const [href, setHref] = useState(location.href);
  useEffect(() => onLocationChange(() => setHref(location.href)), []);
  return href;
}

function useUserVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => onSessionChange(() => setVersion((value) => value + 1)), []);
  return version;
}

/**
 * The person's labels in their language (loaded before the first render, again when it changes), and their zone:
 * someone with none yet gets the browser's, once, so their mails show times where they are.
 */
function useLanguageAndZone(user: Me | undefined): void {
  const [, setShown] = useState(currentLanguage());
  useEffect(() => {
    setLanguage(user?.language).then(() => setShown(currentLanguage()), () => {});
  }, [user?.language]);
  const offered = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!user || user.timeZone || offered.current === user.id) return;
    offered.current = user.id;
    const timeZone = browserZone();
    if (!timeZone) return;
    api.put<{ timeZone: string | null }>('/me/preferences', { timeZone }).then((saved) => {
      if (saved.timeZone) updateCurrentUser({ timeZone: saved.timeZone });
    }, () => {});
  }, [user?.id, user?.timeZone]);
}

function Shell(): VNode {
  const href = useLocation();
  useUserVersion();
  const url = new URL(href);
  const user = currentUser();
  setViewerZone(user?.timeZone);
  useLanguageAndZone(user);
  const match = matchRoute(ROUTES, url.pathname);
  const [page, setPage] = useState<{ route: RouteDef; component: PageComponent } | undefined>(undefined);
  const [failure, setFailure] = useState<Error | undefined>(undefined);
  const initialHref = useRef(href);
  const navigated = useRef(false);
  const access = match ? mayOpen(match.route, user) : 'ok';

  useEffect(() => {
    if (url.pathname === '/app' || url.pathname === '/app/') navigate(user ? '/app/tickets' : SIGN_IN_PATH, { replace: true });
    else if (access === 'sign-in') navigate(`${SIGN_IN_PATH}?next=${encodeURIComponent(url.pathname + url.search)}`, { replace: true });
  }, [href, access]);

  useEffect(() => {
    if (!match || access !== 'ok') return;
    document.title = `${t(match.route.title)} · HPC AI Support Centre`;
    const known = loaded.get(match.route);
    if (known) {
      setPage({ route: match.route, component: known });
      return;
    }
    loadPage(match.route).then(
      (module) => {
        loaded.set(match.route, module.default);
        setPage({ route: match.route, component: module.default });
      },
      (error: Error) => setFailure(error),
    );
  }, [match?.route, access, currentLanguage()]);

  // After a navigation to another page (not the first load), focus moves to the new page's heading for screen
  // readers and keyboards. A change of the query alone (a filter applied on change) leaves the focus where it is.
  const focusedPath = useRef(url.pathname);
  useEffect(() => {
    if (href !== initialHref.current) navigated.current = true;
    if (!navigated.current || !page || page.route !== match?.route) return;
    const samePath = focusedPath.current === url.pathname;
    focusedPath.current = url.pathname;
    if (samePath) return;
    const heading = document.querySelector<HTMLElement>('[data-page-title]') ?? document.getElementById('main');
    heading?.focus();
  }, [href, page]);

  let content: VNode;
  if (!match) content = html`<${PageTitle}>Page not found<//><p>${t('There is no such page in the app.')} <a href="/app/tickets">${t('Go to tickets')}</a>.</p>`;
  else if (access === 'forbidden') content = html`<${PageTitle}>Not available<//><p>${t('This page is not available for your role.')} <a href="/app/tickets">${t('Go to tickets')}</a>.</p>`;
  else if (failure) content = html`<${PageTitle}>Something went wrong<//><${ErrorNotice} error=${failure} />`;
  else if (access !== 'ok' || !page || page.route !== match.route) content = html`<${Loading} />`;
  else content = html`<${page.component} key=${url.pathname} params=${match.params} query=${url.searchParams} user=${user} />`;
  return html`<${Layout} user=${user} path=${url.pathname}>${content}<//>`;
}

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  try {
    initState(await loadConfig());
  } catch (error) {
    render(html`<main id="main" class="wrap"><h1>The app could not start</h1><p>${(error as Error).message}</p></main>`, root);
    return;
  }
  configureApi({
    baseUrl: appConfig().apiUrl,
    token: () => currentSession()?.token,
    onUnauthorized: () => {
      setSession(undefined);
      if (!location.pathname.startsWith(SIGN_IN_PATH)) navigate(`${SIGN_IN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`);
    },
  });
  interceptLinks(document);
  // The first paint is already in the person's language (their catalogue is one small chunk).
  await setLanguage(currentUser()?.language).catch(() => {});
  root.textContent = '';
  render(html`<${Shell} />`, root);
}

void start();
