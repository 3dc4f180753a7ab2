import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalDeclaration, canonicalJson, contentHash, normaliseText, sha256Hex, verifyContentHash, type DeclarationContent } from "../../core/declarations";

const content: DeclarationContent = {
  shortCode: "BR-7K3Q9",
  version: 1,
  supersedes: null,
  principleSet: { id: "nvg-2011-annex-iii", version: 1 },
  enterpriseId: "e1",
  clusterId: "c1",
  respondentId: "r1",
  declarant: { name: "Sunita Devi", role: "owner" },
  declaredAt: "2026-03-02T09:00:00.000Z",
  answers: { "P3.2": { answer: "yes" }, "P1.1": { answer: "partly", note: "बोर्ड नहीं, हम दो भाई" } },
};

describe("the canonical form", () => {
  it("sorts keys at every depth and leaves no white space between tokens", () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: "x" } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalDeclaration(content)).toBe(
      '{"answers":{"P1.1":{"answer":"partly","note":"बोर्ड नहीं, हम दो भाई"},"P3.2":{"answer":"yes"}},"clusterId":"c1",' +
        '"declarant":{"name":"Sunita Devi","role":"owner"},"declaredAt":"2026-03-02T09:00:00.000Z","enterpriseId":"e1",' +
        '"format":"samuh-br-declaration/1","principleSet":{"id":"nvg-2011-annex-iii","version":1},"respondentId":"r1",' +
        '"shortCode":"BR-7K3Q9","supersedes":null,"version":1}',
    );
  });

  it("normalises strings: NFC, trimmed, inner white space collapsed", () => {
    const decomposed = "क़".normalize("NFD");
    expect(normaliseText(`  ${decomposed}ारख़ाना \n\t दो `)).toBe("क़ारख़ाना दो".normalize("NFC"));
    const spaced = { ...content, declarant: { name: "  Sunita \n Devi ", role: "owner" } };
    expect(canonicalDeclaration(spaced)).toBe(canonicalDeclaration(content));
  });

  it("does not depend on the order fields were written in", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toBeTypeOf("object");
      }),
    );
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow();
  });
});

describe("the content hash", () => {
  it("is SHA-256 in lower-case hex, the same as sha256sum gives for the canonical bytes", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const expected = createHash("sha256").update(Buffer.from(canonicalDeclaration(content), "utf8")).digest("hex");
    expect(await contentHash(content)).toBe(expected);
  });

  it("changes with any answer, note or declarant, and verifies only unchanged content", async () => {
    const hash = await contentHash(content);
    expect(await verifyContentHash(content, hash)).toBe(true);
    const changed: DeclarationContent[] = [
      { ...content, answers: { ...content.answers, "P3.2": { answer: "partly" } } },
      { ...content, answers: { ...content.answers, "P3.2": { answer: "yes", note: "x" } } },
      { ...content, declarant: { name: "Sunita", role: "owner" } },
      { ...content, supersedes: { shortCode: "BR-22222", contentHash: hash } },
    ];
    for (const variant of changed) expect(await verifyContentHash(variant, hash)).toBe(false);
  });
});
