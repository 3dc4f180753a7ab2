import { useState } from "react";
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from "@mui/material";
import CheckIcon from "@mui/icons-material/Check";
import UndoIcon from "@mui/icons-material/Undo";
import { useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { apiUrl, httpClient } from "../providers/api";
import type { DeclarationRecord } from "./types";

type Decision = "approve" | "return";

/** The API refuses a return without a reason of at least this length; the button waits for one. */
const MIN_RETURN_REASON = 3;

/**
 * Approves a declaration or returns it with a reason, after a dialog. Both are final for this
 * version (the declarant amends by declaring again), so each asks first. Only moderators and admins
 * see the buttons, and only while the declaration waits for review.
 */
export function ReviewButtons() {
  const record = useRecordContext<DeclarationRecord>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState("");
  const [saving, setSaving] = useState(false);
  if (!record || permissions === "viewer" || record.status !== "submitted") return null;

  async function confirm() {
    if (!record || !decision) return;
    setSaving(true);
    try {
      const { json } = await httpClient(apiUrl(`/declarations/${encodeURIComponent(String(record.id))}/${decision}`), {
        method: "POST",
        body: JSON.stringify(reason.trim() ? { reason: reason.trim() } : {}),
      });
      const told = (json as { notified: boolean }).notified;
      notify(`console.declaration.${decision === "approve" ? "approved" : "returned"}_${told ? "told" : "not_told"}`, { type: "success" });
      setDecision(null);
      setReason("");
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setSaving(false);
    }
  }

  const ready = decision === "approve" || reason.trim().length >= MIN_RETURN_REASON;
  return (
    <>
      <Button size="small" variant="contained" startIcon={<CheckIcon />} onClick={() => setDecision("approve")}>
        {translate("console.declaration.approve")}
      </Button>
      <Button size="small" color="warning" startIcon={<UndoIcon />} onClick={() => setDecision("return")}>
        {translate("console.declaration.return")}
      </Button>
      <Dialog open={decision !== null} onClose={() => setDecision(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(`console.declaration.${decision ?? "approve"}_title`, { code: record.shortCode })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(`console.declaration.${decision ?? "approve"}_explain`)}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            name="reason"
            label={translate(decision === "return" ? "console.declaration.reason" : "console.declaration.reason_optional")}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDecision(null)}>{translate("ra.action.cancel")}</Button>
          <Button variant="contained" color={decision === "return" ? "warning" : "primary"} disabled={saving || !ready} onClick={confirm}>
            {translate(`console.declaration.${decision ?? "approve"}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
