import { z } from 'zod';

export const lineConfig = z.object({
  channelSecret: z.string().regex(/^[0-9a-f]{32}$/, 'channelSecret is the 32 hex characters of the channel secret (Basic settings)').meta({ description: 'Signs every webhook (x-line-signature).' }),
  channelAccessToken: z.string().min(20, 'channelAccessToken is the long-lived channel access token (Messaging API tab)').meta({ description: 'Sends replies.' }),
});

export type LineConfig = z.output<typeof lineConfig>;
