import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import { useTranslate } from "react-admin";
import type { IssueStats, PriorityEntry } from "../../../core/scoring";
import { score } from "../format";

/**
 * Per issue: how many answered, the three means, how far views diverge (SD and range of intensity)
 * and the priority for action, in the order of action; optional issues follow, unranked.
 */
export function IssueTable({ issues, priorities }: { issues: readonly IssueStats[]; priorities: readonly PriorityEntry[] }) {
  const translate = useTranslate();
  const rank = new Map(priorities.map((entry) => [entry.issue, entry.rank]));
  const ordered = [...issues].sort((a, b) => (rank.get(a.issue) ?? 99) - (rank.get(b.issue) ?? 99));
  return (
    <Table size="small" aria-label={translate("console.cluster.issues")}>
      <TableHead>
        <TableRow>
          <TableCell>{translate("console.issue.rank")}</TableCell>
          <TableCell>{translate("console.issue.issue")}</TableCell>
          <TableCell align="right">n</TableCell>
          <TableCell align="right">{translate("scoring:template.existence")}</TableCell>
          <TableCell align="right">{translate("scoring:template.intensity")}</TableCell>
          <TableCell align="right">{translate("scoring:template.efforts")}</TableCell>
          <TableCell align="right">{translate("console.issue.sd")}</TableCell>
          <TableCell align="right">{translate("console.issue.range")}</TableCell>
          <TableCell align="right">{translate("console.issue.priority")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {ordered.map((stats) => (
          <TableRow key={stats.issue}>
            <TableCell>{rank.get(stats.issue) ?? ""}</TableCell>
            <TableCell>
              {translate(`scoring:issue.${stats.issue}`)}
              {stats.divergence.diverges ? <Chip size="small" color="warning" label={translate("scoring:divergence")} sx={{ ml: 1 }} /> : null}
            </TableCell>
            <TableCell align="right">{stats.n}</TableCell>
            <TableCell align="right">{score(stats.means.existence)}</TableCell>
            <TableCell align="right">{score(stats.means.intensity)}</TableCell>
            <TableCell align="right">{score(stats.means.efforts)}</TableCell>
            <TableCell align="right">{score(stats.divergence.sd)}</TableCell>
            <TableCell align="right">{stats.divergence.range ?? "–"}</TableCell>
            <TableCell align="right">{score(stats.priority)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
