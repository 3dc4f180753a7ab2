import { it } from "vitest";
import { startD1 } from "../helpers/d1";
import { processedUpdates, createRepositories } from "../../db";
it("debug", async () => {
  const d1 = await startD1();
  const { db } = await d1.fresh();
  console.log(await db.select().from(processedUpdates));
  const repos = createRepositories(db);
  console.log(await repos.processedUpdates.markProcessed("a", "update-77", "x"));
  const b = await d1.fresh();
  console.log(await b.db.select().from(processedUpdates));
  await d1.dispose();
});
