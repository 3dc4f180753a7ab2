import { createEngine } from "../../core/engine";
import type { Step } from "../../core/engine/types";
import { defaultCatalogue, STAKEHOLDER_TYPES } from "../../core/questionnaires";
import { CORE_ISSUES, ECONOMIC_PARAMETERS, TEMPLATES, type CoreIssue } from "../../core/scoring";
import type { Database } from "../database";
import { clusterRepository } from "../repositories/clusters";
import { respondentRepository } from "../repositories/respondents";
import { recomputeClusterScore } from "../repositories/scores";
import { scoringSchemeRepository } from "../repositories/scoring-schemes";
import { sessionRepository } from "../repositories/sessions";
import { DEMO_CLUSTERS, type DemoCluster } from "./demo-clusters";

export interface DemoOptions {
  /** The moment the demo's answers end; they spread over the four weeks before it. */
  now: Date;
  random: () => number;
  newId: () => string;
}

export interface DemoSummary {
  clusters: number;
  respondents: number;
}

const DAY = 24 * 60 * 60 * 1000;
const clamp = (value: number) => Math.max(0, Math.min(5, Math.round(value)));

/**
 * Fills an empty database with the guide's clusters and respondents who answered the score card
 * through the real engine, so that a newcomer's console shows scores, classes, maps and flags at once.
 * A few response sets are made to be flagged: one straight-liner and one speeder.
 */
export async function seedDemo(db: Database, options: DemoOptions): Promise<DemoSummary> {
  const clusters = clusterRepository(db);
  const existing = await clusters.list({ range: [0, 0] });
  if (existing.total > 0) throw new Error("the demo fills an empty database; this one already has clusters");

  const engine = createEngine(defaultCatalogue);
  const scheme = await scoringSchemeRepository(db).active();
  let respondents = 0;
  for (const cluster of DEMO_CLUSTERS) {
    await clusters.create({
      id: cluster.id,
      name: cluster.name,
      inviteCode: cluster.inviteCode,
      sector: cluster.sector,
      state: cluster.state,
      district: cluster.district,
      defaultLocale: cluster.defaultLocale,
      principalProducts: cluster.principalProducts,
      profile: {
        state: cluster.state,
        district: cluster.district,
        principal_products: cluster.principalProducts,
        ...cluster.profile,
        ...Object.fromEntries(ECONOMIC_PARAMETERS.map((parameter) => [`economic.${parameter}`, cluster.economic[parameter]])),
      },
      now: new Date(options.now.getTime() - 30 * DAY).toISOString(),
    });
    for (let index = 0; index < cluster.respondents; index++) {
      await answerAsRespondent(db, engine, cluster, index, options);
      respondents++;
    }
    await recomputeClusterScore(db, cluster.id, scheme, options.now.toISOString());
  }
  return { clusters: DEMO_CLUSTERS.length, respondents };
}

type Behaviour = "honest" | "straight_liner" | "speeder";

function behaviourOf(cluster: DemoCluster, index: number): Behaviour {
  if (cluster.id === "samalkha-foundry" && index === 0) return "straight_liner";
  if (cluster.id === "tirupur-knitwear" && index === 1) return "speeder";
  return "honest";
}

function ratingFor(cluster: DemoCluster, issue: CoreIssue, template: (typeof TEMPLATES)[number], options: DemoOptions): string {
  const [existence, intensity, efforts] = cluster.tendency[issue] ?? [1, 1, 3];
  const centre = { existence, intensity, efforts }[template];
  if (options.random() < 0.04) return "dont_know";
  return String(clamp(centre + (options.random() - 0.5) * 2.6));
}

async function answerAsRespondent(
  db: Database,
  engine: ReturnType<typeof createEngine>,
  cluster: DemoCluster,
  index: number,
  options: DemoOptions,
) {
  const sessions = sessionRepository(db);
  const behaviour = behaviourOf(cluster, index);
  const startedAt = options.now.getTime() - (1 + options.random() * 27) * DAY;
  const secondsPerAnswer = behaviour === "speeder" ? 1 : 8 + options.random() * 30;
  const at = (step: number) => new Date(startedAt + step * secondsPerAnswer * 1000).toISOString();

  const { respondent } = await respondentRepository(db).findOrCreateByIdentity({
    channel: "telegram",
    externalId: `demo-${cluster.id}-${index}`,
    now: at(0),
    newId: options.newId(),
  });
  await respondentRepository(db).update(
    respondent.id,
    {
      clusterId: cluster.id,
      locale: options.random() < 0.7 ? cluster.defaultLocale : "en",
      stakeholderType: index % 3 === 0 ? "core_firm_owner" : (STAKEHOLDER_TYPES[1 + (index % (STAKEHOLDER_TYPES.length - 1))] ?? "worker"),
      consentAt: at(0),
    },
    at(0),
  );

  let step: Step = engine.start({ id: "score_card" }, { now: at(0), sessionId: options.newId() });
  let version: number | null = null;
  const save = async (next: Step, when: string) => {
    const result = await sessions.saveStep({
      sessionId: next.state.sessionId,
      respondentId: respondent.id,
      clusterId: cluster.id,
      questionnaire: next.state.questionnaire,
      expectedVersion: version,
      state: next.state,
      events: next.events,
      now: when,
      channel: "telegram",
    });
    if (result.status !== "saved") throw new Error(`demo step for ${cluster.id} #${index} was ${result.status}`);
    version = result.version;
  };
  await save(step, at(0));
  let position = 1;
  for (const issue of CORE_ISSUES) {
    for (const template of TEMPLATES) {
      const value = behaviour === "straight_liner" ? "3" : ratingFor(cluster, issue, template, options);
      const input = value === "dont_know" ? ({ type: "dont_know" } as const) : ({ type: "answer", value } as const);
      step = engine.resume(step.state, input, { now: at(position) });
      await save(step, at(position));
      position++;
    }
  }
  step = engine.resume(step.state, { type: "answer", value: "no" }, { now: at(position) });
  await save(step, at(position));
}
