import fs from 'node:fs';
import readline from 'node:readline/promises';
import { type Reply, productSchema, replySchema } from '@parley/shared';
import { compileFlow } from '@parley/runtime';
import { z } from 'zod';
import { parseArgs, serverUrl } from './args';
import { loadCatalog } from './catalog';
import { readFlowFile } from './flow-file';
import { createLocalChat } from './local-chat';
import { replyForTerminal } from './terminal-replies';

type Send = (line: string) => Promise<{ replies: Reply[]; notes: string[] }>;

const serverAnswer = z.object({ replies: z.array(replySchema) });
const serverError = z.object({ error: z.object({ message: z.string() }) });

/** Chats with a bot on a running server through its web channel. */
function remoteSender(botId: string): Send {
  const conversationId = `cli-${Date.now().toString(36)}`;
  return async (line) => {
    const body = line.startsWith('/tap ') ? { conversationId, payload: line.slice(5).trim() } : { conversationId, text: line };
    const response = await fetch(`${serverUrl()}/webhooks/web/${encodeURIComponent(botId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json: unknown = await response.json();
    const answer = serverAnswer.safeParse(json);
    if (answer.success) return { replies: answer.data.replies, notes: [] };
    const error = serverError.safeParse(json);
    return { replies: [], notes: [error.success ? error.data.error.message : `HTTP ${response.status}`] };
  };
}

async function localSender(file: string, productsFile: string | undefined): Promise<Send | string> {
  const read = readFlowFile(file);
  if (!read.ok) return read.message;
  const catalog = await loadCatalog();
  if (typeof catalog === 'string') return catalog;
  const compiled = compileFlow(read.flow, catalog);
  if (!compiled.ok) return `${file} cannot run:\n${compiled.problems.map((p) => `  ${p.message}`).join('\n')}`;
  let products: z.output<typeof productSchema>[] = [];
  if (productsFile) {
    const parsed = z.array(productSchema).safeParse(JSON.parse(fs.readFileSync(productsFile, 'utf8')));
    if (!parsed.success) return `${productsFile}: ${parsed.error.issues[0]?.message ?? 'not a product list'}`;
    products = parsed.data;
  }
  return createLocalChat(compiled.flow, products).send;
}

export async function runChat(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const [target] = positional;
  if (!target) {
    process.stderr.write('Usage: parley chat <flow.json | botId> [--products products.json]\n');
    return 2;
  }
  const sender = target.endsWith('.json') || fs.existsSync(target) ? await localSender(target, options.get('products')) : remoteSender(target);
  if (typeof sender === 'string') {
    process.stderr.write(`${sender}\n`);
    return 1;
  }
  process.stdout.write('Type a message (or a number to pick an option, /tap <payload>, /paid, /failed, /release, /quit).\n');
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  for await (const line of rl) {
    const text = line.trim();
    if (text === '/quit') break;
    if (text === '') continue;
    const { replies, notes } = await sender(text);
    for (const note of notes) process.stdout.write(`  · ${note}\n`);
    for (const reply of replies) process.stdout.write(`bot> ${replyForTerminal(reply).replaceAll('\n', '\n     ')}\n`);
  }
  rl.close();
  return 0;
}
