import { Create, Edit, useRecordContext } from "react-admin";
import { ClusterForm } from "./ClusterForm";
import { fromFormValues, toFormValues } from "./profile-form";
import type { ClusterRecord } from "./types";

function EditForm() {
  const record = useRecordContext<ClusterRecord>();
  return record ? <ClusterForm record={toFormValues(record)} /> : null;
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
