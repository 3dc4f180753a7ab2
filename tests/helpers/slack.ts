/**
 * Slack as the product meets it over HTTP: requests signed the way Slack signs them, in the shapes
 * Slack sends (Events API JSON, slash commands as forms, interactions as a form with a JSON
 * `payload`), and a local stand-in for the Web API that records every call at the HTTP boundary.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SLACK_SIGNING_SECRET } from "./product";

export const TEAM_ID = "T0SAMUH01";

export interface SlackApiCall {
  method: string;
  /** The call's arguments; `blocks` parsed back from the JSON the client sends. */
  args: Record<string, unknown> & { blocks?: SlackBlock[] };
  /** What the stand-in answered, e.g. the `ts` of a posted message. */
  response: Record<string, unknown>;
}

/** The parts of Block Kit the tests read. */
export interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string; url?: string }[];
}

async function readArgs(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw === "") return {};
  if ((request.headers["content-type"] ?? "").startsWith("application/json")) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of ["blocks", "attachments"]) {
    if (typeof args[field] === "string") args[field] = JSON.parse(args[field] as string);
  }
  return args;
}

/**
 * A stand-in for https://slack.com/api/: answers chat.* as Slack does (with a fresh `ts` for each
 * posted message) and keeps every call for the tests to read.
 */
export async function startFakeSlackApi() {
  const calls: SlackApiCall[] = [];
  let sequence = 0;
  /** How long each answer takes, to stand for a slow Slack. */
  let delayMs = 0;
  const nextTs = () => `1767000000.${String(++sequence).padStart(6, "0")}`;
  const server = createServer(async (request, response) => {
    const method = /^\/api\/([\w.]+)$/.exec(request.url ?? "")?.[1] ?? "unknown";
    const args = await readArgs(request);
    let result: Record<string, unknown> = { ok: true };
    if (method === "chat.postMessage") result = { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text } };
    if (method === "chat.postEphemeral") result = { ok: true, message_ts: nextTs() };
    if (method === "chat.update" || method === "chat.delete") result = { ok: true, channel: args.channel, ts: args.ts };
    calls.push({ method, args, response: result });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    /** Calls of one method, optionally only those to one channel. */
    callsOf(method: string, channel?: string): SlackApiCall[] {
      return calls.filter((call) => call.method === method && (channel === undefined || call.args.channel === channel));
    },
    /** Makes every later answer wait this long. */
    slowDown(ms: number) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

/** Slack's v0 signature of a body at a time (seconds). */
export function signature(body: string, timestamp: number, secret = SLACK_SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface Delivery {
  body: string;
  contentType: string;
}

export interface SendOptions {
  /** Signing time in seconds; now when absent. */
  timestamp?: number;
  /** A wrong secret, or null for no signature headers at all. */
  secret?: string | null;
  retryNum?: number;
}

/** POSTs a delivery to the product's Slack route as Slack would. */
export function sendToSlackRoute(productUrl: string, delivery: Delivery, options: SendOptions = {}): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = options.secret === undefined ? SLACK_SIGNING_SECRET : options.secret;
  return fetch(`${productUrl}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": delivery.contentType,
      ...(secret === null ? {} : { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature(delivery.body, timestamp, secret) }),
      ...(options.retryNum === undefined ? {} : { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" }),
    },
    body: delivery.body,
  });
}

const form = (fields: Record<string, string>): Delivery => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});

const json = (value: unknown): Delivery => ({ body: JSON.stringify(value), contentType: "application/json" });

export function urlVerification(challenge: string): Delivery {
  return json({ token: "legacy-token", challenge, type: "url_verification" });
}

/** A slash command as Slack POSTs it. */
export function slashCommand(command: string, text: string, where: { channel: string; user: string }): Delivery {
  return form({
    token: "legacy-token",
    team_id: TEAM_ID,
    team_domain: "samuh-test",
    channel_id: where.channel,
    channel_name: where.channel.startsWith("D") ? "directmessage" : "cluster-work",
    user_id: where.user,
    user_name: `cda-${where.user.toLowerCase()}`,
    command,
    text,
    api_app_id: "A0SAMUH01",
    is_enterprise_install: "false",
    response_url: "https://hooks.slack.com/commands/T0SAMUH01/1/abc",
    trigger_id: `${Date.now()}.1.${Math.random().toString(16).slice(2)}`,
  });
}

let eventSequence = 0;

/** An Events API delivery of one event. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${String(++eventSequence).padStart(8, "0")}`): Delivery {
  return json({
    token: "legacy-token",
    team_id: TEAM_ID,
    api_app_id: "A0SAMUH01",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: "U0SAMUHBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** `@Samuh words` in a thread: an app_mention event. */
export function appMention(where: { channel: string; user: string; ts: string; threadTs?: string }, words: string): Delivery {
  return eventCallback({
    type: "app_mention",
    user: where.user,
    text: `<@U0SAMUHBOT> ${words}`,
    ts: where.ts,
    channel: where.channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
}

/** A person's message in a thread: a message event. */
export function threadMessage(where: { channel: string; user: string; ts: string; threadTs: string }, text: string): Delivery {
  return eventCallback({ type: "message", channel_type: "channel", user: where.user, text, ts: where.ts, channel: where.channel, thread_ts: where.threadTs });
}

let actionSequence = 0;

/**
 * A tap on a button of a message the app posted: a block_actions interaction carrying that message
 * as Slack shows it (its ts, thread and blocks).
 */
export function buttonTap(
  where: { channel: string; user: string },
  message: { ts: string; threadTs?: string; text?: string; blocks: SlackBlock[] },
  button: { action_id: string; value: string; text: string; block_id?: string },
): Delivery {
  const actionTs = `1767100000.${String(++actionSequence).padStart(6, "0")}`;
  return form({
    payload: JSON.stringify({
      type: "block_actions",
      user: { id: where.user, username: `cda-${where.user.toLowerCase()}`, name: `cda-${where.user.toLowerCase()}`, team_id: TEAM_ID },
      api_app_id: "A0SAMUH01",
      token: "legacy-token",
      container: { type: "message", message_ts: message.ts, channel_id: where.channel, is_ephemeral: false, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
      trigger_id: `${actionTs}.trigger`,
      team: { id: TEAM_ID, domain: "samuh-test" },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: where.channel, name: "cluster-work" },
      message: {
        type: "message",
        user: "U0SAMUHBOT",
        bot_id: "B0SAMUHBOT",
        ts: message.ts,
        text: message.text ?? "",
        blocks: message.blocks,
        ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      },
      state: { values: {} },
      response_url: "https://hooks.slack.com/actions/T0SAMUH01/1/abc",
      actions: [
        {
          type: "button",
          action_id: button.action_id,
          block_id: button.block_id ?? "b",
          text: { type: "plain_text", text: button.text, emoji: true },
          value: button.value,
          action_ts: actionTs,
        },
      ],
    }),
  });
}

/** Every button of a message, with the block it sits in. */
export function buttonsOf(blocks: SlackBlock[] | undefined) {
  return (blocks ?? []).flatMap((block) =>
    (block.elements ?? [])
      .filter((element) => element.type === "button")
      .map((element) => ({
        action_id: element.action_id ?? "",
        value: element.value ?? "",
        text: typeof element.text === "object" ? element.text.text : (element.text ?? ""),
        ...(block.block_id ? { block_id: block.block_id } : {}),
      })),
  );
}

/** The text a person reads in a message: its sections and context lines, in order. */
export function textOf(blocks: SlackBlock[] | undefined): string {
  return (blocks ?? [])
    .flatMap((block) => [
      ...(block.text ? [block.text.text] : []),
      ...(block.type === "context" ? (block.elements ?? []).map((element) => (typeof element.text === "string" ? element.text : "")) : []),
    ])
    .join("\n");
}
