import { Link, Stack, Typography } from "@mui/material";
import {
  DateField,
  DeleteWithConfirmButton,
  EditButton,
  FunctionField,
  Labeled,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
} from "react-admin";
import { ReinstateButton } from "./ReinstateButton";
import { TagChips } from "./TagChips";
import { TAG_FIELDS, sourceChoices, statusChoices } from "./choices";
import type { SchemeRow } from "./types";

function Actions() {
  const { permissions } = usePermissions();
  const record = useRecordContext<SchemeRow>();
  if (permissions !== "admin") return <TopToolbar />;
  return (
    <TopToolbar>
      <EditButton />
      {record && record.retiredAt === null ? (
        <DeleteWithConfirmButton
          label="console.scheme.retire"
          confirmTitle="console.scheme.retire_title"
          confirmContent="console.scheme.retire_explain"
          mutationMode="pessimistic"
          redirect="list"
        />
      ) : (
        <ReinstateButton />
      )}
    </TopToolbar>
  );
}

function Tags() {
  const record = useRecordContext<SchemeRow>();
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {TAG_FIELDS.map(({ source, choices }) =>
        record[source].length > 0 ? (
          <Labeled key={source} source={source}>
            <TagChips ids={record[source]} choices={choices} />
          </Labeled>
        ) : null,
      )}
    </Stack>
  );
}

/** One catalogue entry as a moderator checks it: what it does, for whom, and whether it still runs. */
export function SchemeShow() {
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <TextField source="name" variant="h6" />
        <TextField source="id" />
        <TextField source="ministry" />
        <TextField source="objective" />
        <FunctionField<SchemeRow>
          source="links"
          render={(record) => (
            <Stack>
              {record.links.map((link) => (
                <Link key={link} href={link} target="_blank" rel="noopener noreferrer">{link}</Link>
              ))}
            </Stack>
          )}
        />
        <Tags />
        <SelectField source="status" choices={statusChoices} />
        <ReferenceField source="successorId" reference="schemes" link="show" emptyText="–" />
        <TextField source="statusNote" emptyText="–" />
        <SelectField source="source" choices={sourceChoices} />
        <DateField source="updatedAt" showTime />
        <FunctionField<SchemeRow>
          source="retiredAt"
          render={(record) => (record.retiredAt ? <Typography color="warning.main">{new Date(record.retiredAt).toLocaleString()}</Typography> : "–")}
        />
      </SimpleShowLayout>
    </Show>
  );
}
