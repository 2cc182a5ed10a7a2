import { useSyncExternalStore } from 'react';

/** The editor's pages are real paths (the server answers index.html for them), so links can be shared. */
export type Route =
  | { page: 'bots' }
  | { page: 'editor'; botId: string }
  | { page: 'catalog'; botId: string }
  | { page: 'orders'; botId: string }
  | { page: 'faq'; botId: string }
  | { page: 'channels'; botId: string }
  | { page: 'tokens' }
  | { page: 'users' }
  | { page: 'inbox'; handoffId: string | null }
  | { page: 'teams' }
  | { page: 'canned' }
  | { page: 'missing'; path: string };

export function parseRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/bots') return { page: 'bots' };
  if (clean === '/settings' || clean === '/settings/tokens') return { page: 'tokens' };
  if (clean === '/users') return { page: 'users' };
  if (clean === '/teams') return { page: 'teams' };
  if (clean === '/canned-responses') return { page: 'canned' };
  const inbox = /^\/inbox(?:\/([^/]+))?$/.exec(clean);
  if (inbox) return { page: 'inbox', handoffId: inbox[1] ? decodeURIComponent(inbox[1]) : null };
  const bot = /^\/bots\/([^/]+)$/.exec(clean);
  if (bot?.[1]) return { page: 'editor', botId: decodeURIComponent(bot[1]) };
  const channels = /^\/bots\/([^/]+)\/channels$/.exec(clean);
  if (channels?.[1]) return { page: 'channels', botId: decodeURIComponent(channels[1]) };
  const botPage = /^\/bots\/([^/]+)\/(catalog|orders|faq)$/.exec(clean);
  if (botPage?.[1] && (botPage[2] === 'catalog' || botPage[2] === 'orders' || botPage[2] === 'faq')) return { page: botPage[2], botId: decodeURIComponent(botPage[1]) };
  return { page: 'missing', path };
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
window.addEventListener('popstate', notify);

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  notify();
}

/** Goes to another page in place of this one (no history entry): a redirect. */
export function redirect(path: string): void {
  window.history.replaceState(null, '', path);
  notify();
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => window.location.pathname,
  );
  return parseRoute(path);
}

export const botPath = (botId: string) => `/bots/${encodeURIComponent(botId)}`;
export const catalogPath = (botId: string) => `${botPath(botId)}/catalog`;
export const ordersPath = (botId: string) => `${botPath(botId)}/orders`;
export const inboxPath = (handoffId?: string | null) => (handoffId ? `/inbox/${encodeURIComponent(handoffId)}` : '/inbox');
export const faqPath = (botId: string) => `${botPath(botId)}/faq`;
export const channelsPath = (botId: string) => `${botPath(botId)}/channels`;
