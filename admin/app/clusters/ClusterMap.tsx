import { Box, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { MAP_LEVELS } from "../../../core/scoring";

const PRIORITY: Record<number, number> = { 9: 1, 8: 2, 6: 3, 5: 4 };

/**
 * The 3×3 cluster map of Tables 2.3–2.4: rows are BR significance (high at the top), columns the
 * economic score. The cluster's cell is filled; the guide's priority cells carry their rank.
 */
export function ClusterMap({ cell }: { cell: number | null }) {
  const translate = useTranslate();
  const rows = [...MAP_LEVELS].reverse();
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: "auto repeat(3, 1fr)", gap: 0.5, maxWidth: 420 }} role="table" aria-label={translate("console.map.title")}>
      <Box />
      {MAP_LEVELS.map((level) => (
        <Typography key={level} variant="caption" align="center">
          {translate("console.map.economic")}: {translate(`scoring:level.${level}`)}
        </Typography>
      ))}
      {rows.map((brLevel) => (
        <Box key={brLevel} sx={{ display: "contents" }} role="row">
          <Typography variant="caption" sx={{ alignSelf: "center", pr: 1 }}>
            {translate("console.map.br")}: {translate(`scoring:level.${brLevel}`)}
          </Typography>
          {MAP_LEVELS.map((economicLevel) => {
            const number = 3 * MAP_LEVELS.indexOf(brLevel) + MAP_LEVELS.indexOf(economicLevel) + 1;
            const current = number === cell;
            return (
              <Box
                key={economicLevel}
                role="cell"
                data-cell={number}
                data-current={current || undefined}
                sx={{
                  border: 1,
                  borderColor: current ? "primary.main" : "divider",
                  bgcolor: current ? "primary.main" : PRIORITY[number] ? "action.hover" : "transparent",
                  color: current ? "primary.contrastText" : "text.primary",
                  borderRadius: 1,
                  p: 1,
                  minHeight: 56,
                  textAlign: "center",
                }}
              >
                <Typography variant="h6" component="div">{number}</Typography>
                {PRIORITY[number] ? <Typography variant="caption">{translate("console.map.priority", { rank: PRIORITY[number] })}</Typography> : null}
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
