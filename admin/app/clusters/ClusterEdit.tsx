import { Create, Edit, Loading, useRecordContext } from "react-admin";
import { ClusterForm } from "./ClusterForm";
import { fromFormValues, toFormValues } from "./profile-form";
import type { ClusterRecord, ClusterRow } from "./types";

function EditForm() {
  const record = useRecordContext<ClusterRecord | ClusterRow>();
  // The list's cached row comes first; the form waits for the full record with its profile.
  return record && "profile" in record ? <ClusterForm record={toFormValues(record)} /> : <Loading />;
}

/** Editing waits for the server: the score is recomputed from the new profile before the page returns. */
export function ClusterEdit() {
  return (
    <Edit mutationMode="pessimistic" transform={fromFormValues} redirect="show">
      <EditForm />
    </Edit>
  );
}

export function ClusterCreate() {
  return (
    <Create transform={fromFormValues} redirect="show">
      <ClusterForm creating />
    </Create>
  );
}
