import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError } from "@slack/bolt";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ProcessedUpdateRepository } from "../../db/repositories/processed-updates";
import type { Logger } from "../logger";
import { slackSignatureVerifier } from "./verify";

/** Slack's payloads are a few kilobytes; anything near this is not from Slack. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** Where claimed Events API deliveries are recorded in processed_updates. */
export const EVENT_DELIVERY_SOURCE = "slack-events";

type Payload = Record<string, unknown>;

export interface SlackReceiverOptions {
  signingSecret: string;
  deliveries: ProcessedUpdateRepository;
  logger: Logger;
  /** Milliseconds since the epoch, for the signature's age and the delivery record. */
  now: () => number;
}

/** Events come as JSON; slash commands as a form; interactions as a form with one JSON `payload` field. */
function parsePayload(body: string, contentType: string | undefined): Payload | null {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(body);
      const interaction = form.get("payload");
      return interaction === null ? Object.fromEntries(form) : (JSON.parse(interaction) as Payload);
    }
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Payload) : null;
  } catch {
    return null;
  }
}

function ackResponse(body: unknown): Response {
  if (body === undefined || body === null || body === "") return new Response(null, { status: 200 });
  if (typeof body === "string") return new Response(body, { status: 200 });
  return Response.json(body);
}

function retryNumber(header: string | undefined): number | undefined {
  const value = header === undefined ? Number.NaN : Number.parseInt(header, 10);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Lets the work go on after the response: on Workers an isolate may stop once the response is sent
 * unless told to wait; Node has no execution context and keeps running anyway.
 */
function keepAlive(c: Context, work: Promise<unknown>) {
  let context: Context["executionCtx"] | undefined;
  try {
    context = c.executionCtx;
  } catch {
    context = undefined;
  }
  context?.waitUntil(work);
}

/**
 * Bolt's receiver for `POST /slack/events` on hono, so that Slack runs in the product's one HTTP app
 * on Node and on Workers. It verifies the signature before reading anything, answers URL
 * verification, claims each Events API delivery once (Slack retries an event it thinks was not
 * acknowledged, with the same `event_id`), and hands the rest to Bolt. The response goes out as soon
 * as a listener acknowledges (within Slack's 3 seconds); the listener's work goes on after it.
 *
 * A claimed event whose work then fails is not retried: acknowledging first means Slack will not
 * deliver it again either, so the failure is logged.
 */
export class HonoReceiver implements Receiver {
  #app: App | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #verify: ReturnType<typeof slackSignatureVerifier>;

  constructor(private readonly options: SlackReceiverOptions) {
    this.#verify = slackSignatureVerifier(options.signingSecret);
  }

  init(app: App): void {
    this.#app = app;
  }

  /** Nothing to listen on: the hono app receives the requests. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    await this.drain();
  }

  /** Resolves once the work of every request received so far is done (for shutdown and tests). */
  async drain(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  routes(): Hono {
    const routes = new Hono();
    routes.post(
      "/",
      bodyLimit({
        maxSize: MAX_REQUEST_BYTES,
        onError: () => {
          // The rest of the upload is never read, so the connection cannot carry another request.
          const res = Response.json({ error: "request too large" }, { status: 413, headers: { connection: "close" } });
          throw new HTTPException(413, { res });
        },
      }),
      async (c) => {
        const body = await c.req.text();
        const signed = { timestamp: c.req.header("x-slack-request-timestamp"), signature: c.req.header("x-slack-signature"), body };
        if (!(await this.#verify(signed, this.options.now()))) throw new HTTPException(401, { message: "bad or stale signature" });
        const payload = parsePayload(body, c.req.header("content-type"));
        if (!payload) throw new HTTPException(400, { message: "not a Slack payload" });
        switch (payload.type) {
          case "url_verification":
            return c.json({ challenge: payload.challenge });
          case "ssl_check":
            return c.body(null, 200);
          case "event_callback":
            if (typeof payload.event_id !== "string") throw new HTTPException(400, { message: "event without event_id" });
            if (!(await this.#claim(payload.event_id))) return c.body(null, 200);
        }
        return this.#dispatch(c, payload);
      },
    );
    return routes;
  }

  async #claim(eventId: string): Promise<boolean> {
    const claimed = await this.options.deliveries.markProcessed(EVENT_DELIVERY_SOURCE, eventId, new Date(this.options.now()).toISOString());
    if (!claimed) this.options.logger.info({ eventId }, "Slack redelivered an event already handled");
    return claimed;
  }

  #dispatch(c: Context, payload: Payload): Promise<Response> {
    const app = this.#app;
    if (!app) throw new Error("the Slack receiver was not given to a Bolt app");
    let acknowledged = false;
    // The HTTP response is whatever comes first: the acknowledgement, or the end of the work without
    // one. Resolving it again later changes nothing.
    let respond!: (response: Response) => void;
    const response = new Promise<Response>((resolve) => (respond = resolve));
    const retryNum = retryNumber(c.req.header("x-slack-retry-num"));
    const event: ReceiverEvent = {
      body: payload,
      ack: async (answer?: unknown) => {
        if (acknowledged) throw new ReceiverMultipleAckError();
        acknowledged = true;
        respond(ackResponse(answer));
      },
      ...(retryNum === undefined ? {} : { retryNum, retryReason: c.req.header("x-slack-retry-reason") ?? "" }),
    };
    const work: Promise<void> = app
      .processEvent(event)
      .then(
        // When no listener acknowledged it (an unknown command or button), Slack still needs its 200.
        () => respond(new Response(null, { status: 200 })),
        (error: unknown) => {
          this.options.logger.error({ err: error, type: payload.type }, "Slack request failed");
          respond(Response.json({ error: "internal error" }, { status: 500 }));
        },
      )
      .finally(() => this.#inFlight.delete(work));
    this.#inFlight.add(work);
    keepAlive(c, work);
    return response;
  }
}
