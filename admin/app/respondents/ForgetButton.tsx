import { useState } from "react";
import { Button } from "@mui/material";
import PersonOffIcon from "@mui/icons-material/PersonOff";
import { Confirm, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { apiUrl, httpClient } from "../providers/api";
import type { RespondentRow } from "./types";

/**
 * Erases a person's name, chat usernames and enterprise name at their request, after a confirmation:
 * it cannot be undone. Their ratings keep counting. Admins only; the API refuses anyone else too.
 */
export function ForgetButton() {
  const record = useRecordContext<RespondentRow>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  if (!record || permissions !== "admin" || record.forgotten) return null;

  async function forget() {
    if (!record) return;
    setSaving(true);
    try {
      await httpClient(apiUrl(`/respondents/${encodeURIComponent(record.id)}/forget`), { method: "POST" });
      notify("console.forget.done", { type: "success" });
      setOpen(false);
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
        color="error"
        startIcon={<PersonOffIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate("console.forget.action")}
      </Button>
      <Confirm
        isOpen={open}
        loading={saving}
        title="console.forget.title"
        content="console.forget.explain"
        confirm="console.forget.action"
        confirmColor="warning"
        onConfirm={forget}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
