import { Chip, Stack, Tooltip } from "@mui/material";
import { useTranslate } from "react-admin";
import type { Flag } from "../../../core/scoring";

/** Moderation flags (SPEC §6): hints for a moderator, never a decision. */
export function FlagChips({ flags }: { flags: readonly Flag[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap" }} useFlexGap>
      {flags.map((flag) => (
        <Tooltip key={flag.kind} title={translate(flag.reasonKey, flag.params)}>
          <Chip size="small" color="warning" label={translate(`scoring:flag.${flag.kind}.name`)} />
        </Tooltip>
      ))}
    </Stack>
  );
}
