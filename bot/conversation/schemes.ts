import { clusterSearchContext, searchSchemes } from "../../db/repositories/schemes-search";
import type { Database } from "../../db/database";
import type { Cluster } from "../../db/schema";
import { encodeAction, MAX_ACTION_BYTES } from "./actions";
import { literal, text, type Reply, type Text } from "./reply";

/** Schemes per message: three fit a phone's screen with their reasons. */
export const SCHEMES_PER_PAGE = 3;
const MAX_PURPOSE_LENGTH = 160;

/** The first sentence of an objective, which is what a person scanning a list reads. */
export function purpose(objective: string): string {
  const first = /^.*?[.!?।](?=\s|$)/u.exec(objective.trim())?.[0] ?? objective.trim();
  return first.length <= MAX_PURPOSE_LENGTH ? first : `${first.slice(0, MAX_PURPOSE_LENGTH - 1)}…`;
}

/**
 * The words a "more" button can carry: Telegram allows 64 bytes of button data, so long searches are
 * shortened at a character boundary (the next page then searches the shortened words).
 */
function wordsThatFit(words: string, offset: number): string {
  const room = MAX_ACTION_BYTES - new TextEncoder().encode(encodeAction({ type: "schemes_more", offset, words: "" })).length;
  let fitted = "";
  for (const character of words) {
    if (new TextEncoder().encode(fitted + character).length > room) break;
    fitted += character;
  }
  return fitted;
}

/**
 * A page of scheme search results for a chat, ranked for the person's cluster when they have one.
 * Every hit says why it was found; closed schemes say what replaced them.
 */
export async function schemeReplies(
  db: Database,
  request: { words: string; offset: number; language: string; cluster: Cluster | null },
): Promise<Reply[]> {
  const words = request.words.trim();
  if (words === "") return [{ lines: [text("schemes:reply.empty_query")] }];
  const cluster = request.cluster ? await clusterSearchContext(db, request.cluster) : undefined;
  const result = await searchSchemes(db, {
    text: words,
    locale: request.language,
    ...(cluster ? { cluster } : {}),
    limit: SCHEMES_PER_PAGE,
    offset: request.offset,
  });
  if (result.hits.length === 0) {
    return [{ lines: [request.offset === 0 ? text("schemes:reply.no_results", { query: words }) : text("schemes:reply.no_more")] }];
  }
  const lines: Text[] = request.offset === 0 ? [text("schemes:reply.header", { query: words, total: result.total })] : [];
  result.hits.forEach((hit, index) => {
    const entry: Text[] = [
      text("schemes:reply.hit", { position: request.offset + index + 1, name: hit.scheme.name, ministry: hit.scheme.ministry }),
      literal(purpose(hit.scheme.objective)),
    ];
    if (hit.reasons.length > 0) {
      entry.push(text("schemes:reply.why", { reasons: { join: hit.reasons.map((reason) => text(reason.key, reason.params)), separator: "; " } }));
    }
    const link = hit.scheme.links[0];
    if (link) entry.push(literal(link));
    lines.push({ join: entry, separator: "\n" });
  });
  const next = request.offset + result.hits.length;
  if (next >= result.total) return [{ lines }];
  return [
    {
      lines,
      buttons: [[{ label: text("schemes:reply.more"), action: encodeAction({ type: "schemes_more", offset: next, words: wordsThatFit(words, next) }) }]],
    },
  ];
}
