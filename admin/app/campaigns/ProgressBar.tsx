import { Box, LinearProgress, Stack, Tooltip, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import type { MessageCounts } from "../../../db/repositories/campaigns";

/** The counts shown for one kind of message, in the order a moderator reads them. */
const SHOWN = ["sent", "pending", "scheduled", "sending", "failed", "unconfirmed", "optedOut", "finished", "skipped"] as const;

/** One kind of message's counts: a bar of what is settled, and every non-zero count by name. */
export function ProgressBar({ counts, title }: { counts: MessageCounts; title: string }) {
  const translate = useTranslate();
  const total = SHOWN.reduce((sum, key) => sum + counts[key], 0);
  const waiting = counts.pending + counts.scheduled + counts.sending;
  const settled = total === 0 ? 100 : ((total - waiting) / total) * 100;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2">{translate(title)}</Typography>
      <LinearProgress variant="determinate" value={settled} aria-label={translate(title)} sx={{ my: 1, height: 8, borderRadius: 1 }} />
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
        {SHOWN.filter((key) => counts[key] > 0).map((key) => (
          <Tooltip key={key} title={key === "unconfirmed" ? translate("campaigns:console.progress.unconfirmed_help") : ""}>
            <Typography variant="body2">
              {translate(`campaigns:console.progress.${key}`)}: <strong>{counts[key]}</strong>
            </Typography>
          </Tooltip>
        ))}
      </Stack>
    </Box>
  );
}
