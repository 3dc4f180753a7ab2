import { Box, Typography } from "@mui/material";
import { Datagrid, DateField, List, TextField, TextInput, useRecordContext, useTranslate } from "react-admin";
import type { AuditEntry } from "../../../db/schema/audit";

const filters = [
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entity" source="entity" />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="actor" source="actor" />,
];

function Json({ value }: { value: unknown }) {
  return (
    <Box component="pre" sx={{ m: 0, p: 1, bgcolor: "action.hover", borderRadius: 1, overflow: "auto", maxHeight: 320, fontSize: 12 }}>
      {value === null || value === undefined ? "–" : JSON.stringify(value, null, 2)}
    </Box>
  );
}

/** An entry's record before and after the change, side by side. */
function BeforeAfter() {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!entry) return null;
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 2 }}>
      <Box>
        <Typography variant="subtitle2">{translate("console.audit.before")}</Typography>
        <Json value={entry.before} />
      </Box>
      <Box>
        <Typography variant="subtitle2">{translate("console.audit.after")}</Typography>
        <Json value={entry.after} />
      </Box>
    </Box>
  );
}

/** Who changed what, newest first; a row opens to show the record before and after. */
export function AuditLogList() {
  return (
    <List filters={filters} sort={{ field: "id", order: "DESC" }}>
      <Datagrid rowClick="expand" expand={<BeforeAfter />} bulkActionButtons={false}>
        <DateField source="at" showTime />
        <TextField source="actor" />
        <TextField source="action" />
        <TextField source="entity" />
        <TextField source="entityId" />
      </Datagrid>
    </List>
  );
}
