import type { Result } from '../../errors';
import { parseMessaging } from '../meta/messaging';
import type { RawRequest, WebhookItem } from '../types';

/** Instagram messaging webhooks are `object: "instagram"` batches of messaging events. */
export const parseInstagram = (request: RawRequest): Result<WebhookItem[]> => parseMessaging(request, 'instagram', 'Instagram');
