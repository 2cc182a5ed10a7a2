/**
 * Updates as Telegram sends them (core.telegram.org/bots/api#update, #message, #callbackquery),
 * for the tests: a private chat's id equals its user's id.
 */
export const telegramUser = (id: number) => ({ id, is_bot: false, first_name: 'Ana', last_name: 'Silva', username: 'anasilva', language_code: 'pt-BR' });

export const telegramText = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId - 1000, from: telegramUser(chatId), chat: { id: chatId, first_name: 'Ana', last_name: 'Silva', username: 'anasilva', type: 'private' }, date: 1735689600, text },
});

export const telegramPhoto = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: {
    message_id: 77,
    from: telegramUser(chatId),
    chat: { id: chatId, type: 'private' },
    date: 1735689600,
    photo: [
      { file_id: 'AgACAgQAAxkBAAMFsmall', file_unique_id: 'AQADsmall', file_size: 1203, width: 90, height: 67 },
      { file_id: 'AgACAgQAAxkBAAMFlarge', file_unique_id: 'AQADlarge', file_size: 60211, width: 1280, height: 960 },
    ],
    caption: 'my shade',
  },
});

export const telegramLocation = (updateId: number, chatId: number) => ({
  update_id: updateId,
  message: { message_id: 78, from: telegramUser(chatId), chat: { id: chatId, type: 'private' }, date: 1735689600, location: { latitude: 38.722252, longitude: -9.139337 } },
});

/** A tap on an inline keyboard button: the message it sat on comes back with its keyboard. */
export const telegramCallback = (updateId: number, chatId: number, data: string, keyboard: { text: string; callback_data?: string; url?: string }[][]) => ({
  update_id: updateId,
  callback_query: {
    id: `4382bfdwdsb323b2d9${updateId}`,
    from: telegramUser(chatId),
    message: { message_id: 90, from: { id: 7000000001, is_bot: true, first_name: 'Petal & Pine', username: 'petalpine_bot' }, chat: { id: chatId, type: 'private' }, date: 1735689601, text: 'Pick one', reply_markup: { inline_keyboard: keyboard } },
    chat_instance: '-2750418916238712345',
    data,
  },
});

export const telegramEdited = (updateId: number, chatId: number) => ({
  update_id: updateId,
  edited_message: { message_id: 12, from: telegramUser(chatId), chat: { id: chatId, type: 'private' }, date: 1735689600, edit_date: 1735689700, text: 'hi!' },
});
