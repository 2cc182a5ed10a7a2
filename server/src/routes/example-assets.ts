import fs from 'node:fs';
import path from 'node:path';
import { examplesDir } from '@parley/examples';
import { Hono } from 'hono';
import { errorResponse, notFound } from '../errors';

const types: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };
const SAFE_NAME = /^[a-z0-9][a-z0-9-]*$/;
const SAFE_FILE = /^[a-z0-9][a-z0-9._-]*\.(svg|png|jpe?g|webp)$/;

/** Pictures the example bots send (`/assets/examples/<bot>/<file>`), public like any media link. */
export function exampleAssetRoutes() {
  return new Hono().get('/:bot/:file', (c) => {
    const { bot, file } = c.req.param();
    const fullPath = path.join(examplesDir, bot, 'assets', file);
    if (!SAFE_NAME.test(bot) || !SAFE_FILE.test(file) || !fs.existsSync(fullPath)) return errorResponse(c, notFound('Asset', `${bot}/${file}`));
    c.header('content-type', types[path.extname(file)] ?? 'application/octet-stream');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(fs.readFileSync(fullPath));
  });
}
