import { CORE_RATING_KEYS } from "../../core/scoring";
export { seededRandom } from "../../db/seed/random";
import { WEBHOOK_SECRET } from "./product";
import { callbackQuery, textMessage, type TestUser } from "./telegram-updates";

export interface Walk {
  person: TestUser;
  /** The rating given to each of the 21 core items, in order. */
  ratings: Record<string, number>;
  /** Every update of the walk, from `/start` to the last answer, in order. */
  updates: ReturnType<typeof textMessage | typeof callbackQuery>[];
}

/** A respondent's whole way through registration and the score card, as Telegram would deliver it. */
export function scoreCardWalk(person: TestUser, inviteCode: string, random: () => number): Walk {
  const ratings = Object.fromEntries(CORE_RATING_KEYS.map((key) => [key, Math.floor(random() * 6)]));
  const updates = [
    textMessage(person, `/start ${inviteCode}`),
    callbackQuery(person, "a|language|en"),
    callbackQuery(person, "a|stakeholder_type|worker"),
    callbackQuery(person, "a|consent|yes"),
    ...CORE_RATING_KEYS.map((key) => callbackQuery(person, `a|${key}|${ratings[key]}`)),
    callbackQuery(person, "a|optional_issues|no"),
  ];
  return { person, ratings, updates };
}

/**
 * Posts an update the way Telegram does: until it is answered 200, retrying after connection errors and
 * 5xx answers (a server that is down or restarting). Returns how many attempts it took.
 */
export async function deliverUntilAccepted(url: string, update: unknown, deadline: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${url}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET },
        body: JSON.stringify(update),
      });
      await response.arrayBuffer();
      if (response.status === 200) return attempt;
      if (response.status < 500) throw new Error(`update refused with ${response.status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("update refused")) throw error;
    }
    if (Date.now() > deadline) throw new Error("gave up delivering an update");
    await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
  }
}
