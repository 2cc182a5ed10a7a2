import { useEffect, useState } from 'react';
import { followInbox } from './live';
import { inboxStore } from './use-inbox';

const TICK_MS = 30_000;

/** While the inbox is shown: follow its events (refetching what it shows on each), and tick its clocks. */
export function useLiveInbox(): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const refresh = () => void inboxStore.getState().refreshAll();
    const stop = followInbox({ onEvent: refresh, onOpen: refresh, onStatus: setConnected });
    const timer = setInterval(() => inboxStore.getState().tick(Date.now()), TICK_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, []);
  return connected;
}
