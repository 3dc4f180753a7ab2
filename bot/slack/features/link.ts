import type { Cluster } from "../../../db/schema";
import { message, mrkdwnText } from "../blocks";
import { isDirectMessage, languageOf, type SlackDeps, type SlackRepositories } from "../deps";

export interface ChannelCommand {
  channelId: string;
  userId: string;
  /** What followed the subcommand, trimmed. */
  argument: string;
}

type Outcome = { linked: Cluster; movedFrom: string | null } | { refusal: string; params?: Record<string, string> };

async function link(deps: SlackDeps, repos: SlackRepositories, channelId: string, code: string, current: Cluster | null): Promise<Outcome> {
  if (isDirectMessage(channelId)) return { refusal: "slack:link.not_in_dm" };
  if (code === "") return { refusal: "slack:link.missing_code" };
  const cluster = await repos.clusters.byInviteCode(code);
  if (!cluster) return { refusal: "slack:link.unknown_code", params: { code: code.slice(0, 64) } };
  if (current?.id === cluster.id) return { refusal: "slack:link.already", params: { cluster: cluster.name } };
  if (current) return { refusal: "slack:link.taken", params: { cluster: current.name } };
  const result = await repos.clusters.linkSlackChannel(cluster.id, channelId, deps.clock().toISOString());
  switch (result.status) {
    case "linked":
      return { linked: result.cluster, movedFrom: cluster.slackChannelId };
    case "taken": {
      // Another command linked this channel a moment ago.
      const holder = await repos.clusters.get(result.clusterId);
      return { refusal: "slack:link.taken", params: { cluster: holder?.name ?? result.clusterId } };
    }
    case "not_found":
      return { refusal: "slack:link.unknown_code", params: { code: code.slice(0, 64) } };
  }
}

/**
 * `/samuh link <invite code>`: the channel follows the cluster with that code. A channel follows one
 * cluster and a cluster posts in one channel, so linking moves a cluster from its previous channel.
 * Refusals go to the person who asked; a link is announced to the channel.
 */
export async function linkChannel(deps: SlackDeps, repos: SlackRepositories, command: ChannelCommand): Promise<void> {
  const { channelId, userId } = command;
  const current = await repos.clusters.bySlackChannel(channelId);
  const outcome = await link(deps, repos, channelId, command.argument.split(/\s+/)[0] ?? "", current);
  if ("refusal" in outcome) {
    const t = deps.i18n.forLanguage(languageOf(current));
    await deps.client.chat.postEphemeral({ channel: channelId, user: userId, ...message([mrkdwnText(t, outcome.refusal, outcome.params)]) });
    return;
  }
  const t = deps.i18n.forLanguage(languageOf(outcome.linked));
  const lines = [mrkdwnText(t, "slack:link.linked", { cluster: outcome.linked.name, user: userId })];
  if (outcome.movedFrom && outcome.movedFrom !== channelId) lines.push(mrkdwnText(t, "slack:link.moved", { channel: outcome.movedFrom }));
  await deps.client.chat.postMessage({ channel: channelId, ...message(lines) });
}

/**
 * The cluster a channel is linked to, with a translator in its language. Without one, the person who
 * asked is told so (only they see it) and the result is null.
 */
export async function linkedCluster(deps: SlackDeps, repos: SlackRepositories, command: ChannelCommand) {
  const cluster = await repos.clusters.bySlackChannel(command.channelId);
  const t = deps.i18n.forLanguage(languageOf(cluster));
  if (!cluster) {
    await deps.client.chat.postEphemeral({ channel: command.channelId, user: command.userId, ...message([mrkdwnText(t, "slack:not_linked")]) });
    return null;
  }
  return { cluster, t };
}

/** `/samuh unlink`: the channel stops following its cluster. */
export async function unlinkChannel(deps: SlackDeps, repos: SlackRepositories, command: ChannelCommand): Promise<void> {
  const { channelId, userId } = command;
  const linked = await linkedCluster(deps, repos, command);
  if (!linked) return;
  const { cluster, t } = linked;
  await repos.clusters.linkSlackChannel(cluster.id, null, deps.clock().toISOString());
  await deps.client.chat.postMessage({
    channel: channelId,
    ...message([mrkdwnText(t, "slack:link.unlinked", { cluster: cluster.name, user: userId })]),
  });
}
