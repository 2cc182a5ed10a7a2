import { useEffect, useState } from 'react';
import { followInbox } from './live';
import { inboxStore } from './use-inbox';

const TICK_MS = 30_000;
const POLL_MS = 15_000;

/**
 * While the inbox is shown: follow its events (refetching what it shows on each), and tick its clocks.
 * An EventSource cannot send a bearer token, so a token sign-in polls instead.
 */
export function useLiveInbox(method: 'session' | 'token'): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const refresh = () => void inboxStore.getState().refreshAll();
    const stop = method === 'session' ? followInbox({ onEvent: refresh, onOpen: refresh, onStatus: setConnected }) : polling(refresh);
    const timer = setInterval(() => inboxStore.getState().tick(Date.now()), TICK_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [method]);
  return connected;
}

function polling(refresh: () => void): () => void {
  const timer = setInterval(refresh, POLL_MS);
  return () => clearInterval(timer);
}
