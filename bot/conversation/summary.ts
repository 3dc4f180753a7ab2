import type { ClusterScore } from "../../core/scoring";
import { round2 } from "../../core/scoring";
import { text, type Reply } from "./reply";

/**
 * The last words of a finished score card: where the cluster stands now that this person answered,
 * and what matters most there. A provisional score is not shown as a number, only how many more
 * answers it needs.
 */
export function completionSummary(cluster: { name: string }, score: ClusterScore, provisionalMinimum: number): Reply {
  const lines = [];
  if (score.provisional || score.consolidated === null) {
    lines.push(
      text("bot:cluster_score_provisional", { cluster: cluster.name, count: score.counted, min: provisionalMinimum }),
    );
  } else {
    lines.push(
      text("bot:cluster_score", { cluster: cluster.name, score: round2(score.consolidated).toFixed(2), count: score.counted }),
    );
  }
  const top = score.priorities[0];
  if (top) lines.push(text("bot:top_priority", { issue: text(`scoring:issue.${top.issue}`) }));
  return { lines };
}
