import { z } from 'zod';

export const whatsappConfig = z.object({
  phoneNumberId: z.string().regex(/^\d+$/, 'phoneNumberId is the WhatsApp phone number id, digits only').meta({ description: 'The business number the bot answers on; webhooks for other numbers are ignored.' }),
  appSecret: z.string().min(16, 'appSecret is the Meta app secret (App settings › Basic)').meta({ description: 'Signs every webhook (X-Hub-Signature-256).' }),
  verifyToken: z.string().min(8, 'verifyToken is at least 8 characters').meta({ description: 'The verify token you type in the webhook settings.' }),
  accessToken: z.string().min(20, 'accessToken is a system user access token with whatsapp_business_messaging').meta({ description: 'Sends replies through the Cloud API.' }),
  listButton: z.string().trim().min(1).max(20, 'listButton is at most 20 characters').default('Options').meta({ description: 'The label of the button that opens a list of 4 to 10 options.' }),
  templateName: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'templateName is an approved template’s name: lowercase letters, digits and underscores')
    .optional()
    .meta({ description: 'Sent instead of replies more than 24 hours after the customer’s last message; without it they are not sent.' }),
  templateLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'templateLanguage is the template’s language code, e.g. en_US')
    .default('en_US')
    .meta({ description: 'The language of the approved template.' }),
  templateBodyText: z.boolean().default(true).meta({ description: 'The template’s body takes one parameter, {{1}}: the replies’ text.' }),
});

export type WhatsappConfig = z.output<typeof whatsappConfig>;
