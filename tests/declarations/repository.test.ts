import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elementsOf, nvgAnnexIII, verifyContentHash, type DeclaredAnswers } from "../../core/declarations";
import { clusterRepository } from "../../db/repositories/clusters";
import { declarationContent, declarationRepository, type SubmitInput } from "../../db/repositories/declarations";
import { enterpriseRepository } from "../../db/repositories/enterprises";
import { respondentRepository } from "../../db/repositories/respondents";
import { auditLog } from "../../db/schema";
import { openSqlite, type SqliteHandle } from "../../db/sqlite";

const NOW = "2026-03-02T09:00:00.000Z";
let storage: SqliteHandle;
let base: Omit<SubmitInput, "id" | "previous">;

const allYes: DeclaredAnswers = Object.fromEntries(elementsOf(nvgAnnexIII).map((ref) => [ref.code, { answer: "yes" as const }]));

beforeAll(async () => {
  storage = openSqlite(join(mkdtempSync(join(tmpdir(), "samuh-declarations-")), "samuh.sqlite"));
  const { db } = storage;
  await clusterRepository(db).create({ id: "c1", name: "Moradabad brassware", inviteCode: "MBD", now: NOW });
  const { respondent } = await respondentRepository(db).findOrCreateByIdentity({ channel: "telegram", externalId: "1", now: NOW, newId: "r1" });
  await enterpriseRepository(db).create({ id: "e1", clusterId: "c1", name: "Brass works", now: NOW });
  base = {
    respondentId: respondent.id,
    enterpriseId: "e1",
    clusterId: "c1",
    principleSet: { id: nvgAnnexIII.id, version: nvgAnnexIII.version },
    answers: { ...allYes, "P2.3": { answer: "partly", note: "  effluent  tank\nbeing built " } },
    declarant: { name: " Imran  Ali ", role: "owner" },
    declaredAt: NOW,
  };
});
afterAll(() => storage.close());

describe("the declarations repository", () => {
  it("stores normalised content whose hash verifies, and lets only one first declaration per enterprise in", async () => {
    const repository = declarationRepository(storage.db);
    const [a, b] = await Promise.all([repository.submit({ ...base, id: "d1", previous: null }), repository.submit({ ...base, id: "d2", previous: null })]);
    expect([a.status, b.status].sort()).toEqual(["conflict", "stored"]);
    const first = a.status === "stored" ? a.declaration : b.status === "stored" ? b.declaration : null;
    expect(first?.declarantName).toBe("Imran Ali");
    expect(first?.answers["P2.3"]).toEqual({ answer: "partly", note: "effluent tank being built" });
    expect(await verifyContentHash(declarationContent(first!, null), first!.contentHash)).toBe(true);
  });

  it("refuses an amendment of a version that is no longer current, and keeps every version", async () => {
    const repository = declarationRepository(storage.db);
    const current = (await repository.current("e1"))!;
    const amended = await repository.submit({ ...base, id: "d3", previous: current });
    expect(amended).toMatchObject({ status: "stored", declaration: { version: 2, previousId: current.id, status: "submitted" } });
    expect(await repository.submit({ ...base, id: "d4", previous: current })).toEqual({ status: "conflict" });
    const history = await repository.history("e1");
    expect(history.map((row) => [row.version, row.status])).toEqual([
      [2, "submitted"],
      [1, "superseded"],
    ]);
    expect(history[1]?.contentHash).toBe(current.contentHash);
  });

  it("reviews a submitted declaration once: of two decisions at once, one wins and one audit entry is written", async () => {
    const repository = declarationRepository(storage.db);
    const [approve, giveBack] = await Promise.all([
      repository.review({ id: "d3", decision: "approve", reason: null, actor: "user:m1", now: NOW }),
      repository.review({ id: "d3", decision: "return", reason: "Check P2.3", actor: "user:m2", now: NOW }),
    ]);
    expect([approve.status, giveBack.status].sort()).toEqual(["not_submitted", "reviewed"]);
    const entries = await storage.db.select().from(auditLog).where(eq(auditLog.entityId, "d3"));
    expect(entries).toHaveLength(1);
    const row = (await repository.get("d3"))!;
    expect(entries[0]?.action).toBe(row.status === "approved" ? "declaration.approve" : "declaration.return");
    expect(await repository.review({ id: "missing", decision: "approve", reason: null, actor: "user:m1", now: NOW })).toEqual({ status: "not_found" });
  });
});
