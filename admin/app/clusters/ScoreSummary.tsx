import { Alert, Box, Paper, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { score } from "../format";
import type { ClusterRecord } from "./types";

const COMPONENTS = [
  ["consolidated", "consolidated"],
  ["awareness", "awareness"],
  ["intensity", "intensity"],
  ["engagement", "engagement"],
  ["economic", "economic"],
  ["brSignificance", "br_significance"],
] as const;

/** The consolidated score and its parts, with a warning while too few respondents count. */
export function ScoreSummary({ record }: { record: ClusterRecord }) {
  const translate = useTranslate();
  return (
    <Box>
      {record.provisional ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate("console.cluster.provisional", { counted: record.countedRespondents })}
        </Alert>
      ) : null}
      <Box sx={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", gap: 2 }}>
        {COMPONENTS.map(([field, key]) => (
          <Paper key={field} variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" color="text.secondary">{translate(`scoring:component.${key}`)}</Typography>
            <Typography variant="h4" component="p" data-testid={`score-${field}`}>{score(record[field])}</Typography>
          </Paper>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {translate("console.cluster.counts", { counted: record.countedRespondents, excluded: record.excludedRespondents, scheme: record.scheme ?? "–" })}
      </Typography>
    </Box>
  );
}
