import { serve } from "@hono/node-server";
import { Bot, webhookCallback } from "grammy";
import { Hono } from "hono";

/**
 * The baseline of the answer-path benchmark: a bare grammY bot on the same route, with the same
 * secret check, that replies to every update without reading or storing anything.
 */
const port = Number(process.env.PORT);
const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN ?? "", {
  client: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "" },
  botInfo: JSON.parse(process.env.BOT_INFO ?? "{}"),
});
bot.on("callback_query:data", async (ctx) => {
  await ctx.reply(`You chose ${ctx.callbackQuery.data}`);
  await ctx.answerCallbackQuery();
});
bot.on("message:text", (ctx) => ctx.reply(`You said ${ctx.message.text}`));

const app = new Hono();
app.post("/telegram/webhook", webhookCallback(bot, "hono", { secretToken: process.env.TELEGRAM_WEBHOOK_SECRET ?? "" }));
serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => console.log("Telegram webhook registered"));
