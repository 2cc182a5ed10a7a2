import { z } from 'zod';

export const telegramConfig = z.object({
  botToken: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'botToken is the token BotFather gave, such as 123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11')
    .meta({ description: "The bot's token from @BotFather." }),
  secretToken: z
    .string()
    .regex(/^[\w-]{16,256}$/, 'secretToken is 16–256 letters, digits, "_" or "-"')
    .meta({ description: 'The secret_token given to setWebhook: Telegram sends it back in X-Telegram-Bot-Api-Secret-Token.' }),
});

export type TelegramConfig = z.output<typeof telegramConfig>;
