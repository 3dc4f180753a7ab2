/**
 * Real-shaped Telegram updates, as the Bot API delivers them to a webhook.
 */
let nextUpdateId = 100_000;
let nextMessageId = 1;

export interface TestUser {
  id: number;
  first_name: string;
  username?: string;
  language_code?: string;
}

export function user(id: number, languageCode = "en"): TestUser {
  return { id, first_name: `User ${id}`, username: `user${id}`, language_code: languageCode };
}

const chatOf = (from: TestUser) => ({ id: from.id, type: "private" as const, first_name: from.first_name, username: from.username });
const now = () => Math.floor(Date.now() / 1000);

export function textMessage(from: TestUser, text: string) {
  const entities = text.startsWith("/")
    ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }]
    : undefined;
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      from: { ...from, is_bot: false },
      chat: chatOf(from),
      date: now(),
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

export function callbackQuery(from: TestUser, data: string) {
  return {
    update_id: nextUpdateId++,
    callback_query: {
      id: String(nextUpdateId * 7),
      from: { ...from, is_bot: false },
      chat_instance: `ci-${from.id}`,
      data,
      message: { message_id: nextMessageId++, date: now(), chat: chatOf(from), text: "question" },
    },
  };
}

export function editedMessage(from: TestUser, text: string) {
  return {
    update_id: nextUpdateId++,
    edited_message: {
      message_id: nextMessageId++,
      from: { ...from, is_bot: false },
      chat: chatOf(from),
      date: now(),
      edit_date: now(),
      text,
    },
  };
}

export function sticker(from: TestUser) {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      from: { ...from, is_bot: false },
      chat: chatOf(from),
      date: now(),
      sticker: {
        file_id: "CAACAgIAAxkBAAEB",
        file_unique_id: "AgADAQAD",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    },
  };
}

export function photo(from: TestUser) {
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextMessageId++,
      from: { ...from, is_bot: false },
      chat: chatOf(from),
      date: now(),
      photo: [{ file_id: "AgACAgIAAxkBAAEC", file_unique_id: "AQADAgAD", width: 90, height: 90 }],
    },
  };
}
