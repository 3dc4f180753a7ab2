/**
 * The questionnaire simulator through the real router: it runs the bots' engine and rendering on a
 * state the page keeps, stores nothing, and refuses a state or input it cannot trust.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleFixture } from "./fixtures";

type Fixture = Awaited<ReturnType<typeof consoleFixture>>;
let fixture: Fixture;
beforeAll(async () => {
  fixture = await consoleFixture();
});
afterAll(() => fixture.close());

interface Button {
  label: string;
  input: { type: string; value?: string; itemId?: string };
}
interface Turn {
  state: { language: string; session: { status: string; cursor: string | null; answers: Record<string, { value: unknown }> } };
  messages: { text: string; buttons: Button[][] }[];
}

async function post(path: string, body: unknown, role: "viewer" | "moderator" | null = "viewer"): Promise<Response> {
  return fixture.call(role, path, { method: "POST", body });
}

/** Rows in every table but the console sign-ins, which a guarded request may refresh. */
function tableCounts(): string {
  const tables = (fixture.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> 'console_sessions'").all() as { name: string }[]).map((row) => row.name);
  return tables.map((table) => `${table}:${(fixture.sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n}`).join(" ");
}

describe("the simulator", () => {
  it("asks the score card's first question as the bot does, with its buttons, in Hindi", async () => {
    const before = tableCounts();
    const response = await post("/simulator/start", { questionnaire: "score_card", language: "hi" });
    expect(response.status).toBe(200);
    const turn = (await response.json()) as Turn;
    expect(turn.state.language).toBe("hi");
    expect(turn.state.session.cursor).toBe("wages_benefits.existence");
    const [message] = turn.messages;
    expect(message?.text).toContain("सवाल 1 /");
    const labels = message!.buttons.flat().map((button) => button.label);
    expect(labels.slice(0, 6)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(message!.buttons.flat().find((button) => button.input.type === "dont_know")?.input).toEqual({ type: "dont_know", itemId: "wages_benefits.existence" });
    expect(tableCounts()).toBe(before);
  });

  it("takes a tapped button and typed text back through the engine, and goes back", async () => {
    let turn = (await (await post("/simulator/start", { questionnaire: "score_card", language: "en" })).json()) as Turn;
    const four = turn.messages[0]!.buttons.flat().find((button) => button.label === "4")!;
    turn = (await (await post("/simulator/step", { state: turn.state, input: four.input })).json()) as Turn;
    expect(turn.state.session.answers["wages_benefits.existence"]?.value).toBe(4);
    expect(turn.messages.at(-1)?.text).toContain("Question 2 of");

    turn = (await (await post("/simulator/step", { state: turn.state, input: { type: "answer", value: "nine" } })).json()) as Turn;
    expect(turn.state.session.cursor).toBe("wages_benefits.intensity");
    expect(turn.messages[0]?.buttons.flat().length).toBeGreaterThan(0);

    turn = (await (await post("/simulator/step", { state: turn.state, input: { type: "answer", value: "3" } }, "moderator")).json()) as Turn;
    const back = turn.messages[0]!.buttons.flat().find((button) => button.input.type === "back")!;
    turn = (await (await post("/simulator/step", { state: turn.state, input: back.input })).json()) as Turn;
    expect(turn.state.session.cursor).toBe("wages_benefits.intensity");
    expect(turn.messages[0]?.text).toContain("3");
  });

  it("runs registration and the declaration too", async () => {
    const registration = (await (await post("/simulator/start", { questionnaire: "registration", language: "en" })).json()) as Turn;
    expect(registration.messages[0]?.buttons.flat().length).toBeGreaterThan(1);
    const declaration = (await (await post("/simulator/start", { questionnaire: "declaration", language: "en" })).json()) as Turn;
    expect(declaration.state.session.cursor).toBe("p1.1");
    expect(declaration.messages[0]?.text).toContain("Principle 1 of 9");
  });

  it("refuses a made-up or tampered state, an unknown input or questionnaire, and anonymous callers", async () => {
    const turn = (await (await post("/simulator/start", { questionnaire: "score_card", language: "en" })).json()) as Turn;
    const session = turn.state.session;
    const refused = [
      await post("/simulator/step", { state: {}, input: { type: "back" } }),
      await post("/simulator/step", { state: { ...turn.state, session: { ...session, cursor: "no.such.item" } }, input: { type: "back" } }),
      await post("/simulator/step", { state: { ...turn.state, session: { ...session, questionnaire: { id: "cluster_profile", version: 1 } } }, input: { type: "back" } }),
      await post("/simulator/step", { state: { ...turn.state, language: "xx" }, input: { type: "back" } }),
      await post("/simulator/step", { state: turn.state, input: { type: "forget" } }),
      await post("/simulator/start", { questionnaire: "cluster_profile", language: "en" }),
    ];
    expect(refused.map((response) => response.status)).toEqual([400, 400, 400, 400, 400, 400]);
    expect((await refused[1]!.json()).message).toMatch(/no item no\.such\.item/);
    expect((await post("/simulator/start", { questionnaire: "score_card", language: "en" }, null)).status).toBe(401);
  });
});
