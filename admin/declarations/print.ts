import { elementsOf, textKeys, type Adherence, type PrincipleSet } from "../../core/declarations";
import type { Declaration } from "../../db/schema";

type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface PrintableDeclaration {
  declaration: Declaration;
  /** The version this one replaces, shown so a reader can follow the chain of hashes. */
  previous: Pick<Declaration, "shortCode" | "contentHash"> | null;
  enterpriseName: string | null;
  clusterName: string | null;
  set: PrincipleSet;
  adherence: Adherence;
  /** Whether the stored content still hashes to the stored fingerprint. */
  verified: boolean;
  /** Where the canonical JSON is downloaded from, relative to the page, and the file name it is saved as. */
  download: { href: string; fileName: string };
  language: string;
  translate: Translate;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Everything that reaches the page from people (names, notes, reasons) goes through here. */
function escape(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const percent = (share: number | null, none: string) => (share === null ? none : `${Math.round(share * 100)}%`);

/**
 * Print-friendly CSS: A4 with margins, no colours that waste ink, a table that breaks between rows
 * and repeats its header, and the download link hidden on paper where it cannot be clicked.
 */
const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font: 11pt/1.45 "Noto Sans", "Noto Sans Devanagari", system-ui, sans-serif; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 16pt; margin: 0 0 .5em; }
  h2 { font-size: 12.5pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1.2em; margin: 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  th, td { text-align: left; vertical-align: top; padding: .25em .4em; border-bottom: 1px solid #ccc; }
  th.share, td.share { text-align: right; white-space: nowrap; }
  tr.principle th { background: #eee; }
  .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; word-break: break-all; font-size: 10.5pt; }
  .ok { color: #05612b; }
  .mismatch { color: #a00; font-weight: 700; }
  .affirmation { margin: 1.2em 0; font-style: italic; }
  @media print { .screen-only { display: none; } body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/**
 * The printable declaration: who declared what and when, every statement with its answer and note,
 * adherence per principle, and the content hash with the steps to check it against the canonical JSON.
 *
 * @example c.html(renderDeclarationPage({ declaration, previous, set, adherence, verified, translate, … }))
 */
export function renderDeclarationPage(input: PrintableDeclaration): string {
  const { declaration: d, translate: t, set } = input;
  const p = (key: string, params?: Record<string, unknown>) => escape(t(`declarations:print.${key}`, params));
  const keys = textKeys(set);
  const none = p("not_applicable_share");

  const facts: [string, string][] = [
    [p("enterprise"), escape(input.enterpriseName ?? "—")],
    [p("cluster"), escape(input.clusterName ?? "—")],
    [p("declarant"), `${escape(d.declarantName)} (${escape(t(`declarations:roles.${d.declarantRole}`, { defaultValue: d.declarantRole }))})`],
    [p("declared_at"), escape(d.declaredAt)],
    [p("version"), String(d.version)],
    [p("principle_set"), `${escape(t(keys.title))} — ${escape(set.id)} v${set.version}`],
    [p("status"), escape(t(`declarations:statuses.${d.status}`))],
  ];
  if (input.previous) facts.push([p("supersedes"), `${escape(input.previous.shortCode)} · <span class="hash">${escape(input.previous.contentHash)}</span>`]);
  if (d.reviewReason) facts.push([p("review_reason"), escape(d.reviewReason)]);

  const rows = input.set.principles.map((principle) => {
    const stand = input.adherence.principles.find((entry) => entry.principle === principle.number);
    const heading = `<tr class="principle"><th colspan="3">${escape(t(keys.principleTitle(principle.number)))}</th><th class="share">${percent(stand?.share ?? null, none)}</th></tr>`;
    const elements = elementsOf(set)
      .filter((ref) => ref.principle === principle.number)
      .map((ref) => {
        const given = d.answers[ref.code];
        const answer = given ? escape(t(`declarations:answers.${given.answer}`)) : "—";
        return `<tr><td>${escape(t(keys.element(ref.principle, ref.element)))}</td><td>${answer}</td><td colspan="2">${escape(given?.note ?? "")}</td></tr>`;
      });
    return [heading, ...elements].join("\n");
  });

  return `<!doctype html>
<html lang="${escape(input.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p("title", { code: d.shortCode })}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${p("title", { code: d.shortCode })}</h1>
<dl class="facts">
${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join("\n")}
</dl>
<h2>${p("adherence")}</h2>
<table>
<thead><tr><th>${p("statement")}</th><th>${p("answer")}</th><th>${p("note")}</th><th class="share">${p("adherence")}</th></tr></thead>
<tbody>
${rows.join("\n")}
<tr class="principle"><th colspan="3">${p("overall")}</th><th class="share">${percent(input.adherence.overall, none)}</th></tr>
</tbody>
</table>
<p class="affirmation">${p("affirmation")} — ${escape(d.declarantName)}</p>
<h2>${p("hash_title")}</h2>
<p class="hash">${escape(d.contentHash)}</p>
<p class="${input.verified ? "ok" : "mismatch"}">${p(input.verified ? "hash_verified" : "hash_mismatch")}</p>
<h2>${p("verify_title")}</h2>
<p>${p("verify_steps", { file: input.download.fileName })}</p>
<p class="screen-only"><a href="${escape(input.download.href)}" download="${escape(input.download.fileName)}">${p("download")}</a></p>
</body>
</html>
`;
}
