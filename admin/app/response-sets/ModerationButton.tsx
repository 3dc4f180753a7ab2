import { useState } from "react";
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from "@mui/material";
import BlockIcon from "@mui/icons-material/Block";
import RestoreIcon from "@mui/icons-material/Restore";
import { useDataProvider, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from "react-admin";
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
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  if (!record || permissions === "viewer" || record.status !== "completed") return null;
  const action = record.excluded ? "restore" : "exclude";

  async function confirm() {
    if (!record) return;
    setSaving(true);
    try {
      const result = await dataProvider.moderate(String(record.id), action, reason);
      notify(`console.moderation.${action}d`, {
        type: "success",
        messageArgs: { score: result.clusterScore?.consolidated?.toFixed(2) ?? "–" },
      });
      setOpen(false);
      setReason("");
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button
        size="small"
        color={action === "exclude" ? "error" : "primary"}
        startIcon={action === "exclude" ? <BlockIcon /> : <RestoreIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate(`console.moderation.${action}`)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(event) => event.stopPropagation()} fullWidth maxWidth="sm">
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
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" color={action === "exclude" ? "error" : "primary"} disabled={saving || reason.trim().length < 3} onClick={confirm}>
            {translate(`console.moderation.${action}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
