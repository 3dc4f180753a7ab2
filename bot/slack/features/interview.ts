import { decodeAction } from "../../conversation/actions";
import type { Journey } from "../../conversation/journey";
import type { Actor, Trigger } from "../../conversation/trigger";
import { actions, button, context, message, mrkdwnText, renderReply, type Block } from "../blocks";
import { isDirectMessage, languageOf, type SlackDeps, type SlackRepositories } from "../deps";
import type { ChannelCommand } from "./link";

export const CONSENT_ACTION = "interview_consent";
/** Answer buttons are `interview:<row>.<column>`; see `renderReply`. */
export const ANSWER_PREFIX = "interview";

const AGREED = "yes";
const DECLINED = "no";

/**
 * The person interviewed in a thread, as the journey knows them: one synthetic Slack identity per
 * interview thread, so their answers are theirs and never the CDA's, and a second interview in
 * another thread is another person.
 */
export function intervieweeId(channelId: string, threadTs: string): string {
  return `interview:${channelId}:${threadTs}`;
}

function interviewee(channelId: string, threadTs: string, cdaUserId: string): Actor {
  return { channel: "slack", externalId: intervieweeId(channelId, threadTs), chatId: channelId, collectedBy: cdaUserId };
}

export interface InterviewDeps extends SlackDeps {
  journey: Journey;
}

/**
 * Runs one turn of the journey for the interviewee and posts its replies in the interview's thread;
 * returns the language they were written in (the interviewee's).
 */
async function converse(deps: InterviewDeps, actor: Actor, threadTs: string, updateKey: string, trigger: Trigger): Promise<string> {
  const result = await deps.journey.handle({ actor, updateKey: { source: "slack", key: updateKey }, trigger });
  const t = deps.i18n.forLanguage(result.language);
  for (const reply of result.replies) {
    await deps.client.chat.postMessage({ channel: actor.chatId, thread_ts: threadTs, ...renderReply(reply, t, ANSWER_PREFIX) });
  }
  return result.language;
}

/**
 * `/samuh interview [invite code]`: a CDA answers for someone who cannot type. The first message asks
 * for the person's consent; nothing is stored about them until the CDA records it, and the
 * questions follow in that message's thread. In a channel that follows a cluster the person joins
 * it; in a direct message the invite code (or the cluster picker) says which.
 */
export async function startInterview(deps: InterviewDeps, repos: SlackRepositories, command: ChannelCommand): Promise<void> {
  const { channelId, userId } = command;
  const direct = isDirectMessage(channelId);
  const cluster = direct ? null : await repos.clusters.bySlackChannel(channelId);
  const t = deps.i18n.forLanguage(languageOf(cluster));
  if (!direct && !cluster) {
    await deps.client.chat.postEphemeral({ channel: channelId, user: userId, ...message([mrkdwnText(t, "slack:interview.not_linked")]) });
    return;
  }
  const code = cluster ? cluster.inviteCode : (command.argument.split(/\s+/)[0] ?? "");
  const consent = actions([
    button(t("slack:interview.agree") as string, `${CONSENT_ACTION}:${AGREED}`, `${AGREED}|${code}`, "primary"),
    button(t("slack:interview.decline") as string, `${CONSENT_ACTION}:${DECLINED}`, DECLINED),
  ]);
  await deps.client.chat.postMessage({
    channel: channelId,
    ...message(
      [
        mrkdwnText(t, "slack:interview.started", { user: userId }),
        mrkdwnText(t, "slack:interview.consent", { privacy: t("bot:privacy") as string }),
      ],
      [consent],
    ),
  });
}

/**
 * The CDA records the person's answer to the consent question. Agreeing starts the journey for the
 * interviewee in the thread; declining stores nothing. Either way the buttons give way to a note of
 * who recorded what, so consent is not asked twice.
 */
export async function recordConsent(
  deps: InterviewDeps,
  repos: SlackRepositories,
  tap: { channelId: string; userId: string; messageTs: string; value: string },
): Promise<void> {
  const { channelId, userId, messageTs } = tap;
  const [answer, code = ""] = tap.value.split("|");
  const cluster = isDirectMessage(channelId) ? null : await repos.clusters.bySlackChannel(channelId);
  const t = deps.i18n.forLanguage(languageOf(cluster));
  const agreed = answer === AGREED;
  await deps.client.chat.update({
    channel: channelId,
    ts: messageTs,
    ...message([
      mrkdwnText(t, "slack:interview.started", { user: userId }),
      mrkdwnText(t, agreed ? "slack:interview.agreed" : "slack:interview.declined", { user: userId }),
    ]),
  });
  if (!agreed) return;
  await converse(deps, interviewee(channelId, messageTs, userId), messageTs, `consent:${channelId}:${messageTs}`, {
    type: "start",
    ...(code ? { payload: code } : {}),
  });
}

/** Whether a thread holds an interview whose consent was recorded. */
async function isInterview(repos: SlackRepositories, channelId: string, threadTs: string): Promise<boolean> {
  return (await repos.respondents.byIdentity("slack", intervieweeId(channelId, threadTs))) !== null;
}

/**
 * A button tapped in an interview thread: the answer goes to the journey as the interviewee's, and
 * the tapped message keeps the answer in place of its buttons, so the thread reads as a record.
 */
export async function answerTapped(
  deps: InterviewDeps,
  repos: SlackRepositories,
  tap: { channelId: string; userId: string; threadTs: string; messageTs: string; actionTs: string; value: string; label: string; blocks: Block[] },
): Promise<void> {
  const { channelId, userId, threadTs } = tap;
  if (!(await isInterview(repos, channelId, threadTs))) return;
  const action = decodeAction(tap.value);
  const language = await converse(
    deps,
    interviewee(channelId, threadTs, userId),
    threadTs,
    `action:${channelId}:${tap.actionTs}:${userId}`,
    action ? { type: "action", action } : { type: "unknown_action" },
  );
  const kept = tap.blocks.filter((block) => block.type !== "actions");
  const t = deps.i18n.forLanguage(language);
  await deps.client.chat.update({
    channel: channelId,
    ts: tap.messageTs,
    text: tap.label,
    blocks: [...kept, context(mrkdwnText(t, "slack:interview.answered", { answer: tap.label, user: userId }))],
  });
}

/** Typed words in an interview thread (a name, a number) answer the open question. */
export async function answerTyped(
  deps: InterviewDeps,
  repos: SlackRepositories,
  typed: { channelId: string; userId: string; threadTs: string; ts: string; text: string },
): Promise<void> {
  const { channelId, userId, threadTs } = typed;
  if (!(await isInterview(repos, channelId, threadTs))) return;
  await converse(deps, interviewee(channelId, threadTs, userId), threadTs, `message:${channelId}:${typed.ts}`, { type: "text", text: typed.text });
}
