import fs from 'node:fs';
import { parseArgs, serverUrl } from './args';

function adminHeaders(): Record<string, string> | string {
  const token = process.env.PARLEY_ADMIN_TOKEN;
  if (!token) return 'Set PARLEY_ADMIN_TOKEN to the token printed at the first start.';
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** `parley import flow.json --bot id`: replaces a bot's draft on a running server. */
export async function runImport(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const [file] = positional;
  const bot = options.get('bot');
  if (!file || !bot) {
    process.stderr.write('Usage: parley import <flow.json> --bot <botId>\n');
    return 2;
  }
  const headers = adminHeaders();
  if (typeof headers === 'string') {
    process.stderr.write(`${headers}\n`);
    return 2;
  }
  const response = await fetch(`${serverUrl()}/api/bots/${encodeURIComponent(bot)}/import`, { method: 'POST', headers, body: fs.readFileSync(file, 'utf8') });
  process.stdout.write(`${await response.text()}\n`);
  return response.ok ? 0 : 1;
}

/** `parley export botId [--version N]`: prints a bot's flow file. */
export async function runExport(args: string[]): Promise<number> {
  const { positional, options } = parseArgs(args);
  const [bot] = positional;
  if (!bot) {
    process.stderr.write('Usage: parley export <botId> [--version N]\n');
    return 2;
  }
  const headers = adminHeaders();
  if (typeof headers === 'string') {
    process.stderr.write(`${headers}\n`);
    return 2;
  }
  const version = options.get('version');
  const response = await fetch(`${serverUrl()}/api/bots/${encodeURIComponent(bot)}/export${version ? `?version=${encodeURIComponent(version)}` : ''}`, { headers });
  process.stdout.write(`${await response.text()}\n`);
  return response.ok ? 0 : 1;
}
