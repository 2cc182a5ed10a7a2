import type { Result } from '../../errors';
import { parseMessaging } from '../meta/messaging';
import type { RawRequest, WebhookItem } from '../types';

/** Messenger webhooks are `object: "page"` batches of messaging events. */
export const parseMessenger = (request: RawRequest): Result<WebhookItem[]> => parseMessaging(request, 'page', 'Messenger');
