import { useStore } from 'zustand';
import { type InboxStore, createInboxStore } from './inbox-store';

/** The inbox's one store; components read it through selectors so each re-renders only for its slice. */
export const inboxStore = createInboxStore();

export function useInbox<T>(selector: (state: InboxStore) => T): T {
  return useStore(inboxStore, selector);
}
