import { type MessagingLimits, createMessagingRenderer } from '../meta/render';
import { MESSENGER_LIMITS } from '../messenger/render';

/** Instagram takes Messenger's templates and quick replies; its texts stop at 1000 characters. */
export const INSTAGRAM_LIMITS: MessagingLimits = { ...MESSENGER_LIMITS, text: 1000 };

export const renderInstagram = createMessagingRenderer(INSTAGRAM_LIMITS);
