import { useEffect } from "react";
import { Alert, Stack, Typography } from "@mui/material";
import { useFormContext, useWatch } from "react-hook-form";
import { Create, Loading, NumberInput, SelectInput, SimpleForm, TextInput, useGetList, useTranslate } from "react-admin";
import { parseScoringScheme } from "../../../core/scoring";
import { nextFreeVersion } from "../../api/scoring-schemes/catalogue";
import { GroupError } from "./GroupError";
import { PARAMETER_GROUPS, engagementMethodChoices } from "./parameters";
import type { ScoringSchemeRow } from "./types";
import { validateScoringScheme } from "./validation";

/** A new name starts at its own next free version, so "new version" and "new scheme" both start valid. */
function VersionFollowsName({ catalogue }: { catalogue: readonly ScoringSchemeRow[] }) {
  const name: unknown = useWatch({ name: "name" });
  const { setValue } = useFormContext();
  useEffect(() => {
    if (typeof name === "string") setValue("version", nextFreeVersion(catalogue, name.trim()));
  }, [name, catalogue, setValue]);
  return null;
}

function ScoringSchemeForm({ catalogue }: { catalogue: readonly ScoringSchemeRow[] }) {
  const translate = useTranslate();
  const active = catalogue.find((scheme) => scheme.active);
  if (!active) return <Loading />;
  // Starts from the active scheme: the usual change is one number of the scheme in use.
  const defaults = { ...parseScoringScheme(active), version: nextFreeVersion(catalogue, active.name) };
  return (
    <SimpleForm defaultValues={defaults} validate={validateScoringScheme(catalogue)}>
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate("console.scoring_scheme.create_intro", { id: active.id })}
      </Alert>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
        <TextInput source="name" helperText="console.scoring_scheme.name_help" fullWidth={false} />
        <NumberInput source="version" min={1} step={1} helperText="console.scoring_scheme.version_help" fullWidth={false} />
        <SelectInput source="engagementMethod" choices={engagementMethodChoices} fullWidth={false} />
      </Stack>
      <VersionFollowsName catalogue={catalogue} />
      {PARAMETER_GROUPS.map((group) => (
        <Stack key={group.id} sx={{ width: "100%" }}>
          <Typography variant="subtitle1" component="h2">{translate(`console.scoring_scheme.group.${group.id}`)}</Typography>
          <Typography variant="body2" color="text.secondary">{translate(`console.scoring_scheme.group_help.${group.id}`)}</Typography>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }}>
            {group.fields.map((field) => (
              // "any": a step would make the browser refuse values such as the guide's 5/3.
              <NumberInput key={field.source} source={field.source} min={field.min} max={field.max} step={field.integer ? 1 : "any"} fullWidth={false} />
            ))}
          </Stack>
          <GroupError group={group.id} />
        </Stack>
      ))}
    </SimpleForm>
  );
}

/** Admins add a scheme version; saving changes no score until the version is activated on its page. */
export function ScoringSchemeCreate() {
  const { data, isPending } = useGetList<ScoringSchemeRow>("scoring-schemes", { pagination: { page: 1, perPage: 1000 }, sort: { field: "name", order: "ASC" } });
  return <Create redirect="show">{isPending || !data ? <Loading /> : <ScoringSchemeForm catalogue={data} />}</Create>;
}
