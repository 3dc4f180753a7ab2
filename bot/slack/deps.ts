import type { webApi } from "@slack/bolt";
import type { Database } from "../../db/database";
import { clusterPlanRepository } from "../../db/repositories/cluster-plans";
import { clusterRepository } from "../../db/repositories/clusters";
import { respondentRepository } from "../../db/repositories/respondents";
import { schemeRepository } from "../../db/repositories/schemes";
import { scoreRepository } from "../../db/repositories/scores";
import { scoringSchemeRepository } from "../../db/repositories/scoring-schemes";
import { slackThreadRepository } from "../../db/repositories/slack-threads";
import type { Cluster } from "../../db/schema";
import { DEFAULT_LANGUAGE, isLanguageCode } from "../../locales/languages";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";

export type SlackClient = webApi.WebClient;

/** What every Slack feature works with: storage, texts, the Web API client, the clock. */
export interface SlackDeps {
  db: Database;
  client: SlackClient;
  i18n: I18n;
  logger: Logger;
  clock: () => Date;
  /** The product's public address, for links to the console; absent when it has none. */
  publicUrl?: string;
}

export function slackRepositories(db: Database) {
  return {
    clusters: clusterRepository(db),
    respondents: respondentRepository(db),
    scores: scoreRepository(db),
    scoringSchemes: scoringSchemeRepository(db),
    schemes: schemeRepository(db),
    plans: clusterPlanRepository(db),
    threads: slackThreadRepository(db),
  };
}

export type SlackRepositories = ReturnType<typeof slackRepositories>;

/**
 * CDAs read Slack in their cluster's language; a channel that follows no cluster, and a direct
 * message, get the default language.
 */
export function languageOf(cluster: Pick<Cluster, "defaultLocale"> | null): string {
  return cluster && isLanguageCode(cluster.defaultLocale) ? cluster.defaultLocale : DEFAULT_LANGUAGE;
}

/** Direct messages with the app have ids starting with D; channels and private channels do not. */
export const isDirectMessage = (channelId: string) => channelId.startsWith("D");
