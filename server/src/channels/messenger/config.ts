import { z } from 'zod';

export const messengerConfig = z.object({
  pageId: z.string().regex(/^\d+$/, 'pageId is the Facebook Page id, digits only').optional().meta({ description: 'The Page the bot answers for (for your records).' }),
  appSecret: z.string().min(16, 'appSecret is the Meta app secret (App settings › Basic)').meta({ description: 'Signs every webhook (X-Hub-Signature-256).' }),
  verifyToken: z.string().min(8, 'verifyToken is at least 8 characters').meta({ description: 'The verify token you type in the webhook settings.' }),
  pageAccessToken: z.string().min(20, 'pageAccessToken is the Page access token').meta({ description: 'Sends replies through the Send API.' }),
  messageTag: z
    .enum(['ACCOUNT_UPDATE', 'POST_PURCHASE_UPDATE', 'CONFIRMED_EVENT_UPDATE'])
    .optional()
    .meta({ description: 'Sends replies more than 24 hours after the customer’s last message with this message tag; without it they are not sent. Use it only for what the tag allows.' }),
});

export type MessengerConfig = z.output<typeof messengerConfig>;
