import { Button } from "@mui/material";
import PersonOffIcon from "@mui/icons-material/PersonOff";
import { Confirm, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { useConfirmedAction } from "../layout/useConfirmedAction";
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
  const forget = useConfirmedAction(async () => {
    await httpClient(apiUrl(`/respondents/${encodeURIComponent(record!.id)}/forget`), { method: "POST" });
    return { message: "console.forget.done" };
  });
  if (!record || permissions !== "admin" || record.forgotten) return null;

  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<PersonOffIcon />}
        onClick={(event) => {
          event.stopPropagation();
          forget.ask();
        }}
      >
        {translate("console.forget.action")}
      </Button>
      <Confirm
        isOpen={forget.open}
        loading={forget.saving}
        title="console.forget.title"
        content="console.forget.explain"
        confirm="console.forget.action"
        confirmColor="warning"
        onConfirm={forget.confirm}
        onClose={forget.close}
      />
    </>
  );
}
