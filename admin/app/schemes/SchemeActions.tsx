import { useRef, useState } from "react";
import { Button } from "@mui/material";
import DownloadIcon from "@mui/icons-material/Download";
import UploadIcon from "@mui/icons-material/Upload";
import { CreateButton, HttpError, TopToolbar, useNotify, usePermissions, useRefresh, useTranslate } from "react-admin";
import { apiUrl, httpClient } from "../providers/api";

interface RowError {
  row: number;
  messages: string[];
}

/**
 * Imports a CSV in the export's format. The API writes all rows or none; when it refuses, the bad
 * rows are named (spreadsheet numbering, the header being row 1) so the file can be fixed.
 */
function ImportButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    try {
      const { json } = await httpClient(apiUrl("/schemes/import"), { method: "POST", body: await file.text(), headers: new Headers({ "Content-Type": "text/csv" }) });
      const { created, updated } = json as { created: number; updated: number };
      notify("console.scheme.imported", { type: "success", messageArgs: { created, updated } });
      refresh();
    } catch (error) {
      const errors = error instanceof HttpError ? (error.body as { errors?: RowError[] } | undefined)?.errors : undefined;
      const detail = errors?.map((entry) => translate("console.scheme.import_row", { row: entry.row, messages: entry.messages.join("; ") })).join("\n");
      notify(detail ? `${error instanceof Error ? error.message : ""}\n${detail}` : error instanceof Error ? error.message : String(error), {
        type: "error",
        multiLine: true,
        autoHideDuration: null,
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  return (
    <Button size="small" startIcon={<UploadIcon />} component="label" disabled={busy}>
      {translate("console.scheme.import")}
      <input
        ref={input}
        hidden
        type="file"
        accept=".csv,text/csv"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
    </Button>
  );
}

/** The list's toolbar: everyone downloads the catalogue; admins add to it and import. */
export function SchemeListActions() {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  return (
    <TopToolbar>
      {permissions === "admin" ? <CreateButton /> : null}
      <Button size="small" startIcon={<DownloadIcon />} href={apiUrl("/schemes.csv")}>
        {translate("console.export.csv")}
      </Button>
      {permissions === "admin" ? <ImportButton /> : null}
    </TopToolbar>
  );
}
