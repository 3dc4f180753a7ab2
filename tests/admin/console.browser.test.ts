/**
 * The console in a real browser: Chromium drives the built react-admin app, served with the API by
 * @hono/node-server on 127.0.0.1, on a SQLite file seeded through the repositories.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { pino } from "pino";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRoutes } from "../../admin/api";
import { createAccount } from "../../admin/auth/accounts";
import { consoleRoutes, ensureConsoleBuilt } from "../../admin/serve";
import { elementsOf, nvgAnnexIII, type DeclaredAnswers } from "../../core/declarations";
import type { Database } from "../../db/database";
import { declarationRepository } from "../../db/repositories/declarations";
import { enterpriseRepository } from "../../db/repositories/enterprises";
import { respondentRepository } from "../../db/repositories/respondents";
import { PASSWORD, START, WORKED_EXAMPLE, rescoreWith, seedCluster, temporaryDatabase, uniformRatings } from "./fixtures";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const ARTIFACTS = join(REPOSITORY, "tests", "artifacts");
const SCREENSHOTS = join(REPOSITORY, "admin", "screenshots");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

let storage: ReturnType<typeof temporaryDatabase>;
let server: ServerType;
let browser: Browser;
let url: string;
let clusterId: string;

beforeAll(async () => {
  await ensureConsoleBuilt();
  storage = temporaryDatabase();
  const now = START.toISOString();
  for (const [email, role] of [["admin@example.org", "admin"], ["moderator@example.org", "moderator"], ["viewer@example.org", "viewer"]] as const) {
    await createAccount(storage.db, { email, name: `Test ${role}`, role, password: PASSWORD }, { id: crypto.randomUUID(), actor: "system", now });
  }
  clusterId = (
    await seedCluster(storage.db, {
      name: "Samalkha foundry",
      state: "haryana",
      sector: "manufacturing",
      people: [
        { name: "Ramesh", ratings: WORKED_EXAMPLE.r1 },
        { name: "Sunita", ratings: WORKED_EXAMPLE.r2 },
        { name: "Hasty Harish", ratings: uniformRatings(5), seconds: 25 },
      ],
      profile: { participating_units: 64, cepi_score: 66 },
    })
  ).clusterId;
  await seedCluster(storage.db, {
    name: "Jaipur blue pottery",
    state: "rajasthan",
    sector: "handicraft",
    people: [4, 4, 5].map((n, i) => ({ name: `Potter ${i + 1}`, ratings: uniformRatings(n) })),
  });
  await seedCluster(storage.db, { name: "Moradabad brassware", state: "uttar_pradesh", sector: "handicraft", people: [] });
  await seedDeclaration(storage.db, clusterId, now);

  const app = new Hono();
  app.route(
    "/api",
    createApiRoutes({
      db: storage.db,
      clock: () => new Date(),
      newId: () => crypto.randomUUID(),
      logger: pino({ level: "silent" }),
      rescore: rescoreWith(storage.db),
      telegramBotUsername: "samuh_test_bot",
    }),
  );
  app.route("/admin", consoleRoutes());
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  storage?.close();
});

/** A foundry owner's submitted declaration, waiting in the moderators' queue. */
async function seedDeclaration(db: Database, cluster: string, now: string) {
  const { respondent } = await respondentRepository(db).findOrCreateByIdentity({ channel: "telegram", externalId: "declarant", now, newId: "declarant" });
  await enterpriseRepository(db).create({ id: "sharma-castings", clusterId: cluster, name: "Sharma Castings", now });
  const answers: DeclaredAnswers = Object.fromEntries(elementsOf(nvgAnnexIII).map((ref) => [ref.code, { answer: "yes" as const }]));
  const result = await declarationRepository(db).submit({
    id: "declaration-1",
    respondentId: respondent.id,
    enterpriseId: "sharma-castings",
    clusterId: cluster,
    principleSet: { id: nvgAnnexIII.id, version: nvgAnnexIII.version },
    answers,
    declarant: { name: "Anil Sharma", role: "owner" },
    declaredAt: now,
    previous: null,
  });
  if (result.status !== "stored") throw new Error("the declaration was not stored");
}

async function shoot(page: Page, name: string): Promise<string> {
  const path = join(ARTIFACTS, `console-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${url}/admin/`);
  await page.getByRole("textbox", { name: "E-mail address" }).fill(email);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Business responsibility in MSME clusters" }).waitFor();
}

describe("the console in a browser", () => {
  it("refuses a wrong password, then signs in and points a newcomer at the least engaged cluster", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${url}/admin/`);
    await page.getByRole("textbox", { name: "E-mail address" }).fill("moderator@example.org");
    await page.locator('input[name="password"]').fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByText("Wrong e-mail address or password.").count()).toBeGreaterThan(0);

    await signIn(page, "moderator@example.org");
    const least = page.getByTestId("least-engaged-cluster");
    await expect.poll(() => least.textContent()).toContain("Jaipur blue pottery");
    const dashboard = await shoot(page, "dashboard");
    copyFileSync(dashboard, join(SCREENSHOTS, "dashboard.png"));
    await page.close();
  });

  it("opens a cluster, excludes a response set with a reason, and shows the new score at once", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, "moderator@example.org");
    await page.getByRole("menuitem", { name: "Clusters" }).click();
    await page.getByRole("cell", { name: "Samalkha foundry" }).waitFor();
    const list = await shoot(page, "clusters");
    copyFileSync(list, join(SCREENSHOTS, "clusters.png"));
    const csvLink = await page.getByRole("link", { name: "CSV" }).getAttribute("href");
    expect(csvLink).toMatch(/^\/api\/exports\/clusters\.csv\?/);
    const csv = await page.request.get(`${url}${csvLink}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("Samalkha foundry");

    await page.getByRole("cell", { name: "Samalkha foundry" }).click();
    const score = page.getByTestId("score-consolidated");
    await score.waitFor();
    const before = await score.textContent();
    expect(before).not.toBe("2.55");
    await expect.poll(() => page.getByTestId("invite-code").textContent()).toMatch(/^INV/);
    expect(await page.locator('[data-cell][data-current="true"]').count()).toBe(1);

    const hasty = page.getByRole("row").filter({ hasText: "Hasty Harish" });
    await expect.poll(() => hasty.getByText("Same answer everywhere").count()).toBeGreaterThan(0);
    await hasty.getByRole("button", { name: "Exclude" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Reason").fill("Same rating everywhere in 25 seconds");
    await dialog.getByRole("button", { name: "Exclude" }).click();
    // Without the straight-liner, the cluster is the worked example of SPEC §10: S = 2.55.
    await expect.poll(() => score.textContent(), { timeout: 15_000 }).toBe("2.55");
    await expect.poll(() => page.getByText("Excluded. The cluster's score is now 2.55.").count()).toBeGreaterThan(0);
    await expect.poll(() => hasty.getByRole("button", { name: "Restore" }).count()).toBe(1);
    await page.locator('[data-cell="5"][data-current="true"]').waitFor();
    expect(await page.locator('td[data-current="true"]').allTextContents()).toEqual(["1EL", "2EL"]);
    const show = await shoot(page, "cluster");
    copyFileSync(show, join(SCREENSHOTS, "cluster.png"));
    await page.close();
  });

  it("approves a submitted declaration from the queue", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, "moderator@example.org");
    await page.getByRole("menuitem", { name: "Declarations" }).click();
    const row = page.getByRole("row").filter({ hasText: "Sharma Castings" });
    await row.first().waitFor();
    await row.first().click();
    await page.getByRole("button", { name: "Approve" }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => page.getByText(/^Approved/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await declarationRepository(storage.db).get("declaration-1"))?.status).toBe("approved");
    await shoot(page, "declaration");
    await page.close();
  });

  it("shows viewers the scores without moderation buttons, and switches to Hindi", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, "viewer@example.org");
    await page.goto(`${url}/admin/#/clusters/${clusterId}/show`);
    await page.getByTestId("score-consolidated").waitFor();
    await page.getByRole("row").filter({ hasText: "Ramesh" }).waitFor();
    expect(await page.getByRole("button", { name: "Exclude" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Restore" }).count()).toBe(0);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("menuitem", { name: "हिन्दी" }).click();
    await expect.poll(() => page.getByText("कार्यप्रणाली").count()).toBeGreaterThan(0);
    await page.getByText("कार्यप्रणाली").first().click();
    await page.getByRole("heading", { name: "अंक कैसे निकाले जाते हैं", level: 1 }).waitFor();
    await shoot(page, "methodology-hindi");
    await page.close();
  });

  it("lets an admin edit a cluster's economic ratings, rescoring it, and see the change in the audit log", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, "admin@example.org");
    await page.goto(`${url}/admin/#/clusters/${clusterId}/show`);
    const economic = page.getByTestId("score-economic");
    await expect.poll(() => economic.textContent()).toBe("3.00");
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("tab", { name: "Economic ratings" }).click();
    await page.getByRole("combobox", { name: /yearly turnover/ }).click();
    await page.getByRole("option", { name: "5 – Very high" }).click();
    await page.getByRole("button", { name: "Save" }).click();
    // Turnover 2 → 5 raises C from 15/5 to 18/5.
    await expect.poll(() => economic.textContent(), { timeout: 15_000 }).toBe("3.60");
    await page.getByRole("menuitem", { name: "Audit log" }).click();
    await page.getByRole("cell", { name: "cluster.update" }).first().click();
    await expect.poll(() => page.getByText('"economic.turnover": 5').count()).toBeGreaterThan(0);
    await shoot(page, "audit-log");
    await page.close();
  });

  it("lets an admin add a scoring scheme version with another weight and activate it, rescoring every cluster", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(page, "admin@example.org");
    await page.getByRole("menuitem", { name: "Scoring schemes" }).click();
    await page.getByRole("cell", { name: "guide-reciprocal" }).waitFor();
    await page.getByRole("link", { name: "New version" }).click();
    const economic = page.getByRole("spinbutton", { name: "Economic (C)" });
    await economic.waitFor();
    expect(await page.getByRole("spinbutton", { name: "Version" }).inputValue()).toBe("2");
    await page.getByRole("spinbutton", { name: "Awareness (A)" }).fill("0.3");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByText("The four weights must add up to 1; these add up to 1.1.").count()).toBeGreaterThan(0);
    await economic.fill("0.3");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "guide, version 2" }).waitFor();
    await page.getByRole("button", { name: "Activate" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("Every cluster's score will be recomputed with guide@2");
    await dialog.getByRole("button", { name: "Activate" }).click();
    await expect.poll(() => page.getByText("guide@2 is now in use; 3 clusters were rescored.").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId("scoring-scheme-active").waitFor();
    expect(storage.sqlite.prepare("select distinct scheme_name || '@' || scheme_version as scheme from cluster_scores").all()).toEqual([{ scheme: "guide@2" }]);
    await shoot(page, "scoring-scheme");
    await page.close();
  });

  it("serves the console's own routes on reload and the QR code behind the session", async () => {
    const deep = await fetch(`${url}/admin/clusters/${clusterId}/show`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${url}/admin/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/api/clusters/${clusterId}/qr.svg`)).status).toBe(401);
  });
});
