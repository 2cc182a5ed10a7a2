import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { type AppError, type Result, errorBody, internalErrorBody } from '../errors';
import { answerWebMessage, isWebMessage, webMessageSchema } from '../routes/web';
import type { TurnPipeline } from '../turns/pipeline';
import { invalidInput, isJsonMediaType } from './validate';

/** The largest web message body, as the app's limit on /webhooks/web/*. */
export const WEB_MESSAGE_MAX_BYTES = 64 * 1024;

const MESSAGE_PATH = /^\/webhooks\/web\/([A-Za-z0-9_-]+)$/;

// Hono's validator's words for a body that is not JSON, so that both paths answer alike.
const malformedJson: AppError = { status: 400, code: 'bad_request', message: 'Malformed JSON in request body' };

/**
 * Customers' web messages (`POST /webhooks/web/:botId`) served from Node's request itself, in front of
 * the app: the same validation and pipeline as the route, without turning the request into a Fetch
 * `Request` and the answer back (measured: about a tenth of the CPU of a turn). Whatever this does not
 * take whole before reading the body (another method or path, no declared length, too large, not
 * JSON) goes to the app, which answers it as for any request.
 */
export function webMessageListener(pipeline: TurnPipeline, app: RequestListener): RequestListener {
  return (req, res) => {
    const botId = req.method === 'POST' ? MESSAGE_PATH.exec(req.url ?? '')?.[1] : undefined;
    const length = Number(req.headers['content-length']);
    if (botId === undefined || !(length <= WEB_MESSAGE_MAX_BYTES) || req.headers['transfer-encoding'] !== undefined || !isJsonMediaType(req.headers['content-type'])) {
      app(req, res);
      return;
    }
    readBody(req, (body) => {
      const unexpected = (error: unknown) => {
        console.error('Unexpected error', error);
        send(res, 500, JSON.stringify(internalErrorBody));
      };
      try {
        answer(pipeline, botId, body).then(({ status, json }) => send(res, status, json), unexpected);
      } catch (error) {
        // A bug before the answer's promise was made: still a 500 for this request, not a crash.
        unexpected(error);
      }
    });
  };
}

// Not async, as the pipeline's path it ends (see `runAndCommit` in turns/pipeline.ts).
function answer(pipeline: TurnPipeline, botId: string, body: string): Promise<{ status: number; json: string }> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return Promise.resolve(failure(malformedJson));
  }
  // Most messages pass the guard compiled from the schema; any other is parsed, or refused, by the schema.
  if (isWebMessage(value)) return answerWebMessage(pipeline, botId, value).then(reply);
  const message = webMessageSchema.safeParse(value);
  if (!message.success) return Promise.resolve(failure(invalidInput(message.error.issues, 'Body')));
  return answerWebMessage(pipeline, botId, message.data).then(reply);
}

const reply = (answered: Result<string>) => (answered.ok ? { status: 200, json: answered.value } : failure(answered.error));

const failure = (error: AppError) => ({ status: error.status, json: JSON.stringify(errorBody(error)) });

function readBody(req: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => done(chunks.length === 1 && chunks[0] ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8')));
  // A customer who hung up mid-body: nothing was received, nothing runs.
  req.on('error', () => req.destroy());
}

function send(res: ServerResponse, status: number, json: string): void {
  // The web widget posts from customers' own sites: as the app's CORS on /webhooks/web/*.
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'access-control-allow-origin': '*' });
  res.end(json);
}
