import {
  adherence,
  CONFIRMATION_QUESTIONNAIRE,
  DECLARATION_QUESTIONNAIRE,
  DECLARATION_QUESTIONNAIRES,
  declaredAnswers,
  elementsOf,
  principleSetOf,
  sessionAnswers,
  type DeclaredAnswers,
} from "../../core/declarations";
import type { Engine } from "../../core/engine";
import type { Input, SessionState, Step, StoredAnswer } from "../../core/engine/types";
import type { Definition } from "../../core/questionnaire";
import { SIZE_CLASSES } from "../../core/questionnaires";
import type { Database } from "../../db/database";
import { declarationRepository } from "../../db/repositories/declarations";
import { enterpriseRepository } from "../../db/repositories/enterprises";
import type { RespondentPatch } from "../../db/repositories/respondents";
import { sessionRepository } from "../../db/repositories/sessions";
import type { Declaration, Enterprise, Respondent, Session } from "../../db/schema";
import type { Notifier } from "../notify";
import { text, type Reply } from "./reply";

export interface DeclarationFlowDeps {
  db: Database;
  engine: Engine;
  newId: () => string;
}

type Replies = Reply[] | "conflict" | "duplicate";

/** What the flow needs from the journey's handling of one update. */
export interface DeclarationTurn {
  respondent: Respondent;
  now: string;
  /** Stores a new session's first step and presents it, as the journey does for every questionnaire. */
  open(step: Step, intro: Reply["lines"]): Promise<Replies>;
  /** Applies an input to a stored session, stores the step and presents it. */
  resume(session: Session, input: Input, intro: Reply["lines"]): Promise<Replies>;
  update(patch: RespondentPatch): Promise<void>;
}

export interface DeclarationFlow {
  /** Whether a questionnaire belongs to this flow, so the journey hands its steps here. */
  handles(questionnaireId: string): boolean;
  /** `/declare`: opens a declaration, or an amendment starting from the current one's answers. */
  declare(turn: DeclarationTurn): Promise<Replies>;
  /** After a stored step: the summary and confirmation once the elements are answered, then the receipt. */
  followUp(turn: DeclarationTurn, state: SessionState, step: Step): Promise<Reply[]>;
}

const latestDefinition = (): Definition => {
  const definition = DECLARATION_QUESTIONNAIRES.at(-1);
  if (!definition) throw new Error("no declaration questionnaire is defined");
  return definition;
};

const definitionOf = (version: number): Definition | undefined => DECLARATION_QUESTIONNAIRES.find((d) => d.version === version);

const percent = (share: number) => Math.round(share * 100);

/**
 * A BR declaration by chat (SPEC §7), for any channel: who may declare, the elements principle by
 * principle, the summary, the affirmation with name and role, and the receipt. The journey calls in on
 * `/declare` and after each stored step of the two declaration questionnaires.
 */
export function createDeclarationFlow(deps: DeclarationFlowDeps): DeclarationFlow {
  const sessions = sessionRepository(deps.db);
  const enterprises = enterpriseRepository(deps.db);
  const declarations = declarationRepository(deps.db);

  /**
   * The respondent's enterprise. Registration asks an owner for the enterprise's name and size; the
   * enterprise itself is created the first time its owner declares, from those answers.
   */
  async function enterpriseOf(turn: DeclarationTurn, registration: Session): Promise<Enterprise | null> {
    const { respondent } = turn;
    if (respondent.enterpriseId) return enterprises.get(respondent.enterpriseId);
    if (!respondent.clusterId) return null;
    const answers = registration.state.answers;
    const name = answers.enterprise_name?.value;
    const size = answers.size_class?.value;
    const whole = (answer: StoredAnswer | undefined) => (typeof answer?.value === "number" ? answer.value : null);
    const enterprise = await enterprises.create({
      id: deps.newId(),
      clusterId: respondent.clusterId,
      name: typeof name === "string" ? name : null,
      sizeClass: SIZE_CLASSES.find((value) => value === size) ?? null,
      workforceTotal: whole(answers.workforce_total),
      workforceWomen: whole(answers.workforce_women),
      now: turn.now,
    });
    await turn.update({ enterpriseId: enterprise.id });
    return enterprise;
  }

  /** Registered, consenting, and the owner's side of an enterprise: who may declare. */
  async function declarant(turn: DeclarationTurn): Promise<{ enterprise: Enterprise } | { refusal: Reply }> {
    const registration = await sessions.latest(turn.respondent.id, "registration");
    const registered = registration?.status === "completed" && registration.state.answers.consent?.value === "yes";
    if (!registration || !registered || !turn.respondent.clusterId) return { refusal: { lines: [text("declarations:chat.register_first")] } };
    if (turn.respondent.stakeholderType !== "core_firm_owner") return { refusal: { lines: [text("declarations:chat.owners_only")] } };
    const enterprise = await enterpriseOf(turn, registration);
    return enterprise ? { enterprise } : { refusal: { lines: [text("declarations:chat.register_first")] } };
  }

  /** The line that says which declaration an amendment replaces, and why. */
  function amendmentLine(current: Declaration): Reply["lines"][number] {
    if (current.status === "returned") {
      return text("declarations:chat.amend_returned", { code: current.shortCode, reason: current.reviewReason ?? "" });
    }
    return text(current.status === "approved" ? "declarations:chat.amend_approved" : "declarations:chat.amend_submitted", {
      code: current.shortCode,
    });
  }

  /**
   * The answers an amendment starts from: the current declaration's, or else those of a finished
   * session the person chose not to store, so that nothing they answered is asked from scratch.
   */
  async function startingAnswers(respondentId: string, current: Declaration | null, definition: Definition, now: string) {
    if (current) return sessionAnswers(definition, current.answers, now);
    const unstored = await sessions.latest(respondentId, DECLARATION_QUESTIONNAIRE);
    if (unstored?.status !== "completed" || unstored.questionnaireVersion !== definition.version) return {};
    return unstored.state.answers;
  }

  /**
   * A new session with earlier answers in place: each question then shows what was answered before,
   * and the person keeps it with one tap. The engine's status view gives the first question that way.
   */
  function startWith(definition: Definition, answers: Record<string, StoredAnswer>, now: string): Step {
    const started = deps.engine.start({ id: definition.id, version: definition.version }, { now, sessionId: deps.newId() });
    if (Object.keys(answers).length === 0) return started;
    const state: SessionState = { ...started.state, answers };
    const view = deps.engine.resume(state, { type: "status" }, { now });
    return { state, prompts: view.prompts.filter((prompt) => prompt.kind === "question"), events: started.events };
  }

  function summary(definition: Definition, answers: DeclaredAnswers): Reply {
    const result = adherence(principleSetOf(definition), answers);
    const lines: Reply["lines"] = [text("declarations:chat.summary_title")];
    for (const principle of result.principles) {
      lines.push(
        principle.share === null
          ? text("declarations:chat.summary_line_none", { principle: principle.principle })
          : text("declarations:chat.summary_line", {
              principle: principle.principle,
              percent: percent(principle.share),
              applicable: principle.applicable,
            }),
      );
    }
    if (result.overall !== null) lines.push(text("declarations:chat.summary_overall", { percent: percent(result.overall) }));
    return { lines };
  }

  /** Stores the declaration the person just affirmed, from their finished elements session. */
  async function store(turn: DeclarationTurn, confirmation: SessionState): Promise<Reply[]> {
    const who = await declarant(turn);
    if ("refusal" in who) return [who.refusal];
    const elements = await sessions.latest(turn.respondent.id, DECLARATION_QUESTIONNAIRE);
    const definition = elements?.status === "completed" ? definitionOf(elements.questionnaireVersion) : undefined;
    if (!elements || !definition) return [{ lines: [text("declarations:chat.changed_meanwhile")] }];
    const set = principleSetOf(definition);
    const name = confirmation.answers.declarant_name?.value;
    const role = confirmation.answers.declarant_role?.value;
    const result = await declarations.submit({
      id: deps.newId(),
      respondentId: turn.respondent.id,
      enterpriseId: who.enterprise.id,
      clusterId: turn.respondent.clusterId,
      principleSet: { id: set.id, version: set.version },
      answers: declaredAnswers(definition, elements.state.answers),
      declarant: { name: typeof name === "string" ? name : "", role: typeof role === "string" ? role : "" },
      declaredAt: turn.now,
      previous: await declarations.current(who.enterprise.id),
    });
    if (result.status === "conflict") return [{ lines: [text("declarations:chat.changed_meanwhile")] }];
    const { shortCode, version, contentHash } = result.declaration;
    return [{ lines: [text("declarations:chat.stored", { code: shortCode, version, hash: contentHash })] }];
  }

  return {
    handles: (questionnaireId) => questionnaireId === DECLARATION_QUESTIONNAIRE || questionnaireId === CONFIRMATION_QUESTIONNAIRE,

    async declare(turn) {
      const who = await declarant(turn);
      if ("refusal" in who) return [who.refusal];
      for (const questionnaireId of [CONFIRMATION_QUESTIONNAIRE, DECLARATION_QUESTIONNAIRE]) {
        const open = await sessions.latest(turn.respondent.id, questionnaireId);
        if (open?.status === "active") return turn.resume(open, { type: "status" }, []);
      }
      const definition = latestDefinition();
      const current = await declarations.current(who.enterprise.id);
      const intro: Reply["lines"] = [
        text("declarations:chat.intro", {
          enterprise: who.enterprise.name ?? "",
          count: elementsOf(principleSetOf(definition)).length,
          principles: principleSetOf(definition).principles.length,
        }),
      ];
      if (current) intro.push(amendmentLine(current));
      const answers = await startingAnswers(turn.respondent.id, current, definition, turn.now);
      return turn.open(startWith(definition, answers, turn.now), intro);
    },

    async followUp(turn, state, step) {
      if (!step.events.some((event) => event.type === "completed")) return [];
      if (state.questionnaire.id === DECLARATION_QUESTIONNAIRE) {
        const definition = definitionOf(state.questionnaire.version);
        if (!definition) return [];
        const started = deps.engine.start({ id: CONFIRMATION_QUESTIONNAIRE }, { now: turn.now, sessionId: deps.newId() });
        const confirmation = await turn.open(started, []);
        return [summary(definition, declaredAnswers(definition, state.answers)), ...(Array.isArray(confirmation) ? confirmation : [])];
      }
      if (state.questionnaire.id === CONFIRMATION_QUESTIONNAIRE) {
        if (state.answers.affirmation?.value !== "confirm") return [{ lines: [text("declarations:chat.cancelled")] }];
        return store(turn, state);
      }
      return [];
    },
  };
}

/** A moderator's decision, as the declarant reads it in chat. */
export function reviewNotice(declaration: Declaration): Reply {
  if (declaration.status === "returned") {
    return { lines: [text("declarations:chat.returned_notice", { code: declaration.shortCode, reason: declaration.reviewReason ?? "" })] };
  }
  return { lines: [text("declarations:chat.approved_notice", { code: declaration.shortCode, version: declaration.version })] };
}

/**
 * Tells the declarant about a review, for the console's review routes to call once it is stored.
 *
 * @example declarationRoutes(deps, guard, { onReviewed: tellDeclarant(services.notifier) })
 */
export function tellDeclarant(notifier: Notifier) {
  return (declaration: Declaration) => notifier.send(declaration.respondentId, [reviewNotice(declaration)]);
}
