import { Chip, Stack } from "@mui/material";
import { useTranslate } from "react-admin";
import type { ScoringSchemeRow } from "./types";

/** Whether a scheme version is the one in use, and whether it ships with Samuh. */
export function SchemeChips({ record }: { record: ScoringSchemeRow }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      {record.active ? <Chip size="small" color="success" label={translate("console.scoring_scheme.active")} data-testid="scoring-scheme-active" /> : null}
      {record.builtIn ? <Chip size="small" variant="outlined" label={translate("console.scoring_scheme.built_in")} /> : null}
    </Stack>
  );
}
