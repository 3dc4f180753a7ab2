import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORE_RATING_KEYS } from "../../core/scoring";
import { clusterRepository } from "../../db/repositories/clusters";
import { LANGUAGES, resources } from "../../locales";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user } from "../helpers/telegram-updates";

type Tree = { [key: string]: string | Tree };

function texts(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : texts(value)));
}

/** Pieces of English long enough to be recognised, between placeholders. */
function fragments(namespaces: Record<string, Tree>): Set<string> {
  const found = new Set<string>();
  for (const tree of Object.values(namespaces)) {
    for (const text of texts(tree)) {
      for (const piece of text.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|\n/)) {
        const trimmed = piece.trim();
        if (trimmed.length >= 12) found.add(trimmed);
      }
    }
  }
  return found;
}

const english = fragments(resources.en as Record<string, Tree>);

let botApi: FakeBotApi;
let product: Product;

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  await clusterRepository(product.db).create({
    id: "chanderi",
    name: "Chanderi handloom",
    inviteCode: "CHANDERI",
    profile: { "economic.value_chain_importance": 3, "economic.raw_materials": 4, "economic.turnover": 2, "economic.exports": 1, "economic.employment": 4 },
    now: new Date().toISOString(),
  });
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

describe("the whole score card in every language", () => {
  it.each(LANGUAGES.map((language, index) => ({ ...language, index })))(
    "$nativeName ($code): first message to summary with no English fallback",
    async ({ code, index }) => {
      const person = user(950_000 + index, code);
      const walk = [
        textMessage(person, "/start CHANDERI"),
        callbackQuery(person, `a|language|${code}`),
        callbackQuery(person, "a|stakeholder_type|worker"),
        callbackQuery(person, "a|consent|yes"),
        ...CORE_RATING_KEYS.map((key, position) => callbackQuery(person, `a|${key}|${position % 6}`)),
        callbackQuery(person, "a|optional_issues|no"),
      ];
      for (const update of walk) expect((await product.deliver(update)).status).toBe(200);

      const messages = botApi.messagesTo(person.id);
      expect(messages).toHaveLength(walk.length);
      // Pieces of English that this language legitimately shares (names, acronyms) are not fallbacks.
      const own = fragments(resources[code] as Record<string, Tree>);
      const foreign = code === "en" ? [] : [...english].filter((fragment) => !own.has(fragment));
      for (const message of messages) {
        const shown = [message.text, ...(message.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [])].join("\n");
        expect(shown).not.toMatch(/\b(bot|engine|questionnaires|scoring|schemes):[a-z_]/);
        for (const fragment of foreign) expect(shown, `${code} shows English "${fragment}"`).not.toContain(fragment);
      }
      expect(messages.at(-1)!.text).toContain("Chanderi handloom");
    },
  );
});
