import { Button } from "@mui/material";
import RestoreIcon from "@mui/icons-material/Restore";
import { useRecordContext, useTranslate } from "react-admin";
import { useConfirmedAction } from "../layout/useConfirmedAction";
import { apiUrl, httpClient } from "../providers/api";
import type { SchemeRow } from "./types";

/** Puts a retired scheme back into search and suggestions. Undoable by retiring it again, so no dialog. */
export function ReinstateButton() {
  const record = useRecordContext<SchemeRow>();
  const translate = useTranslate();
  const reinstate = useConfirmedAction(async () => {
    await httpClient(apiUrl(`/schemes/${encodeURIComponent(record!.id)}/reinstate`), { method: "POST" });
    return { message: "console.scheme.reinstated" };
  });
  if (!record) return null;
  return (
    <Button size="small" startIcon={<RestoreIcon />} disabled={reinstate.saving} onClick={() => void reinstate.confirm()}>
      {translate("console.scheme.reinstate")}
    </Button>
  );
}
