import type { Database } from "../../db/database";
import type { Journey } from "../conversation/journey";
import type { I18n } from "../i18n";
import type { Logger } from "../logger";
import { createSlackApp, createSlackClient } from "./app";
import { slackRepositories } from "./deps";
import { dailyReport } from "./features/daily-report";

export interface SlackOptions {
  signingSecret: string;
  token: string;
  /** Slack's Web API base URL; tests point it at a local stand-in. */
  apiUrl?: string;
  db: Database;
  i18n: I18n;
  logger: Logger;
  clock: () => Date;
  publicUrl?: string;
}

/**
 * The Slack channel in two steps, because it and the journey need each other: the daily report is
 * the journey's completion hook, and the interview drives the journey.
 *
 * @example
 * const slack = createSlack(options);
 * const journey = createJourney({ ...deps, onCompleted: slack.reportCompletion });
 * app.route("/slack/events", slack.start(journey).routes);
 */
export function createSlack(options: SlackOptions) {
  const { signingSecret, token, apiUrl, ...rest } = options;
  const client = createSlackClient({ token, logger: options.logger, ...(apiUrl ? { apiUrl } : {}) });
  const deps = { ...rest, client };
  return {
    reportCompletion: dailyReport(deps, slackRepositories(options.db)),
    start: (journey: Journey) => createSlackApp({ ...deps, journey, signingSecret, token }),
  };
}
