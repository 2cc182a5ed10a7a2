import { useSyncExternalStore } from 'react';

/** The editor's pages are real paths (the server answers index.html for them), so links can be shared. */
export type Route =
  | { page: 'bots' }
  | { page: 'editor'; botId: string }
  | { page: 'catalog'; botId: string }
  | { page: 'orders'; botId: string }
  | { page: 'channels'; botId: string }
  | { page: 'tokens' }
  | { page: 'users' }
  | { page: 'missing'; path: string };

export function parseRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/bots') return { page: 'bots' };
  if (clean === '/settings' || clean === '/settings/tokens') return { page: 'tokens' };
  if (clean === '/users') return { page: 'users' };
  const bot = /^\/bots\/([^/]+)$/.exec(clean);
  if (bot?.[1]) return { page: 'editor', botId: decodeURIComponent(bot[1]) };
  const channels = /^\/bots\/([^/]+)\/channels$/.exec(clean);
  if (channels?.[1]) return { page: 'channels', botId: decodeURIComponent(channels[1]) };
  const botPage = /^\/bots\/([^/]+)\/(catalog|orders)$/.exec(clean);
  if (botPage?.[1] && (botPage[2] === 'catalog' || botPage[2] === 'orders')) return { page: botPage[2], botId: decodeURIComponent(botPage[1]) };
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
export const channelsPath = (botId: string) => `${botPath(botId)}/channels`;
