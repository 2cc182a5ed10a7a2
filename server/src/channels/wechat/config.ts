import { z } from 'zod';

export const wechatConfig = z.object({
  appId: z.string().regex(/^wx[0-9a-zA-Z]{16}$/, 'appId is "wx" and 16 letters or digits (Basic configuration)').meta({ description: 'The Official Account’s AppID.' }),
  appSecret: z.string().regex(/^[0-9a-zA-Z]{32}$/, 'appSecret is 32 letters or digits').meta({ description: 'Gets the access token for customer-service messages.' }),
  token: z.string().regex(/^[0-9a-zA-Z]{3,32}$/, 'token is 3–32 letters or digits').meta({ description: 'The Token of the server configuration: signs every request.' }),
  encodingAesKey: z
    .string()
    .regex(/^[0-9a-zA-Z]{43}$/, 'encodingAesKey is 43 letters or digits')
    .optional()
    .meta({ description: 'With it (safe mode), every message must come encrypted, and replies go back encrypted.' }),
});

export type WechatConfig = z.output<typeof wechatConfig>;
