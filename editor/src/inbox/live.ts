import { inboxEventSchema } from '@parley/shared';

/** What is used of an EventSource (tests pass their own). */
export interface LiveSource {
  addEventListener(type: 'inbox', listener: (event: MessageEvent) => void): void;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  readonly readyState: number;
  close(): void;
}
const CLOSED = 2;

export interface LiveOptions {
  url?: string;
  /** Called for each well-formed `inbox` event. */
  onEvent(): void;
  /** Called when the stream (re)opens: events may have been missed meanwhile. */
  onOpen(): void;
  onStatus?(connected: boolean): void;
  /** The EventSource to use (tests pass their own). */
  create?: (url: string) => LiveSource;
  retryMs?: number;
}

/**
 * Follows GET /api/inbox/events. The browser retries a dropped stream by itself, but gives up for
 * good on an HTTP error (a restart answering 503): then a new stream is opened after a pause.
 * Returns the function that stops following.
 */
export function followInbox({ url = '/api/inbox/events', onEvent, onOpen, onStatus, create = (to) => new EventSource(to), retryMs = 3_000 }: LiveOptions): () => void {
  let source: LiveSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const handle = (event: MessageEvent) => {
    let data: unknown = null;
    try {
      data = JSON.parse(String(event.data));
    } catch {
      return;
    }
    if (inboxEventSchema.safeParse(data).success) onEvent();
  };

  function connect() {
    if (stopped) return;
    const current = create(url);
    source = current;
    current.addEventListener('inbox', handle);
    current.onopen = () => {
      onStatus?.(true);
      onOpen();
    };
    current.onerror = () => {
      onStatus?.(false);
      if (current.readyState !== CLOSED) return;
      current.close();
      retry = setTimeout(connect, retryMs);
    };
  }
  connect();
  return () => {
    stopped = true;
    clearTimeout(retry);
    source?.close();
  };
}
