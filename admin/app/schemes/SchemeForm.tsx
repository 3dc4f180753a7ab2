import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  Edit,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextArrayInput,
  TextInput,
  required,
} from "react-admin";
import { TAG_FIELDS, sourceChoices, statusChoices } from "./choices";

/** The form for a catalogue entry; the id is chosen once, on creation, as other records point at it. */
function SchemeForm({ creating = false }: { creating?: boolean }) {
  return (
    <SimpleForm>
      {creating ? <TextInput source="id" validate={required()} helperText="console.scheme.id_help" /> : null}
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="ministry" validate={required()} fullWidth />
      <TextInput source="objective" validate={required()} multiline minRows={2} fullWidth />
      <TextArrayInput source="links" helperText="console.scheme.links_help" fullWidth />
      {TAG_FIELDS.map(({ source, choices }) => (
        <AutocompleteArrayInput key={source} source={source} choices={choices} defaultValue={[]} fullWidth />
      ))}
      <SelectInput source="status" choices={statusChoices} validate={required()} defaultValue="active" />
      <ReferenceInput source="successorId" reference="schemes" filter={{ retired: false }}>
        <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} emptyValue={null} fullWidth />
      </ReferenceInput>
      <TextInput source="statusNote" fullWidth />
      <SelectInput source="source" choices={sourceChoices} validate={required()} defaultValue="custom" />
    </SimpleForm>
  );
}

/** Saving waits for the server, which checks the entry as the CSV import and the catalogue do. */
export function SchemeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SchemeForm />
    </Edit>
  );
}

export function SchemeCreate() {
  return (
    <Create redirect="show">
      <SchemeForm creating />
    </Create>
  );
}
