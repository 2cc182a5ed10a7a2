import type { ReactNode } from 'react';
import { type AuthView, useAuth } from '../auth/auth-store';
import { useRoute } from '../router';
import { Link } from './Link';

/** The frame of the pages around the editor: where you are, where else you can go, who you are. */
export function Shell({ view, children }: { view: Extract<AuthView, { phase: 'ready' }>; children: ReactNode }) {
  const signOut = useAuth((s) => s.signOut);
  const route = useRoute();
  // A bot's catalog and orders are part of "Bots".
  const section = route.page === 'catalog' || route.page === 'orders' ? 'bots' : route.page;
  const current = (page: string) => (section === page ? 'page' : undefined);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Parley
        </Link>
        <nav aria-label="Main">
          {view.user?.role !== 'agent' && (
            <Link href="/" aria-current={current('bots')}>
              Bots
            </Link>
          )}
          <Link href="/inbox" aria-current={current('inbox')}>
            Inbox
          </Link>
          {view.user?.role !== 'agent' && (
            <Link href="/teams" aria-current={section === 'teams' || section === 'canned' ? 'page' : undefined}>
              Teams
            </Link>
          )}
          {view.user?.role === 'admin' && (
            <Link href="/users" aria-current={current('users')}>
              Users
            </Link>
          )}
          {view.method === 'session' && (
            <Link href="/settings" aria-current={current('tokens')}>
              Your account
            </Link>
          )}
        </nav>
        <div className="who">
          <span>{view.user ? `${view.user.name} · ${view.user.role}` : 'Signed in with a token'}</span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
