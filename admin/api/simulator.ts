import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { z } from "zod";
import { DECLARATION_QUESTIONNAIRE } from "../../core/declarations";
import { createEngine, EngineError, type Input, type SessionState, type Step } from "../../core/engine";
import { findItem } from "../../core/questionnaire";
import { defaultCatalogue, registration, scoreCard } from "../../core/questionnaires";
import { decodeAction } from "../../bot/conversation/actions";
import { presentPrompts } from "../../bot/conversation/present";
import { renderText } from "../../bot/conversation/reply";
import { createI18n } from "../../bot/i18n";
import { LANGUAGES, type LanguageCode } from "../../locales/languages";
import type { ApiEnv, Guard } from "../auth/guard";
import type { ConsoleRole } from "../auth/roles";
import type { ApiDeps } from "./deps";
import { readBody, validate } from "./validation";

/** What the console may simulate, by the name its page offers, and the questionnaire each runs. */
const SIMULATED = { score_card: scoreCard.id, registration: registration.id, declaration: DECLARATION_QUESTIONNAIRE } as const;
const SIMULATED_IDS = Object.values(SIMULATED) as [string, ...string[]];

const languageSchema = z.enum(LANGUAGES.map((language) => language.code) as [LanguageCode, ...LanguageCode[]]);
const itemId = z.string().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });

/** Generous bounds on what a page could send back: the longest questionnaire has a few dozen items. */
const MAX_ITEMS = 200;

const sessionSchema = z.strictObject({
  format: z.literal(1),
  sessionId: z.string().min(1).max(100),
  questionnaire: z.strictObject({ id: z.enum(SIMULATED_IDS), version: z.number().int().min(1) }),
  status: z.enum(["active", "completed"]),
  cursor: itemId.nullable(),
  answers: z.record(
    itemId,
    z.strictObject({ value: z.union([z.number().finite(), z.string().max(2000), z.null()]), at: isoTime, note: z.string().max(1000).optional() }),
  ),
  trail: z.array(itemId).max(MAX_ITEMS),
  reopenedItem: itemId.nullable(),
  startedAt: isoTime,
  updatedAt: isoTime,
  completedAt: isoTime.nullable(),
}) satisfies z.ZodType<SessionState>;

/** The page keeps this between turns: the engine's session and the language it is shown in. */
const stateSchema = z.strictObject({ language: languageSchema, session: sessionSchema });
type SimulatorState = z.infer<typeof stateSchema>;

const inputSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("answer"), value: z.string().max(1000), itemId: itemId.optional() }),
  z.strictObject({ type: z.literal("dont_know"), itemId: itemId.optional() }),
  z.strictObject({ type: z.literal("skip"), itemId: itemId.optional() }),
  z.strictObject({ type: z.literal("back") }),
  z.strictObject({ type: z.literal("restart") }),
  z.strictObject({ type: z.literal("status") }),
  z.strictObject({ type: z.literal("reopen"), itemId }),
]) satisfies z.ZodType<Input>;

const startSchema = z.strictObject({
  questionnaire: z.enum(Object.keys(SIMULATED) as [keyof typeof SIMULATED, ...(keyof typeof SIMULATED)[]]),
  language: languageSchema,
});
const stepSchema = z.strictObject({ state: z.unknown(), input: inputSchema });

/** A button as the page shows it: its label, and the input that tapping it posts back. */
export interface SimulatorButton {
  label: string;
  input: Input;
}

export interface SimulatorMessage {
  text: string;
  buttons: SimulatorButton[][];
}

/** A bot button's action as the engine input it stands for; the questionnaire's buttons are only these. */
function inputOf(action: string): Input | null {
  const decoded = decodeAction(action);
  switch (decoded?.type) {
    case "answer":
      return { type: "answer", value: decoded.value, itemId: decoded.itemId };
    case "dont_know":
    case "skip":
      return { type: decoded.type, itemId: decoded.itemId };
    case "back":
      return { type: "back" };
    default:
      return null;
  }
}

/**
 * A state the engine can run: well-formed (zod), and consistent with its questionnaire, since a page
 * may send back anything. Every failure is the caller's, so a 400.
 */
function checkedState(value: unknown): SimulatorState {
  const state = validate(stateSchema, value, "state");
  const { questionnaire, cursor, answers, trail, reopenedItem } = state.session;
  const definition = defaultCatalogue.get(questionnaire.id, questionnaire.version);
  if (!definition) throw new HTTPException(400, { message: `Invalid state: there is no ${questionnaire.id} v${questionnaire.version}.` });
  const referenced = [cursor, reopenedItem, ...trail, ...Object.keys(answers)].filter((id): id is string => id !== null);
  const unknown = referenced.find((id) => !findItem(definition, id));
  if (unknown !== undefined) throw new HTTPException(400, { message: `Invalid state: ${questionnaire.id} has no item ${unknown}.` });
  return state;
}

/**
 * `/simulator`: a console user answers a questionnaire as a respondent would, through the bots'
 * engine and their rendering, to check wording and flow in any language. The page keeps the state
 * and posts it back each turn; nothing is stored, so anyone signed in may use it.
 */
export function simulatorRoutes(deps: ApiDeps, guard: (minimumRole: ConsoleRole) => Guard) {
  const { clock, newId } = deps;
  const engine = createEngine(defaultCatalogue);
  const i18n = createI18n();

  async function answer(step: Step, language: LanguageCode) {
    const translate = (await i18n).forLanguage(language);
    const tr = (key: string, params?: Record<string, unknown>) => translate(key, params ?? {}) as string;
    const messages: SimulatorMessage[] = presentPrompts(step.prompts).map((reply) => ({
      // Joined as the Telegram bot joins a reply's lines.
      text: reply.lines.map((line) => renderText(line, tr)).join("\n\n"),
      buttons: (reply.buttons ?? []).map((row) =>
        row.flatMap((button) => {
          const input = inputOf(button.action);
          return input ? [{ label: renderText(button.label, tr), input }] : [];
        }),
      ),
    }));
    const state: SimulatorState = { language, session: step.state };
    return { state, messages };
  }

  /** Engine errors here come from a state the page made up (a version's item order, say): a 400. */
  function run(turn: () => Step): Step {
    try {
      return turn();
    } catch (error) {
      if (error instanceof EngineError) throw new HTTPException(400, { message: `Invalid state: ${error.message}` });
      throw error;
    }
  }

  return new Hono<ApiEnv>()
    .post("/start", guard("viewer"), async (c) => {
      const { questionnaire, language } = await readBody(c, startSchema);
      const step = run(() => engine.start({ id: SIMULATED[questionnaire] }, { now: clock().toISOString(), sessionId: `simulator-${newId()}` }));
      return c.json(await answer(step, language));
    })
    .post("/step", guard("viewer"), async (c) => {
      const body = await readBody(c, stepSchema);
      const { language, session } = checkedState(body.state);
      const step = run(() => engine.resume(session, body.input, { now: clock().toISOString() }));
      return c.json(await answer(step, language));
    });
}
