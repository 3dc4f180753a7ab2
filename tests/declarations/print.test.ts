import { describe, expect, it } from "vitest";
import { renderDeclarationPage } from "../../admin/declarations/print";
import { createI18n } from "../../bot/i18n";
import { adherence, nvgAnnexIII, type DeclaredAnswers } from "../../core/declarations";
import type { Declaration } from "../../db/schema";

const answers: DeclaredAnswers = { "P1.1": { answer: "partly", note: '<script>alert("x")</script> & co' } };

const declaration: Declaration = {
  id: "d1",
  shortCode: "BR-7K3Q9",
  enterpriseId: "e1",
  respondentId: "r1",
  clusterId: "c1",
  principleSetId: nvgAnnexIII.id,
  principleSetVersion: nvgAnnexIII.version,
  answers,
  declarantName: "Ravi <b>Kumar</b>",
  declarantRole: "owner",
  contentHash: "f".repeat(64),
  status: "returned",
  reviewReason: "Explain \"P1.1\"",
  reviewedBy: "user:m1",
  reviewedAt: "2026-03-03T09:00:00.000Z",
  previousId: null,
  version: 1,
  declaredAt: "2026-03-02T09:00:00.000Z",
};

describe("the printable declaration", () => {
  it("escapes everything people typed and tells how to check the hash", async () => {
    const translate = (await createI18n()).forLanguage("en");
    const page = renderDeclarationPage({
      declaration,
      previous: null,
      enterpriseName: "Kumar & Sons",
      clusterName: "Moradabad",
      set: nvgAnnexIII,
      adherence: adherence(nvgAnnexIII, answers),
      verified: false,
      download: { href: "canonical.json", fileName: "declaration-BR-7K3Q9-v1.json" },
      language: "en",
      translate: (key, params) => translate(key, params ?? {}) as string,
    });
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(page).toContain("Ravi &lt;b&gt;Kumar&lt;/b&gt; (Owner)");
    expect(page).toContain("Kumar &amp; Sons");
    expect(page).toContain("Explain &quot;P1.1&quot;");
    expect(page).toContain("does NOT match");
    expect(page).toContain("sha256sum declaration-BR-7K3Q9-v1.json");
    expect(page).toContain("P1.1 · The owners (or board)");
    expect(page).toContain("<td>Partly</td>");
  });
});
