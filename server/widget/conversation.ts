/**
 * The conversation id is the customer's only credential on the web channel: 128 random bits, kept in
 * the host page's localStorage per server and bot so the conversation survives page loads.
 */
export function randomId(prefix: string): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ConversationStore {
  current(): string | undefined;
  create(): string;
}

export function conversationStore(server: string, botId: string, storage: Storage | undefined): ConversationStore {
  const key = `parley:${server}:${botId}`;
  let remembered: string | undefined;
  const read = () => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined; // storage blocked: the conversation lasts as long as the page
    }
  };
  return {
    current: () => remembered ?? (remembered = read()),
    create() {
      remembered = randomId('web_');
      try {
        storage?.setItem(key, remembered);
      } catch {}
      return remembered;
    },
  };
}
