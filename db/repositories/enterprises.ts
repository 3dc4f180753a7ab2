import { eq } from "drizzle-orm";
import type { Database } from "../database";
import { type Enterprise, type SizeClass, enterprises } from "../schema";

export interface NewEnterpriseInput {
  id: string;
  clusterId: string;
  name: string | null;
  sizeClass?: SizeClass | null;
  workforceTotal?: number | null;
  workforceWomen?: number | null;
  now: string;
}

export type EnterprisePatch = Partial<Pick<Enterprise, "name" | "sizeClass" | "workforceTotal" | "workforceWomen">>;

/** The firms respondents answer for. */
export function enterpriseRepository(db: Database) {
  return {
    async create(input: NewEnterpriseInput): Promise<Enterprise> {
      const { now, ...fields } = input;
      const [row] = await db
        .insert(enterprises)
        .values({ ...fields, createdAt: now })
        .returning();
      if (!row) throw new Error(`enterprise ${input.id} was not stored`);
      return row;
    },

    async get(id: string): Promise<Enterprise | null> {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
      return row ?? null;
    },

    async update(id: string, patch: EnterprisePatch): Promise<Enterprise | null> {
      const [row] = await db.update(enterprises).set(patch).where(eq(enterprises.id, id)).returning();
      return row ?? null;
    },

    async byCluster(clusterId: string): Promise<Enterprise[]> {
      return db.select().from(enterprises).where(eq(enterprises.clusterId, clusterId)).orderBy(enterprises.name, enterprises.id);
    },
  };
}

export type EnterpriseRepository = ReturnType<typeof enterpriseRepository>;
