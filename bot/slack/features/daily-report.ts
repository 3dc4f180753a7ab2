import { round2 } from "../../../core/scoring";
import type { Completion } from "../../conversation/journey";
import { message, mrkdwnText } from "../blocks";
import { languageOf, type SlackDeps, type SlackRepositories } from "../deps";

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at));
}

/**
 * Reports each completed score card in the channel of its cluster, as a reply in the day's report
 * thread: one parent message per channel and day (in the cluster's time zone), however many answers
 * come in, so that the channel is not flooded. Failures are logged, never thrown: the answers are
 * stored by the time this runs, and a Slack outage must not fail a Telegram delivery.
 *
 * @example createJourney({ ...deps, onCompleted: dailyReport(slackDeps, repos) })
 */
export function dailyReport(deps: SlackDeps, repos: SlackRepositories) {
  /** The day's thread: the one recorded, or a new parent message (removed again if another won the race). */
  async function threadFor(channelId: string, day: string, text: ReturnType<typeof message>): Promise<string> {
    const known = await repos.threads.daily(channelId, day);
    if (known) return known;
    const posted = await deps.client.chat.postMessage({ channel: channelId, ...text });
    if (!posted.ts) throw new Error("chat.postMessage returned no ts");
    const held = await repos.threads.claimDaily({ channelId, day, threadTs: posted.ts, now: deps.clock().toISOString() });
    if (held !== posted.ts) await deps.client.chat.delete({ channel: channelId, ts: posted.ts });
    return held;
  }

  return async function report(completion: Completion): Promise<void> {
    try {
      const cluster = await repos.clusters.get(completion.clusterId);
      const channelId = cluster?.slackChannelId;
      if (!cluster || !channelId) return;
      const t = deps.i18n.forLanguage(languageOf(cluster));
      const day = dayIn(cluster.timezone, completion.at);
      const threadTs = await threadFor(channelId, day, message([mrkdwnText(t, "slack:report.parent", { cluster: cluster.name, day })]));
      const who = completion.stakeholderType
        ? (t(`questionnaires:registration.options.stakeholder_type.${completion.stakeholderType}`) as string)
        : (t("slack:report.someone") as string);
      const lines = [mrkdwnText(t, `slack:report.completed_${completion.channel}`, { who })];
      if (completion.collectedBy && completion.channel === "slack") {
        lines.push(mrkdwnText(t, "slack:report.collected_by", { user: completion.collectedBy }));
      }
      const score = completion.score;
      if (score) {
        lines.push(
          score.consolidated === null
            ? mrkdwnText(t, "slack:report.counted", { count: score.counted })
            : mrkdwnText(t, score.provisional ? "slack:report.score_provisional" : "slack:report.score", {
                count: score.counted,
                score: round2(score.consolidated).toFixed(2),
              }),
        );
      }
      await deps.client.chat.postMessage({ channel: channelId, thread_ts: threadTs, ...message([lines.join("\n")]) });
    } catch (error) {
      deps.logger.error({ err: error, clusterId: completion.clusterId }, "reporting a completed score card in Slack failed");
    }
  };
}
