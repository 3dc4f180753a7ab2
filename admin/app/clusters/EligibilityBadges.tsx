import { Chip, Stack, Tooltip } from "@mui/material";
import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import CancelIcon from "@mui/icons-material/Cancel";
import HelpOutlineIcon from "@mui/icons-material/HelpOutlineOutlined";
import { useTranslate } from "react-admin";
import type { EligibilityCheck } from "../../../core/scoring";

/** The programmes a cluster qualifies for, as compact badges for the list. */
export function EligibleChips({ ids }: { ids: readonly string[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap" }} useFlexGap>
      {ids.map((id) => (
        <Chip key={id} size="small" color="success" variant="outlined" label={translate(`scoring:eligibility.${id}.title`)} />
      ))}
    </Stack>
  );
}

/** Every eligibility check of SPEC §9: met, not met, or unknown until the profile says more. */
export function EligibilityBadges({ checks }: { checks: readonly EligibilityCheck[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }} useFlexGap>
      {checks.map((check) => {
        const reason = translate(check.reasonKey, check.params);
        const status = check.met === true ? "met" : check.met === false ? "not_met" : "unknown";
        return (
          <Tooltip key={check.id} title={reason}>
            <Chip
              icon={check.met === true ? <CheckCircleIcon /> : check.met === false ? <CancelIcon /> : <HelpOutlineIcon />}
              color={check.met === true ? "success" : "default"}
              variant={check.met === true ? "filled" : "outlined"}
              label={`${translate(`scoring:eligibility.${check.id}.title`)} · ${translate(`console.eligibility.${status}`)}`}
              data-testid={`eligibility-${check.id}`}
            />
          </Tooltip>
        );
      })}
    </Stack>
  );
}
