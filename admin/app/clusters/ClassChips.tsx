import { Chip, Stack, Tooltip } from "@mui/material";
import { useTranslate } from "react-admin";

const CATEGORY_BY_NUMBER: Record<string, string> = { "1": "labour", "2": "environment_energy", "3": "community_health", "4": "social" };

/** Table 1.4 labels as the guide prints them (`1EL`), explained on hover. */
export function ClassChips({ labels }: { labels: readonly string[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5}>
      {labels.map((label) => (
        <Tooltip key={label} title={`${translate(`scoring:category.${CATEGORY_BY_NUMBER[label.slice(0, 1)] ?? "labour"}`)}: ${translate(`scoring:class.${label.slice(1)}`)}`}>
          <Chip size="small" label={label} variant="outlined" />
        </Tooltip>
      ))}
    </Stack>
  );
}
