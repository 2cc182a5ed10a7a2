import { z } from 'zod';

export const whatsappConfig = z.object({
  phoneNumberId: z.string().regex(/^\d+$/, 'phoneNumberId is the WhatsApp phone number id, digits only').meta({ description: 'The business number the bot answers on; webhooks for other numbers are ignored.' }),
  appSecret: z.string().min(16, 'appSecret is the Meta app secret (App settings › Basic)').meta({ description: 'Signs every webhook (X-Hub-Signature-256).' }),
  verifyToken: z.string().min(8, 'verifyToken is at least 8 characters').meta({ description: 'The verify token you type in the webhook settings.' }),
  accessToken: z.string().min(20, 'accessToken is a system user access token with whatsapp_business_messaging').meta({ description: 'Sends replies through the Cloud API.' }),
  listButton: z.string().trim().min(1).max(20, 'listButton is at most 20 characters').default('Options').meta({ description: 'The label of the button that opens a list of 4 to 10 options.' }),
});

export type WhatsappConfig = z.output<typeof whatsappConfig>;
