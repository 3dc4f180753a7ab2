import { useState } from "react";
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from "@mui/material";
import BlockIcon from "@mui/icons-material/Block";
import RestoreIcon from "@mui/icons-material/Restore";
import { useDataProvider, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { useConfirmedAction } from "../layout/useConfirmedAction";
import type { ConsoleDataProvider } from "../providers/data-provider";
import type { ResponseSetRow } from "./types";

/**
 * Excludes a response set from its cluster's score, or restores it, after asking why: the reason goes
 * to the audit log. The score is recomputed before the call returns, so the refreshed page shows it.
 * Only moderators and admins see the button.
 */
export function ModerationButton() {
  const record = useRecordContext<ResponseSetRow>();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const [reason, setReason] = useState("");
  const action = record?.excluded ? "restore" : "exclude";
  const moderation = useConfirmedAction(async () => {
    const result = await dataProvider.moderate(String(record!.id), action, reason);
    setReason("");
    return { message: `console.moderation.${action}d`, messageArgs: { score: result.clusterScore?.consolidated?.toFixed(2) ?? "–" } };
  });
  if (!record || permissions === "viewer" || record.status !== "completed") return null;

  return (
    <>
      <Button
        size="small"
        color={action === "exclude" ? "error" : "primary"}
        startIcon={action === "exclude" ? <BlockIcon /> : <RestoreIcon />}
        onClick={(event) => {
          event.stopPropagation();
          moderation.ask();
        }}
      >
        {translate(`console.moderation.${action}`)}
      </Button>
      <Dialog open={moderation.open} onClose={moderation.close} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`console.moderation.${action}_title`)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`console.moderation.${action}_explain`)}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            label={translate("console.moderation.reason")}
            name="reason"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            helperText={translate("console.moderation.reason_help")}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={moderation.close}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" color={action === "exclude" ? "error" : "primary"} disabled={moderation.saving || reason.trim().length < 3} onClick={moderation.confirm}>
            {translate(`console.moderation.${action}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
