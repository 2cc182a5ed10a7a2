import { z } from 'zod';

export const instagramConfig = z.object({
  accountId: z.string().regex(/^\d+$/, 'accountId is the Instagram professional account id, digits only').optional().meta({ description: 'The Instagram account the bot answers for (for your records).' }),
  appSecret: z.string().min(16, 'appSecret is the Meta app secret (App settings › Basic)').meta({ description: 'Signs every webhook (X-Hub-Signature-256).' }),
  verifyToken: z.string().min(8, 'verifyToken is at least 8 characters').meta({ description: 'The verify token you type in the webhook settings.' }),
  accessToken: z.string().min(20, 'accessToken is the access token of the Page linked to the account').meta({ description: 'Sends replies through the Send API.' }),
});

export type InstagramConfig = z.output<typeof instagramConfig>;
