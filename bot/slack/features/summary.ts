import type { ClusterScore } from "../../../core/scoring";
import { round2 } from "../../../core/scoring";
import type { Cluster } from "../../../db/schema";
import type { Translate } from "../../i18n";
import { context as contextBlock, escapeMrkdwn, message, mrkdwnText, type SlackMessage } from "../blocks";
import type { SlackDeps, SlackRepositories } from "../deps";
import { linkedCluster, type ChannelCommand } from "./link";

/** How many of the issues to act on first the summary names. */
const PRIORITIES_SHOWN = 3;

const score = (value: number | null) => (value === null ? "–" : round2(value).toFixed(2));

/** The console's page of a cluster; the console routes by hash. */
export function consoleLink(publicUrl: string, clusterId: string): string {
  return new URL(`/admin/#/clusters/${encodeURIComponent(clusterId)}/show`, publicUrl).toString();
}

function headline(t: Translate, result: ClusterScore, minimum: number): string {
  const label = t("scoring:component.consolidated") as string;
  const line = mrkdwnText(t, "slack:summary.consolidated", { label, score: score(result.consolidated) });
  if (!result.provisional) return line;
  return `${line}\n${mrkdwnText(t, "slack:summary.provisional", { note: t("scoring:provisional", { minimum }) as string })}`;
}

function criteria(t: Translate, result: ClusterScore): string {
  const parts = (["awareness", "intensity", "engagement", "economic"] as const).map(
    (component) => `${escapeMrkdwn(t(`scoring:component.${component}`) as string)}: *${score(result[component])}*`,
  );
  return parts.join("   ·   ");
}

function classes(t: Translate, result: ClusterScore): string {
  const labels = result.classes
    .filter((entry) => entry.label !== null && entry.class !== null)
    .map((entry) => `*${entry.label}* ${t(`scoring:category.${entry.category}`)}: ${t(`scoring:class.${entry.class}`)}`);
  return mrkdwnText(t, "slack:summary.classes", { classes: labels.length > 0 ? labels.join(", ") : "–" });
}

function mapCell(t: Translate, { cell, priorityRank }: ClusterScore["mapCell"]): string {
  if (cell === null) return mrkdwnText(t, "slack:summary.map_cell_none");
  if (priorityRank === null) return mrkdwnText(t, "slack:summary.map_cell", { cell });
  return mrkdwnText(t, "slack:summary.map_cell_priority", { cell, rank: priorityRank });
}

/**
 * The cluster's standing as the guide reads it: the consolidated score and its four criteria,
 * the Table 1.4 classes, the map cell, the issues to act on first, and how many answers count.
 */
export function clusterSummary(
  t: Translate,
  cluster: Cluster,
  result: ClusterScore,
  context: { minimum: number; plan: string[]; publicUrl?: string },
): SlackMessage {
  const { minimum, plan, publicUrl } = context;
  const lines = [
    mrkdwnText(t, "slack:summary.title", { cluster: cluster.name }),
    headline(t, result, minimum),
    criteria(t, result),
    classes(t, result),
    mapCell(t, result.mapCell),
  ];
  const priorities = result.priorities
    .slice(0, PRIORITIES_SHOWN)
    .map((entry) => `${entry.rank}. ${t(`scoring:issue.${entry.issue}`)} (${score(entry.priority)})`);
  if (priorities.length > 0) lines.push(mrkdwnText(t, "slack:summary.priorities", { issues: priorities.join("\n") }));
  lines.push(mrkdwnText(t, "slack:summary.responses", { counted: result.counted, excluded: result.excluded }));
  if (plan.length > 0) lines.push(mrkdwnText(t, "slack:summary.plan", { schemes: plan.join(", ") }));
  const footer = publicUrl ? [contextBlock(t("slack:summary.console", { url: consoleLink(publicUrl, cluster.id) }) as string)] : [];
  return message(lines, footer);
}

/** `/samuh summary`: the linked cluster's summary, posted to the channel for everyone. */
export async function postSummary(deps: SlackDeps, repos: SlackRepositories, command: ChannelCommand): Promise<void> {
  const { channelId } = command;
  const linked = await linkedCluster(deps, repos, command);
  if (!linked) return;
  const { cluster, t } = linked;
  const [cached, scheme, plan] = await Promise.all([
    repos.scores.getCached(cluster.id),
    repos.scoringSchemes.active(),
    repos.plans.list(cluster.id),
  ]);
  const reply = cached
    ? clusterSummary(t, cluster, cached.breakdown, {
        minimum: scheme.minimumCountedRespondents,
        plan: plan.map((entry) => entry.schemeName),
        ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
      })
    : message([mrkdwnText(t, "slack:summary.title", { cluster: cluster.name }), mrkdwnText(t, "slack:summary.no_score")]);
  await deps.client.chat.postMessage({ channel: channelId, ...reply });
}
