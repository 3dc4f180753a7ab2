/**
 * SPEC §7 end to end: an artisan declares in Hindi through the real Telegram webhook, a moderator
 * returns the declaration through the real API routes, the artisan is told in Hindi and amends, the
 * moderator approves. Both versions stay, both hashes verify, and the cluster's adherence follows.
 */
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../../admin/auth/accounts";
import { adherence, elementsOf, nvgAnnexIII, SHORT_CODE_PATTERN, type DeclaredAnswers } from "../../core/declarations";
import { clusterRepository } from "../../db/repositories/clusters";
import { auditLog, declarations, type Declaration } from "../../db/schema";
import { startFakeBotApi, type FakeBotApi } from "../helpers/fake-bot-api";
import { startProduct, type Product } from "../helpers/product";
import { callbackQuery, textMessage, user, type TestUser } from "../helpers/telegram-updates";

const PASSWORD = "a long enough passphrase";
const CLUSTER = "bhadohi";

let botApi: FakeBotApi;
let product: Product;
/** The console's API as the server mounts it, with the bot's notifier behind every review. */
const api = { request: (path: string, init?: RequestInit) => fetch(`${product.url}/api${path}`, init) };
const cookies: Record<"moderator" | "viewer", string> = { moderator: "", viewer: "" };

beforeAll(async () => {
  botApi = await startFakeBotApi();
  product = await startProduct({ botApi });
  const now = new Date().toISOString();
  await clusterRepository(product.db).create({ id: CLUSTER, name: "भदोही कालीन क्लस्टर", inviteCode: "BHADOHI", defaultLocale: "hi", now });

  for (const role of ["moderator", "viewer"] as const) {
    const email = `${role}@example.org`;
    await createAccount(product.db, { email, name: `The ${role}`, role, password: PASSWORD }, { id: `${role}-1`, actor: "system", now });
    const response = await api.request("/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    cookies[role] = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }
});

afterAll(async () => {
  await product.close();
  await botApi.close();
});

function call(role: "moderator" | "viewer", path: string, body?: unknown) {
  return api.request(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { cookie: cookies[role], ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function deliver(update: unknown) {
  expect((await product.deliver(update)).status).toBe(200);
}

function lastMessage(person: TestUser) {
  const last = botApi.messagesTo(person.id).at(-1);
  if (!last) throw new Error(`no message to ${person.id}`);
  return last;
}

async function tap(person: TestUser, itemId: string, value: string) {
  const data = `a|${itemId}|${value}`;
  const buttons = (lastMessage(person).reply_markup?.inline_keyboard ?? []).flat();
  expect(buttons.some((button) => button.callback_data === data), `button ${data} in ${JSON.stringify(lastMessage(person))}`).toBe(true);
  await deliver(callbackQuery(person, data));
}

/** Answers every element: a tap for each, except elements given as typed text (an answer's number and a note). */
async function answerElements(person: TestUser, taps: Record<string, string>, typed: Record<string, string>) {
  for (const ref of elementsOf(nvgAnnexIII)) {
    const itemId = ref.code.toLowerCase();
    expect(lastMessage(person).text).toContain(`${ref.code} ·`);
    const text = typed[itemId];
    if (text === undefined) await tap(person, itemId, taps[itemId] ?? "yes");
    else await deliver(textMessage(person, text));
  }
}

async function confirmAs(person: TestUser, name: string) {
  await deliver(textMessage(person, name));
  await tap(person, "declarant_role", "owner");
  await tap(person, "affirmation", "confirm");
}

async function stored(): Promise<Declaration[]> {
  return product.db.select().from(declarations).orderBy(asc(declarations.version));
}

async function clusterAdherence() {
  return (await (await call("viewer", `/declarations/adherence?clusterId=${CLUSTER}`)).json()) as {
    sets: { declarations: number; overall: number | null; principles: { principle: number; share: number | null }[] }[];
  };
}

describe("a BR declaration by chat, reviewed by a moderator", () => {
  const artisan = user(930001, "hi");
  const worker = user(930002, "hi");
  let first: Declaration;
  let second: Declaration;

  it("registers an owner in Hindi and explains who may declare to anyone else", async () => {
    await deliver(textMessage(artisan, "/start BHADOHI"));
    await tap(artisan, "language", "hi");
    await tap(artisan, "stakeholder_type", "core_firm_owner");
    await deliver(textMessage(artisan, "शर्मा कालीन उद्योग"));
    await tap(artisan, "size_class", "micro");
    await deliver(textMessage(artisan, "12"));
    await deliver(textMessage(artisan, "5"));
    await tap(artisan, "consent", "yes");

    await deliver(textMessage(worker, "/start BHADOHI"));
    await tap(worker, "language", "hi");
    await tap(worker, "stakeholder_type", "worker");
    await tap(worker, "consent", "yes");
    await deliver(textMessage(worker, "/declare"));
    expect(lastMessage(worker).text).toContain("घोषणा उद्यम के मालिक, या मालिक द्वारा अधिकृत मैनेजर, करते हैं");
  });

  it("walks the owner through 54 statements in Hindi, sums up per principle, and stores the affirmed declaration", async () => {
    await deliver(textMessage(artisan, "/declare"));
    const opening = lastMessage(artisan).text;
    expect(opening).toContain("शर्मा कालीन उद्योग के लिए व्यापार ज़िम्मेदारी घोषणा");
    expect(opening).toContain("सिद्धांत 1 / 9");
    expect(opening).toContain("P1.1 · मालिक (या बोर्ड)");

    await answerElements(artisan, { "p2.4": "not_yet", "p7.1": "na", "p7.2": "na", "p7.3": "na", "p8.5": "partly" }, { "p3.9": "2 आधे कामगारों का पीएफ़ अभी बाकी" });
    const summary = botApi.messagesTo(artisan.id).at(-1)!.text;
    expect(summary).toContain("सिद्धांत के अनुसार आपके जवाब");
    expect(summary).toContain("P7: लागू नहीं");
    expect(summary).toContain("P3: 94% (9 लागू)");
    expect(summary).toContain("अपना पूरा नाम लिखें");

    await confirmAs(artisan, "  सुनीता   देवी ");
    const receipt = lastMessage(artisan).text;
    const rows = await stored();
    expect(rows).toHaveLength(1);
    first = rows[0]!;
    expect(first.shortCode).toMatch(SHORT_CODE_PATTERN);
    expect(receipt).toContain(`घोषणा संख्या: ${first.shortCode} (संस्करण 1)`);
    expect(receipt).toContain(first.contentHash);
    expect(first).toMatchObject({ status: "submitted", version: 1, previousId: null, declarantName: "सुनीता देवी", declarantRole: "owner", clusterId: CLUSTER });
    expect(first.principleSetId).toBe("nvg-2011-annex-iii");
    expect(first.answers["P3.9"]).toEqual({ answer: "partly", note: "आधे कामगारों का पीएफ़ अभी बाकी" });
    expect(first.answers["P7.1"]).toEqual({ answer: "not_applicable" });
    expect(Object.keys(first.answers)).toHaveLength(54);
  });

  it("lets a moderator return it with a reason, audited, and tells the artisan in Hindi", async () => {
    expect((await call("viewer", `/declarations/${first.id}/return`, { reason: "P3.9 पर पीएफ़ का ब्योरा दें" })).status).toBe(403);
    expect((await call("moderator", `/declarations/${first.id}/return`, {})).status).toBe(400);
    const response = await call("moderator", `/declarations/${first.id}/return`, { reason: "P3.9 पर पीएफ़ का ब्योरा दें" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "returned", reviewReason: "P3.9 पर पीएफ़ का ब्योरा दें", notified: true, verified: true });
    const notice = lastMessage(artisan).text;
    expect(notice).toContain(`आपकी घोषणा ${first.shortCode} मॉडरेटर ने इस कारण से लौटा दी है`);
    expect(notice).toContain("P3.9 पर पीएफ़ का ब्योरा दें");
    expect((await call("moderator", `/declarations/${first.id}/approve`, {})).status).toBe(409);
    expect(await clusterAdherence()).toMatchObject({ sets: [] });
  });

  it("lets the artisan amend from the earlier answers, creating a second version that supersedes the first", async () => {
    await deliver(textMessage(artisan, "/declare"));
    const opening = lastMessage(artisan).text;
    expect(opening).toContain(`आपकी घोषणा ${first.shortCode} मॉडरेटर ने लौटा दी है: “P3.9 पर पीएफ़ का ब्योरा दें”`);
    expect(opening).toContain("आपका जवाब था: हाँ");

    await answerElements(
      artisan,
      { "p2.4": "not_yet", "p7.1": "na", "p7.2": "na", "p7.3": "na", "p8.5": "partly", "p6.1": "partly" },
      { "p3.9": "1 सबका पीएफ़ मार्च से जमा", "p6.4": "3 =1+1 पेड़ लगाने की योजना" },
    );
    await confirmAs(artisan, "सुनीता देवी");
    const rows = await stored();
    expect(rows).toHaveLength(2);
    [first, second] = rows as [Declaration, Declaration];
    expect(first.status).toBe("superseded");
    expect(first.answers["P3.9"]?.answer).toBe("partly");
    expect(second).toMatchObject({ status: "submitted", version: 2, previousId: first.id });
    expect(second.answers["P3.9"]).toEqual({ answer: "yes", note: "सबका पीएफ़ मार्च से जमा" });
    expect(lastMessage(artisan).text).toContain(`${second.shortCode} (संस्करण 2)`);
  });

  it("approves the amendment, tells the artisan, and the cluster's adherence follows", async () => {
    const response = await call("moderator", `/declarations/${second.id}/approve`, {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "approved", notified: true });
    expect(lastMessage(artisan).text).toContain(`आपकी घोषणा ${second.shortCode} (संस्करण 2) स्वीकृत हो गई है`);

    const expected = adherence(nvgAnnexIII, second.answers as DeclaredAnswers);
    const { sets } = await clusterAdherence();
    expect(sets).toHaveLength(1);
    expect(sets[0]?.declarations).toBe(1);
    expect(sets[0]?.overall).toBeCloseTo(expected.overall ?? Number.NaN, 12);
    expect(sets[0]?.principles.find((p) => p.principle === 7)?.share).toBeNull();
    expect(sets[0]?.principles.find((p) => p.principle === 3)?.share).toBe(1);

    const audit = await product.db.select().from(auditLog).where(eq(auditLog.entity, "declaration")).orderBy(asc(auditLog.id));
    expect(audit.map((entry) => [entry.action, entry.entityId, entry.actor])).toEqual([
      ["declaration.return", first.id, "user:moderator-1"],
      ["declaration.approve", second.id, "user:moderator-1"],
    ]);
    expect(audit[0]?.before).toMatchObject({ status: "submitted" });
    expect(audit[0]?.after).toMatchObject({ status: "returned", reviewReason: "P3.9 पर पीएफ़ का ब्योरा दें" });
  });

  it("keeps both versions, whose hashes verify over the downloadable canonical JSON and chain together", async () => {
    for (const declaration of [first, second]) {
      const detail = await (await call("viewer", `/declarations/${declaration.id}`)).json();
      expect(detail.verified).toBe(true);
      const download = await call("viewer", `/declarations/${declaration.id}/canonical.json`);
      expect(download.headers.get("content-disposition")).toContain(`declaration-${declaration.shortCode}-v${declaration.version}.json`);
      const bytes = Buffer.from(await download.arrayBuffer());
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(declaration.contentHash);
    }
    const canonical = JSON.parse(await (await call("viewer", `/declarations/${second.id}/canonical.json`)).text());
    expect(canonical.supersedes).toEqual({ shortCode: first.shortCode, contentHash: first.contentHash });

    const list = await call("viewer", `/declarations?filter=${encodeURIComponent(JSON.stringify({ clusterId: CLUSTER }))}&sort=${encodeURIComponent('["version","ASC"]')}&range=[0,9]`);
    expect(list.headers.get("content-range")).toBe("declarations 0-1/2");
    expect(((await list.json()) as { status: string; enterpriseName: string }[]).map((row) => [row.status, row.enterpriseName])).toEqual([
      ["superseded", "शर्मा कालीन उद्योग"],
      ["approved", "शर्मा कालीन उद्योग"],
    ]);
  });

  it("prints the declaration with its hash and the way to check it, and exports CSV safe for spreadsheets", async () => {
    const page = await (await call("viewer", `/declarations/${second.id}/print?lang=hi`)).text();
    expect(page).toContain(second.contentHash);
    expect(page).toContain(`sha256sum declaration-${second.shortCode}-v2.json`);
    expect(page).toContain("P3.2 · हम कभी बाल मज़दूरी");
    expect(page).toContain("@media print");
    expect(page).toContain(first.contentHash);

    const csv = await call("viewer", `/declarations/export.csv?filter=${encodeURIComponent(JSON.stringify({ status: "approved" }))}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    // Streamed with a byte-order mark, so that spreadsheet programs read the Devanagari as UTF-8.
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split("\n");
    expect(lines).toHaveLength(55);
    // Names are personal data: a viewer's export leaves them out (admins may ask for them, tests/admin/exports-responses.test.ts).
    expect(lines[0]).toBe("declaration,version,status,cluster,declared_at,declarant_role,principle_set,principle_set_version,element,statement,answer,note,content_hash");
    const treePlanting = lines.find((line) => line.includes(",P6.4,"));
    expect(treePlanting).toContain(",not_yet,'=1+1 पेड़ लगाने की योजना,");

    const workbook = await call("viewer", `/declarations/export.xlsx?filter=${encodeURIComponent(JSON.stringify({ status: "approved" }))}`);
    expect(workbook.headers.get("content-type")).toContain("spreadsheetml");
    const zip = new Uint8Array(await workbook.arrayBuffer());
    expect(String.fromCharCode(zip[0]!, zip[1]!)).toBe("PK");
  });
});
