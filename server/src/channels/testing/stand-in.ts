import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';

/** One call a channel made to the platform's API, as the stand-in received it. */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface PlatformAnswer {
  status?: number;
  json?: unknown;
  text?: string;
  /** Response headers, such as Retry-After. */
  headers?: Record<string, string>;
}

export interface StandIn {
  /** Base URL to put in the channel's PARLEY_*_API_URL. */
  url: string;
  calls: RecordedCall[];
  close(): Promise<void>;
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A local HTTP server (port 0) playing a platform's send API: it records every call and answers as
 * `answer` says (at once or later), which is where a test checks each call's shape the way the platform would.
 */
export async function startStandIn(answer: (call: RecordedCall) => PlatformAnswer | Promise<PlatformAnswer>): Promise<StandIn> {
  const calls: RecordedCall[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void readAll(request).then(async (text) => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[name] = value;
      const call: RecordedCall = { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, text, json: parseJson(text) };
      calls.push(call);
      let reply: PlatformAnswer;
      try {
        reply = await answer(call);
      } catch (error) {
        reply = { status: 500, text: error instanceof Error ? error.message : String(error) };
      }
      response.statusCode = reply.status ?? 200;
      for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
      if (reply.json !== undefined) {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(reply.json));
      } else response.end(reply.text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stand-in is not listening on a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    calls,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
