import { z } from 'zod';

export const kakaoConfig = z.object({
  secretHeader: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'secretHeader is a header name: lowercase letters, digits and dashes')
    .default('x-parley-secret')
    .meta({ description: 'The header you add to the skill in Kakao i Open Builder (skill › headers).' }),
  secret: z.string().min(16, 'secret is at least 16 characters').meta({ description: 'Its value: a request without it is refused.' }),
  blockId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, 'blockId is the 24 hex characters of a block id')
    .optional()
    .meta({ description: 'The block that calls this skill (usually the fallback block): buttons then carry their exact payload.' }),
});

export type KakaoConfig = z.output<typeof kakaoConfig>;
