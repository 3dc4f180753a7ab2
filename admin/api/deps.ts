import type { Logger } from "pino";
import type { Database } from "../../db/database";
import type { Declaration } from "../../db/schema";
import type { CampaignDefaults } from "../../bot/campaigns/planning";

/** What the console's API needs from the host; the lead's entry points pass these in. */
export interface ApiDeps {
  db: Database;
  clock: () => Date;
  newId: () => string;
  logger: Logger;
  /** Recomputes and caches a cluster's score (and is awaited), after anything its score reads changed. */
  rescore: (clusterId: string, now: string) => Promise<unknown>;
  /** Where the server is reached from outside, e.g. `https://samuh.example.org`; absolute links use it. */
  publicUrl?: string;
  /**
   * The Telegram bot's username without `@`, for invite deep links; without it there are no links.
   * Read at request time: the host learns it from Telegram after the API is built.
   */
  readonly telegramBotUsername?: string;
  /** Campaign defaults and the sender to wake; without them the API has no campaigns. */
  campaigns?: { defaults: CampaignDefaults; wake?: () => void };
  /** Tells a declarant about a review once it is stored (the bot's notifier). */
  onDeclarationReviewed?: (declaration: Declaration) => Promise<boolean>;
}
