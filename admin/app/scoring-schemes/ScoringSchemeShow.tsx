import { Box, Stack, Typography } from "@mui/material";
import { DateField, Labeled, Loading, NumberField, SelectField, Show, TextField, TopToolbar, useRecordContext, useTranslate } from "react-admin";
import { Section } from "../layout/Section";
import { ActivateButton } from "./ActivateButton";
import { SchemeChips } from "./SchemeChips";
import { PARAMETER_GROUPS, engagementMethodChoices } from "./parameters";
import type { ScoringSchemeRow } from "./types";

/** Thresholds such as 5/3 read as 1.6667: precise enough to compare, short enough to read. */
const NUMBER_OPTIONS = { maximumFractionDigits: 4 };

function SchemePage() {
  const record = useRecordContext<ScoringSchemeRow>();
  const translate = useTranslate();
  if (!record) return <Loading />;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 2 }}>
        <Typography variant="h5" component="h1">{translate("console.scoring_scheme.heading", { name: record.name, version: record.version })}</Typography>
        <SchemeChips record={record} />
      </Stack>
      <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap", mb: 2 }}>
        <Labeled source="engagementMethod">
          <SelectField source="engagementMethod" choices={engagementMethodChoices} />
        </Labeled>
        <Labeled source="createdAt">
          <DateField source="createdAt" showTime emptyText={translate("console.scoring_scheme.not_stored")} />
        </Labeled>
        <Labeled source="id">
          <TextField source="id" />
        </Labeled>
      </Stack>
      {PARAMETER_GROUPS.map((group) => (
        <Section key={group.id} id={group.id} title={translate(`console.scoring_scheme.group.${group.id}`)}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate(`console.scoring_scheme.group_help.${group.id}`)}</Typography>
          <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: "wrap" }}>
            {group.fields.map((field) => (
              <Labeled key={field.source} source={field.source}>
                <NumberField source={field.source} options={NUMBER_OPTIONS} />
              </Labeled>
            ))}
          </Stack>
        </Section>
      ))}
    </Box>
  );
}

/** One scheme version with every number it scores by; admins activate it from here. */
export function ScoringSchemeShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <ActivateButton />
        </TopToolbar>
      }
    >
      <SchemePage />
    </Show>
  );
}
