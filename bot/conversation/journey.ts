import type { Engine } from "../../core/engine";
import type { Input, SessionState, Step } from "../../core/engine/types";
import type { ClusterScore, ResponseSet as ScoringResponseSet, ScoringScheme } from "../../core/scoring";
import { ratingsFromAnswers } from "../../core/scoring";
import type { Database } from "../../db/database";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import type { Respondent } from "../../db/schema";
import { STAKEHOLDER_TYPES, type StakeholderType } from "../../core/questionnaires";
import { processedUpdateRepository } from "../../db/repositories/processed-updates";
import { sessionRepository } from "../../db/repositories/sessions";
import type { Session as StoredSession } from "../../db/schema";
import { DEFAULT_LANGUAGE, isLanguageCode, languageFromTag, LANGUAGES } from "../../locales/languages";
import type { Logger } from "../logger";
import type { Action } from "./actions";
import { createDeclarationFlow, type DeclarationTurn } from "./declaration";
import { clusterPicker, forgetConfirmation, languagePicker, MAX_CLUSTERS_IN_PICKER, restartConfirmation } from "./pickers";
import { presentPrompts } from "./present";
import { schemeReplies } from "./schemes";
import { combineReplies, text, type Reply } from "./reply";
import { completionSummary } from "./summary";
import type { Actor, Conversation, Trigger } from "./trigger";

export interface JourneyDeps {
  db: Database;
  engine: Engine;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Recomputes a cluster's cached score after its answers changed; `completed` is the score card just finished. */
  rescore: (clusterId: string, now: string, completed?: ScoringResponseSet) => Promise<{ score: ClusterScore | null; scheme: ScoringScheme }>;
  /**
   * Told after a score card is completed and the cluster rescored, e.g. to report it in the
   * cluster's Slack channel. It must not throw: the respondent's answers are stored by then.
   */
  onCompleted?: (completion: Completion) => Promise<void>;
}

/** A completed score card, as the journey reports it to `onCompleted`. */
export interface Completion {
  clusterId: string;
  responseSetId: string;
  respondentId: string;
  stakeholderType: StakeholderType | null;
  channel: Actor["channel"];
  collectedBy: string | null;
  score: ClusterScore | null;
  at: string;
}

export interface JourneyResult {
  /** The language to render the replies in. */
  language: string;
  replies: Reply[];
}

export interface Journey {
  handle(conversation: Conversation): Promise<JourneyResult>;
}

const isStakeholderType = (value: unknown): value is StakeholderType =>
  typeof value === "string" && (STAKEHOLDER_TYPES as readonly string[]).includes(value);

/** The questionnaires a respondent walks through, in order. */
const REGISTRATION = "registration";
const SCORE_CARD = "score_card";

/** Two writers on one session (another process, another isolate) are settled by trying again. */
const MAX_ATTEMPTS = 3;

/**
 * A respondent's way from the first message to the score card's summary, for any channel: joining a
 * cluster, choosing a language, registering, answering, and coming back days later. Channels call
 * `handle` with what happened and render the replies; this module decides what it means.
 */
export function createJourney(deps: JourneyDeps): Journey {
  const clusters = clusterRepository(deps.db);
  const respondents = respondentRepository(deps.db);
  const sessions = sessionRepository(deps.db);
  const deliveries = processedUpdateRepository(deps.db);
  const declarations = createDeclarationFlow({ db: deps.db, engine: deps.engine, newId: deps.newId });

  async function handle(conversation: Conversation): Promise<JourneyResult> {
    const { source, key } = conversation.updateKey;
    // A redelivered update is recognised when it is recorded, not looked up first: a step records it
    // in the step's own write (refused as a duplicate there), anything else in `markProcessed`.
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(conversation);
      if (outcome !== "conflict") return outcome;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`session kept changing under update ${source}:${key}`);
      deps.logger.info({ source, key, attempt }, "session changed concurrently; retrying");
    }
  }

  async function attemptOnce({ actor, updateKey, trigger }: Conversation): Promise<JourneyResult | "conflict"> {
    const now = deps.clock().toISOString();
    const found = await respondents.findOrCreateByIdentity({
      channel: actor.channel,
      externalId: actor.externalId,
      chatId: actor.chatId,
      username: actor.username ?? null,
      now,
      newId: deps.newId(),
    });
    const turn = new Turn(found.respondent, actor, now, updateKey);
    const replies = await turn.run(trigger, found.created);
    if (replies === "conflict" || replies === "duplicate") return replies === "conflict" ? "conflict" : { language: turn.language, replies: [] };
    if (!turn.saved && !(await deliveries.markProcessed(updateKey.source, updateKey.key, now))) {
      return { language: turn.language, replies: [] };
    }
    return { language: await turn.resolveLanguage(), replies };
  }

  /** One update's handling for one respondent. */
  class Turn {
    saved = false;
    language: string = DEFAULT_LANGUAGE;

    constructor(
      private respondent: Respondent,
      private readonly actor: Actor,
      private readonly now: string,
      private readonly updateKey: Conversation["updateKey"],
    ) {}

    /**
     * The person's own choice first. Before they choose: a phone set to an Indian language says more
     * about its owner than the cluster's default does, but English is the factory setting of most
     * phones here, so it yields to the cluster's default.
     */
    async resolveLanguage(): Promise<string> {
      if (isLanguageCode(this.respondent.locale)) return (this.language = this.respondent.locale);
      const hinted = languageFromTag(this.actor.languageHint);
      if (hinted && hinted !== DEFAULT_LANGUAGE) return (this.language = hinted);
      const cluster = this.respondent.clusterId ? await clusters.get(this.respondent.clusterId) : null;
      return (this.language = isLanguageCode(cluster?.defaultLocale) ? cluster.defaultLocale : DEFAULT_LANGUAGE);
    }

    async run(trigger: Trigger, firstContact: boolean): Promise<Reply[] | "conflict" | "duplicate"> {
      const greeting = firstContact ? [text("bot:welcome")] : [];
      switch (trigger.type) {
        case "start":
          return this.start(trigger.payload, greeting);
        case "resume":
          return this.next(greeting);
        case "action":
          return this.act(trigger.action);
        case "command":
          switch (trigger.command) {
            case "help":
              return [{ lines: [text("bot:help")] }];
            case "privacy":
              return [{ lines: [text("bot:privacy")] }];
            case "language":
              return [languagePicker()];
            case "restart":
              return this.askToRestart();
            case "back":
              return this.resumeActive({ type: "back" });
            case "skip":
              return this.resumeActive({ type: "skip" });
            case "status":
              return this.resumeActive({ type: "status" });
            case "declare":
              return declarations.declare(this.declarationTurn());
            case "stop":
              return this.optOut();
            case "forget":
              return [forgetConfirmation()];
          }
          break;
        case "text":
          return this.resumeActive({ type: "answer", value: trigger.text }, greeting, greeting);
        case "schemes":
          return this.schemes(trigger.words, 0);
        case "unsupported":
          return this.remind(text("bot:unsupported_message"));
        case "edited":
          return this.remind(text("bot:edited_message"));
        case "unknown_action":
          return this.remind(text("engine:stale"));
      }
    }

    private async start(payload: string | undefined, greeting: Reply["lines"]) {
      const intro = [...greeting];
      if (this.respondent.optedOutAt) {
        await this.update({ optedOutAt: null });
        intro.push(text("bot:opted_in"));
      }
      if (payload) {
        const cluster = await clusters.byInviteCode(payload);
        if (!cluster) {
          intro.push(text("bot:cluster_not_found", { code: payload.slice(0, 64) }));
          if (!this.respondent.clusterId) return [await this.clusterPicker(intro)];
        } else if (cluster.id !== this.respondent.clusterId) {
          await this.update({ clusterId: cluster.id });
          intro.push(text("bot:cluster_joined", { cluster: cluster.name }));
        }
      }
      return this.next(intro);
    }

    private async act(action: Action): Promise<Reply[] | "conflict" | "duplicate"> {
      switch (action.type) {
        case "cluster": {
          const cluster = await clusters.get(action.clusterId);
          if (!cluster || cluster.archivedAt) return [await this.clusterPicker([text("engine:stale")])];
          if (cluster.id !== this.respondent.clusterId) await this.update({ clusterId: cluster.id });
          return this.next([text("bot:cluster_joined", { cluster: cluster.name })]);
        }
        case "language": {
          if (!isLanguageCode(action.code)) return [languagePicker()];
          await this.update({ locale: action.code });
          const name = LANGUAGES.find((language) => language.code === action.code)?.nativeName ?? action.code;
          const active = await sessions.active(this.respondent.id);
          // A language tap while the registration asks for the language is that answer too.
          if (active?.state.cursor === "language") {
            return this.step(active, { type: "answer", value: action.code, itemId: "language" });
          }
          return this.next([text("bot:language_set", { language: name })]);
        }
        case "restart": {
          const active = await sessions.active(this.respondent.id);
          if (!active) return this.next([]);
          if (!action.confirmed) return this.step(active, { type: "status" }, [text("bot:restart_cancelled")]);
          return this.step(active, { type: "restart" });
        }
        case "forget":
          return this.forget(action.confirmed);
        case "schemes_more":
          return this.schemes(action.words, action.offset);
        case "back":
          return this.resumeActive({ type: "back" });
        case "answer":
          return this.resumeActive({ type: "answer", value: action.value, itemId: action.itemId });
        case "dont_know":
          return this.resumeActive({ type: "dont_know", itemId: action.itemId });
        case "skip":
          return this.resumeActive({ type: "skip", itemId: action.itemId });
      }
    }

    /** `/stop`: no more invitations or reminders. Answering, and everything else, go on as before. */
    /**
     * Erases the person's name, username and enterprise name, keeping their answers in the cluster's
     * score without them. The chat account stays linked, so a later message is not a new person.
     */
    private async forget(confirmed: boolean) {
      if (!confirmed) return [{ lines: [text("bot:forget_cancelled")] }];
      const forgotten = await respondents.forget(this.respondent.id, `${this.actor.channel}:${this.actor.externalId}`, this.now);
      if (forgotten) this.respondent = forgotten;
      return [{ lines: [text("bot:forgotten")] }];
    }

    private async optOut() {
      if (!this.respondent.optedOutAt) await this.update({ optedOutAt: this.now });
      return [{ lines: [text("bot:opted_out")] }];
    }

    /** Scheme suggestions in the person's language, ranked for their cluster's priorities. */
    private async schemes(words: string, offset: number) {
      const language = await this.resolveLanguage();
      const cluster = this.respondent.clusterId ? await clusters.get(this.respondent.clusterId) : null;
      return schemeReplies(deps.db, { words, offset, language, cluster });
    }

    private async askToRestart() {
      const active = await sessions.active(this.respondent.id);
      if (!active) return this.next([]);
      const answered = Object.keys(active.state.answers).length;
      if (answered === 0) return this.step(active, { type: "status" });
      return [restartConfirmation(answered)];
    }

    /** An input for the session in progress; `otherwise` introduces what comes next when there is none. */
    private async resumeActive(input: Input, greeting: Reply["lines"] = [], otherwise: Reply["lines"] = [text("bot:nothing_waiting")]) {
      const active = await sessions.active(this.respondent.id);
      if (active) return this.step(active, input);
      // A questionnaire that should be running but was never stored (the process died between
      // storing the step before it and starting it) starts now, with this input applied: one write.
      const due = await this.dueQuestionnaire();
      if (due !== null && input.type === "answer") {
        const started = deps.engine.start({ id: due }, { now: this.now, sessionId: deps.newId() });
        const answered = deps.engine.resume(started.state, input, { now: this.now });
        return this.save(null, { ...answered, events: [...started.events, ...answered.events] }, greeting);
      }
      return this.next(otherwise);
    }

    /** The questionnaire this respondent should be answering now, when none is in progress. */
    private async dueQuestionnaire(): Promise<string | null> {
      if (!this.respondent.clusterId) return null;
      const registration = await sessions.latest(this.respondent.id, REGISTRATION);
      if (!registration) return REGISTRATION;
      if (registration.state.answers.consent?.value !== "yes") return null;
      return (await sessions.latest(this.respondent.id, SCORE_CARD)) ? null : SCORE_CARD;
    }

    private async remind(notice: ReturnType<typeof text>) {
      const active = await sessions.active(this.respondent.id);
      if (!active) return this.next([notice]);
      return this.step(active, { type: "status" }, [notice]);
    }

    /** What comes next for this respondent when no session is waiting for an answer. */
    private async next(intro: Reply["lines"]): Promise<Reply[] | "conflict" | "duplicate"> {
      if (!this.respondent.clusterId) return [await this.clusterPicker(intro)];
      const active = await sessions.active(this.respondent.id);
      if (active) {
        return this.step(active, { type: "status" }, intro.length > 0 ? intro : [text("bot:welcome_back")]);
      }
      const due = await this.dueQuestionnaire();
      if (due !== null) return this.begin(due, intro);
      const registration = await sessions.latest(this.respondent.id, REGISTRATION);
      if (registration?.state.answers.consent?.value !== "yes") return [{ lines: [...intro, text("bot:consent_declined")] }];
      return [{ lines: [...intro, text("bot:already_finished")] }];
    }

    private async begin(questionnaireId: string, intro: Reply["lines"]) {
      const step = deps.engine.start({ id: questionnaireId }, { now: this.now, sessionId: deps.newId() });
      return this.save(null, step, intro);
    }

    private async step(session: StoredSession, input: Input, intro: Reply["lines"] = []) {
      const step = deps.engine.resume(session.state, input, { now: this.now });
      return this.save(session, step, intro);
    }

    /** Stores a step (with the update's key, so a redelivery is recognised) and then follows it up. */
    private async save(session: StoredSession | null, step: Step, intro: Reply["lines"]): Promise<Reply[] | "conflict" | "duplicate"> {
      const clusterId = this.respondent.clusterId;
      if (!clusterId) throw new Error("a session needs a cluster");
      // The engine hands back the very same state object when nothing changed (a status, a refusal).
      const changed = session === null || step.state !== session.state;
      if (changed) {
        const result = await sessions.saveStep({
          sessionId: step.state.sessionId,
          respondentId: this.respondent.id,
          clusterId,
          questionnaire: step.state.questionnaire,
          expectedVersion: session?.version ?? null,
          state: step.state,
          events: step.events,
          updateKey: this.saved ? undefined : this.updateKey,
          now: this.now,
          channel: this.actor.channel,
          collectedBy: this.actor.collectedBy ?? null,
        });
        if (result.status !== "saved") return result.status;
        this.saved = true;
      }
      const followUp = await this.followUp(step.state, step);
      return combineReplies([{ lines: intro }, ...presentPrompts(step.prompts), ...followUp]);
    }

    /** What a stored step sets off: the chosen language, the next questionnaire, a new score. */
    private async followUp(state: SessionState, step: Step): Promise<Reply[]> {
      if (declarations.handles(state.questionnaire.id)) return declarations.followUp(this.declarationTurn(), state, step);
      const completed = step.events.some((event) => event.type === "completed");
      if (state.questionnaire.id === REGISTRATION) {
        const language = step.events.find((event) => event.type === "answer_set" && event.itemId === "language");
        if (language?.type === "answer_set" && typeof language.value === "string" && isLanguageCode(language.value)) {
          await this.update({ locale: language.value });
        }
        if (!completed) return [];
        const consented = state.answers.consent?.value === "yes";
        const stakeholder = state.answers.stakeholder_type?.value;
        await this.update({
          stakeholderType: isStakeholderType(stakeholder) ? stakeholder : null,
          consentAt: consented ? this.now : null,
        });
        if (!consented) return [{ lines: [text("bot:consent_declined")] }];
        const next = await this.begin(SCORE_CARD, []);
        return Array.isArray(next) ? next : [];
      }
      const clusterId = this.respondent.clusterId;
      if (state.questionnaire.id === SCORE_CARD && completed && clusterId) {
        const card = { id: state.sessionId, respondentId: this.respondent.id, counted: true, ratings: ratingsFromAnswers(state.answers) };
        const [{ score, scheme }, cluster] = await Promise.all([deps.rescore(clusterId, this.now, card), clusters.get(clusterId)]);
        await deps.onCompleted?.({
          clusterId,
          responseSetId: state.sessionId,
          respondentId: this.respondent.id,
          stakeholderType: this.respondent.stakeholderType,
          channel: this.actor.channel,
          collectedBy: this.actor.collectedBy ?? null,
          score,
          at: this.now,
        });
        return cluster && score ? [completionSummary(cluster, score, scheme.minimumCountedRespondents)] : [];
      }
      return [];
    }

    /** This turn as the declaration flow sees it. */
    private declarationTurn(): DeclarationTurn {
      return {
        respondent: this.respondent,
        now: this.now,
        open: (step, intro) => this.save(null, step, intro),
        resume: (session, input, intro) => this.step(session, input, intro),
        update: (patch) => this.update(patch),
      };
    }

    private async update(patch: Parameters<typeof respondents.update>[1]) {
      const updated = await respondents.update(this.respondent.id, patch, this.now);
      if (updated) this.respondent = updated;
    }

    private async clusterPicker(intro: Reply["lines"]) {
      const open = await clusters.list({
        filter: { archived: false },
        sort: { field: "name", order: "ASC" },
        range: [0, MAX_CLUSTERS_IN_PICKER - 1],
      });
      return clusterPicker(open.rows, intro);
    }
  }

  return { handle };
}
