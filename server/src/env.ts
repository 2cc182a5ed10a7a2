import path from 'node:path';
import { z } from 'zod';

/** The server's configuration, parsed once from the environment at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PARLEY_DATA_DIR: z.string().default('./data'),
  PARLEY_DB: z.string().optional(),
  PARLEY_ADMIN_TOKEN: z.string().min(16, 'PARLEY_ADMIN_TOKEN must be at least 16 characters').optional(),
  PARLEY_PUBLIC_URL: z.url('PARLEY_PUBLIC_URL must be a full URL such as https://bots.example.com').optional(),
  PARLEY_EDITOR_DIR: z.string().optional(),
  PARLEY_SEED_EXAMPLES: z.enum(['true', 'false']).default('true'),
  PARLEY_LOG: z.enum(['silent', 'error', 'info']).default('info'),
  PARLEY_NODES: z.string().optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET must be the whsec_… signing secret of your Stripe webhook endpoint').optional(),
  /** Where Stripe's API is: set only to reach it through a proxy, or a local stand-in in tests. */
  STRIPE_API_URL: z.url().optional(),
  PARLEY_CHANNELS: z.string().optional(),
  PARLEY_SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'PARLEY_SECRET_KEY must be 32 random bytes in base64, such as the output of `openssl rand -base64 32`')
    .optional(),
  // Platform send APIs: configurable so tests (and proxies) can stand in for the platforms.
  PARLEY_META_API_URL: z.url('PARLEY_META_API_URL must be a full URL').default('https://graph.facebook.com/v21.0'),
  PARLEY_TELEGRAM_API_URL: z.url('PARLEY_TELEGRAM_API_URL must be a full URL').default('https://api.telegram.org'),
  PARLEY_LINE_API_URL: z.url('PARLEY_LINE_API_URL must be a full URL').default('https://api.line.me'),
  PARLEY_VIBER_API_URL: z.url('PARLEY_VIBER_API_URL must be a full URL').default('https://chatapi.viber.com'),
  PARLEY_WECHAT_API_URL: z.url('PARLEY_WECHAT_API_URL must be a full URL').default('https://api.weixin.qq.com'),
});

/** Base URLs of the platforms' send APIs, without a trailing slash. */
export interface ChannelApiUrls {
  meta: string;
  telegram: string;
  line: string;
  viber: string;
  wechat: string;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  adminToken: string | undefined;
  publicUrl: string;
  editorDir: string | undefined;
  seedExamples: boolean;
  log: 'silent' | 'error' | 'info';
  /** Modules of custom node types (`PARLEY_NODES`), as absolute paths. */
  customNodes: string[];
  /** Stripe Checkout, when a secret key is set: the `stripe` payment provider. */
  stripe: { secretKey: string; webhookSecret: string | undefined; apiUrl: string | undefined } | undefined;
  /** Modules of custom channels (`PARLEY_CHANNELS`), as absolute paths. */
  customChannels: string[];
  /** Encrypts secrets at rest; absent, a key file beside the database is used. */
  secretKey: Buffer | undefined;
  channelApis: ChannelApiUrls;
}

/** `PARLEY_NODES`, `PARLEY_CHANNELS`: comma-separated module paths, resolved from the current directory. */
export function nodeModulePaths(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => path.resolve(item));
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

export function parseConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const e = parsed.data;
  const dataDir = path.resolve(e.PARLEY_DATA_DIR);
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir,
      dbPath: e.PARLEY_DB === ':memory:' ? ':memory:' : path.resolve(e.PARLEY_DB ?? path.join(dataDir, 'parley.db')),
      adminToken: e.PARLEY_ADMIN_TOKEN,
      publicUrl: trimSlash(e.PARLEY_PUBLIC_URL ?? `http://localhost:${e.PORT}`),
      editorDir: e.PARLEY_EDITOR_DIR,
      seedExamples: e.PARLEY_SEED_EXAMPLES === 'true',
      log: e.PARLEY_LOG,
      customNodes: nodeModulePaths(e.PARLEY_NODES),
      stripe: e.STRIPE_SECRET_KEY ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiUrl: e.STRIPE_API_URL } : undefined,
      customChannels: nodeModulePaths(e.PARLEY_CHANNELS),
      secretKey: e.PARLEY_SECRET_KEY === undefined ? undefined : Buffer.from(e.PARLEY_SECRET_KEY, 'base64'),
      channelApis: {
        meta: trimSlash(e.PARLEY_META_API_URL),
        telegram: trimSlash(e.PARLEY_TELEGRAM_API_URL),
        line: trimSlash(e.PARLEY_LINE_API_URL),
        viber: trimSlash(e.PARLEY_VIBER_API_URL),
        wechat: trimSlash(e.PARLEY_WECHAT_API_URL),
      },
    },
  };
}
