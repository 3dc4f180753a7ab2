import { message, mrkdwnText } from "../blocks";
import { languageOf } from "../deps";
import type { SlackRepositories } from "../deps";
import { startInterview, type InterviewDeps } from "./interview";
import { linkChannel, unlinkChannel, type ChannelCommand } from "./link";
import { postSummary } from "./summary";

const SUBCOMMANDS = {
  link: linkChannel,
  unlink: unlinkChannel,
  summary: postSummary,
  interview: startInterview,
} as const;

const isSubcommand = (word: string): word is keyof typeof SUBCOMMANDS => Object.hasOwn(SUBCOMMANDS, word);

/**
 * `/samuh <subcommand> [argument]`; anything else (including `help` and nothing) gets the list of
 * subcommands, privately.
 */
export async function runCommand(
  deps: InterviewDeps,
  repos: SlackRepositories,
  input: { channelId: string; userId: string; text: string },
): Promise<void> {
  const [first = "", ...rest] = input.text.trim().split(/\s+/);
  const word = first.toLowerCase();
  const command: ChannelCommand = { channelId: input.channelId, userId: input.userId, argument: rest.join(" ") };
  if (isSubcommand(word)) {
    await SUBCOMMANDS[word](deps, repos, command);
    return;
  }
  const cluster = await repos.clusters.bySlackChannel(input.channelId);
  const t = deps.i18n.forLanguage(languageOf(cluster));
  await deps.client.chat.postEphemeral({ channel: input.channelId, user: input.userId, ...message([mrkdwnText(t, "slack:help")]) });
}
