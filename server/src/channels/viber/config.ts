import { z } from 'zod';

export const viberConfig = z.object({
  authToken: z.string().min(20, 'authToken is the bot token from the Viber admin panel').meta({ description: 'Signs every callback (X-Viber-Content-Signature) and sends replies.' }),
  senderName: z.string().trim().min(1).max(28, 'senderName is at most 28 characters').meta({ description: 'The name shown on the bot’s messages.' }),
  senderAvatar: z.url().optional().meta({ description: 'A picture shown beside the name.' }),
});

export type ViberConfig = z.output<typeof viberConfig>;
