import { clusterSearchContext, searchSchemes, type SchemeHit } from "../../../db/repositories/schemes-search";
import { purpose } from "../../conversation/schemes";
import type { Translate } from "../../i18n";
import { actions, button, context, escapeMrkdwn, message, mrkdwnText, section, type Block, type SlackMessage } from "../blocks";
import { languageOf, type SlackDeps, type SlackRepositories } from "../deps";

/** Schemes per message: a thread stays readable on a phone. */
export const SCHEMES_PER_PAGE = 5;
/** A search is carried on the "more" button; Slack caps a button's value at 2000 characters. */
const MAX_QUERY_LENGTH = 500;

export const MORE_ACTION = "schemes_more";
export const SAVE_ACTION = "scheme_save";

/** Where a scheme search was asked and where its answer goes. */
export interface SchemeRequest {
  channelId: string;
  userId: string;
  /** The thread to answer in; a new message in the channel when absent. */
  threadTs?: string;
  words: string;
  offset: number;
}

/** What the "more" button carries: the words and the next page's offset. */
export function encodeMore(words: string, offset: number): string {
  return JSON.stringify({ q: words.slice(0, MAX_QUERY_LENGTH), o: offset });
}

export function decodeMore(value: string | undefined): { words: string; offset: number } | undefined {
  try {
    const parsed = JSON.parse(value ?? "") as { q?: unknown; o?: unknown };
    if (typeof parsed.q !== "string" || !Number.isInteger(parsed.o) || (parsed.o as number) < 0) return undefined;
    return { words: parsed.q, offset: parsed.o as number };
  } catch {
    return undefined;
  }
}

/** Mentions (`<@U123>`) are the address, not the question. */
export function mentionText(text: string): string {
  return text.replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ").replace(/\s+/g, " ").trim();
}

function hitBlocks(t: Translate, hit: SchemeHit, position: number, canSave: boolean): Block[] {
  const { scheme } = hit;
  const link = scheme.links[0];
  const name = escapeMrkdwn(scheme.name);
  const title = link ? `*${position}. <${link}|${name.replace(/\|/g, "/")}>*` : `*${position}. ${name}*`;
  const blocks: Block[] = [section(`${title}\n_${escapeMrkdwn(scheme.ministry)}_\n${escapeMrkdwn(purpose(scheme.objective))}`)];
  const reasons = hit.reasons.map((reason) => t(reason.key, reason.params) as string);
  if (reasons.length > 0) blocks.push(context(escapeMrkdwn(t("schemes:reply.why", { reasons: reasons.join("; ") }) as string)));
  if (canSave) blocks.push(actions([button(t("slack:schemes.save") as string, SAVE_ACTION, scheme.id)], `scheme:${scheme.id}`));
  return blocks;
}

/** One page of results in Block Kit: a header, each scheme, and "more" while there is more. */
export function schemesMessage(t: Translate, request: SchemeRequest, hits: SchemeHit[], total: number, linked: boolean): SlackMessage {
  const words = request.words;
  const header = escapeMrkdwn(
    (words === "" ? t("schemes:reply.header_cluster") : t("schemes:reply.header", { query: words, total })) as string,
  );
  const blocks = hits.flatMap((hit, index) => hitBlocks(t, hit, request.offset + index + 1, linked));
  const shown = request.offset + hits.length;
  if (shown < total) {
    blocks.push(actions([button(t("schemes:reply.more") as string, MORE_ACTION, encodeMore(words, shown))], "schemes:more"));
  } else if (request.offset > 0) {
    blocks.push(context(t("schemes:reply.no_more") as string));
  }
  return message([header], blocks);
}

/**
 * Answers a scheme search in its thread. In a channel that follows a cluster, the cluster's priority
 * issues and workforce shape the ranking, no words list the schemes that fit the cluster, and each
 * scheme can be saved to the cluster's plan.
 */
export async function answerSchemes(deps: SlackDeps, repos: SlackRepositories, request: SchemeRequest): Promise<void> {
  const cluster = await repos.clusters.bySlackChannel(request.channelId);
  const language = languageOf(cluster);
  const t = deps.i18n.forLanguage(language);
  const thread = request.threadTs ? { thread_ts: request.threadTs } : {};
  if (request.words === "" && !cluster) {
    await deps.client.chat.postEphemeral({ channel: request.channelId, user: request.userId, ...thread, ...message([escapeMrkdwn(t("schemes:reply.empty_query") as string)]) });
    return;
  }
  const result = await searchSchemes(deps.db, {
    text: request.words,
    locale: language,
    ...(cluster ? { cluster: await clusterSearchContext(deps.db, cluster) } : {}),
    limit: SCHEMES_PER_PAGE,
    offset: request.offset,
  });
  const reply =
    result.total === 0
      ? message([escapeMrkdwn(t("schemes:reply.no_results", { query: request.words }) as string)])
      : schemesMessage(t, request, result.hits, result.total, cluster !== null);
  await deps.client.chat.postMessage({ channel: request.channelId, ...thread, ...reply });
}

/** "Save to the cluster plan": the scheme goes on the plan of the cluster the channel follows. */
export async function saveToPlan(
  deps: SlackDeps,
  repos: SlackRepositories,
  request: { channelId: string; userId: string; threadTs: string; schemeId: string },
): Promise<void> {
  const cluster = await repos.clusters.bySlackChannel(request.channelId);
  const t = deps.i18n.forLanguage(languageOf(cluster));
  const tell = (key: string, params: Record<string, string> = {}) =>
    deps.client.chat.postEphemeral({
      channel: request.channelId,
      user: request.userId,
      thread_ts: request.threadTs,
      ...message([mrkdwnText(t, key, params)]),
    });
  if (!cluster) {
    await tell("slack:not_linked");
    return;
  }
  const outcome = await repos.plans.add({
    clusterId: cluster.id,
    schemeId: request.schemeId,
    addedBy: `slack:${request.userId}`,
    now: deps.clock().toISOString(),
  });
  const scheme = outcome.status === "unknown_scheme" ? null : await repos.schemes.get(request.schemeId);
  if (!scheme) {
    await tell("slack:plan.unknown_scheme");
  } else if (outcome.status === "already") {
    await tell("slack:plan.already", { scheme: scheme.name, cluster: cluster.name });
  } else {
    await deps.client.chat.postMessage({
      channel: request.channelId,
      thread_ts: request.threadTs,
      ...message([mrkdwnText(t, "slack:plan.saved", { scheme: scheme.name, cluster: cluster.name, user: request.userId })]),
    });
  }
}
