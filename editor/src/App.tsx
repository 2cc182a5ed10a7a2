import { Suspense, lazy, useEffect } from 'react';
import { SignIn } from './auth/SignIn';
import { useAuth } from './auth/auth-store';
import { Shell } from './components/Shell';
import { BotsPage } from './pages/BotsPage';
import { EditorPage } from './pages/EditorPage';
import { TokensPage } from './pages/TokensPage';
import { UsersPage } from './pages/UsersPage';
import { redirect, useRoute } from './router';

// Loaded when first opened: the canvas is what most visits need, and the first load stays small.
const CatalogPage = lazy(() => import('./pages/CatalogPage').then((module) => ({ default: module.CatalogPage })));
const OrdersPage = lazy(() => import('./pages/OrdersPage').then((module) => ({ default: module.OrdersPage })));
const InboxPage = lazy(() => import('./pages/InboxPage').then((module) => ({ default: module.InboxPage })));
const TeamsPage = lazy(() => import('./pages/TeamsPage').then((module) => ({ default: module.TeamsPage })));
const CannedResponsesPage = lazy(() => import('./pages/CannedResponsesPage').then((module) => ({ default: module.CannedResponsesPage })));
const FaqPage = lazy(() => import('./pages/FaqPage').then((module) => ({ default: module.FaqPage })));
const ChannelsPage = lazy(() => import('./pages/ChannelsPage').then((module) => ({ default: module.ChannelsPage })));

export function App() {
  const view = useAuth((s) => s.view);
  const init = useAuth((s) => s.init);
  const route = useRoute();
  useEffect(() => {
    void init();
  }, [init]);

  // Agents work in the inbox: the bots are not theirs to edit.
  const agentHome = view.phase === 'ready' && view.user?.role === 'agent' && route.page === 'bots';
  useEffect(() => {
    if (agentHome) redirect('/inbox');
  }, [agentHome]);

  if (view.phase === 'loading') return <main className="splash" aria-busy="true">Loading Parley…</main>;
  if (view.phase !== 'ready') return <SignIn view={view} />;
  if (route.page === 'editor') return <EditorPage key={route.botId} botId={route.botId} />;
  return (
    <Shell view={view}>
      {route.page === 'bots' && !agentHome && <BotsPage />}
      {(route.page === 'inbox' || route.page === 'teams' || route.page === 'canned') && (
        <Suspense fallback={<p className="page" aria-busy="true">Loading…</p>}>
          {route.page === 'inbox' && <InboxPage view={view} handoffId={route.handoffId} />}
          {route.page === 'teams' && <TeamsPage />}
          {route.page === 'canned' && <CannedResponsesPage />}
        </Suspense>
      )}
      {route.page === 'tokens' && <TokensPage view={view} />}
      {route.page === 'users' && <UsersPage view={view} />}
      {(route.page === 'catalog' || route.page === 'orders') && (
        <Suspense fallback={<p className="page" aria-busy="true">Loading…</p>}>
          {route.page === 'catalog' ? <CatalogPage key={route.botId} botId={route.botId} /> : <OrdersPage key={route.botId} botId={route.botId} />}
        </Suspense>
      )}
      {route.page === 'faq' && (
        <Suspense fallback={<p className="page" aria-busy="true">Loading…</p>}>
          <FaqPage key={route.botId} botId={route.botId} />
        </Suspense>
      )}
      {route.page === 'channels' && (
        <Suspense fallback={<p className="page" aria-busy="true">Loading…</p>}>
          <ChannelsPage key={route.botId} botId={route.botId} />
        </Suspense>
      )}
      {route.page === 'missing' && (
        <section className="page">
          <h1>Nothing here</h1>
          <p>
            There is no page at <code>{route.path}</code>. Go back to <a href="/">your bots</a>.
          </p>
        </section>
      )}
    </Shell>
  );
}
