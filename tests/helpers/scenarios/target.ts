/**
 * Where an end-to-end scenario runs. A scenario drives the product only as Telegram would, through its
 * webhook, and reads results from the product's database; so the same scenario proves the same thing
 * against Node + SQLite and against the Worker + D1.
 */
import type { Database } from "../../../db/database";
import type { FakeBotApi } from "../fake-bot-api";
import { startProduct } from "../product";
import { buildWorker, removeBuild, startWorker } from "../worker";

/** One running product. */
export interface Target {
  /** Delivers an update to the Telegram webhook with the product's secret, a given one, or none (`null`). */
  deliver(update: unknown, secret?: string | null): Promise<Response>;
  /** The product's own database, for a scenario's setup and for reading what the product stored. */
  readonly db: Database;
  /** Stops the product and starts it again on the same storage, as a deploy or a crash would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TargetKind {
  name: string;
  /** Starts the product on new storage, with Telegram's Bot API at `botApi`. */
  start(botApi: FakeBotApi): Promise<Target>;
}

export const nodeTarget: TargetKind = {
  name: "Node + SQLite",
  async start(botApi) {
    let product = await startProduct({ botApi });
    return {
      deliver: (update, secret) => product.deliver(update, secret),
      get db() {
        return product.db;
      },
      async restart() {
        await product.close();
        product = await startProduct({ botApi, databasePath: product.databasePath });
      },
      close: () => product.close(),
    };
  },
};

export const workerTarget: TargetKind = {
  name: "Workers + D1",
  async start(botApi) {
    const build = await buildWorker();
    let worker = await startWorker({ build, botApi });
    return {
      deliver: (update, secret) => worker.deliver(update, secret),
      get db() {
        return worker.db;
      },
      async restart() {
        await worker.close();
        worker = await startWorker({ build, botApi, state: worker.state });
      },
      async close() {
        await worker.close();
        removeBuild(build);
      },
    };
  },
};
