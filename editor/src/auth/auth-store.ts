import { create } from 'zustand';
import { type User, getAuthState, logIn, logOut, probeToken, setUp } from '../api/auth';
import { setBearer, setCsrfToken, setUnauthorizedHandler } from '../api/http';

export type AuthView =
  | { phase: 'loading' }
  /** A fresh install: the first visitor creates the admin. */
  | { phase: 'setup' }
  /** `accounts`: the server has user accounts; without them only a token signs in. */
  | { phase: 'signin'; accounts: boolean; notice?: string }
  /** `user` is null when signed in with a bearer token (it names no user). */
  | { phase: 'ready'; user: User | null; method: 'session' | 'token' };

interface AuthStore {
  view: AuthView;
  init(): Promise<void>;
  signIn(email: string, password: string): Promise<string | undefined>;
  createAdmin(input: { email: string; name: string; password: string }): Promise<string | undefined>;
  signInWithToken(token: string): Promise<string | undefined>;
  signOut(): Promise<void>;
}

/** The token is kept for this tab only, never in localStorage. */
const TOKEN_KEY = 'parley.token';

export const useAuth = create<AuthStore>()((set, get) => {
  const accountsKnown = () => {
    const view = get().view;
    return view.phase === 'signin' ? view.accounts : view.phase === 'ready' ? view.method === 'session' : true;
  };
  setUnauthorizedHandler(() => {
    setBearer(null);
    setCsrfToken(null);
    sessionStorage.removeItem(TOKEN_KEY);
    set({ view: { phase: 'signin', accounts: accountsKnown(), notice: 'Your session has ended. Please sign in again.' } });
  });

  async function tryToken(token: string): Promise<string | undefined> {
    setBearer(token);
    const probe = await probeToken();
    if (!probe.ok) {
      setBearer(null);
      sessionStorage.removeItem(TOKEN_KEY);
      return probe.error.status === 401 ? 'That token is not valid on this server.' : probe.error.message;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    set({ view: { phase: 'ready', user: null, method: 'token' } });
    return undefined;
  }

  return {
    view: { phase: 'loading' },

    async init() {
      const stored = sessionStorage.getItem(TOKEN_KEY);
      const state = await getAuthState();
      if (state.ok) {
        const { user, csrfToken, needsSetup } = state.value;
        setCsrfToken(csrfToken);
        if (user) return set({ view: { phase: 'ready', user, method: 'session' } });
        if (needsSetup) return set({ view: { phase: 'setup' } });
        if (stored && !(await tryToken(stored))) return;
        return set({ view: { phase: 'signin', accounts: true } });
      }
      // A server without user accounts: the admin token is the way in.
      if (stored && !(await tryToken(stored))) return;
      set({ view: { phase: 'signin', accounts: false } });
    },

    async signIn(email, password) {
      const answer = await logIn({ email, password });
      if (!answer.ok) return answer.error.message;
      setCsrfToken(answer.value.csrfToken);
      set({ view: { phase: 'ready', user: answer.value.user, method: 'session' } });
      return undefined;
    },

    async createAdmin(input) {
      const answer = await setUp(input);
      if (!answer.ok) return answer.error.message;
      setCsrfToken(answer.value.csrfToken);
      set({ view: { phase: 'ready', user: answer.value.user, method: 'session' } });
      return undefined;
    },

    signInWithToken: tryToken,

    async signOut() {
      const view = get().view;
      if (view.phase === 'ready' && view.method === 'session') await logOut();
      setBearer(null);
      setCsrfToken(null);
      sessionStorage.removeItem(TOKEN_KEY);
      set({ view: { phase: 'signin', accounts: view.phase === 'ready' ? view.method === 'session' : true } });
    },
  };
});
