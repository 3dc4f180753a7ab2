import { Button } from "@mui/material";
import PlayCircleIcon from "@mui/icons-material/PlayCircle";
import RefreshIcon from "@mui/icons-material/Refresh";
import { Confirm, useDataProvider, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { useConfirmedAction } from "../layout/useConfirmedAction";
import type { ConsoleDataProvider } from "../providers/data-provider";
import type { ScoringSchemeRow } from "./types";

/**
 * Makes this version the scheme every score uses, after a confirmation: every cluster is recomputed
 * before the call returns. On the active version it only recomputes, e.g. after an upgrade. Admins only.
 */
export function ActivateButton() {
  const record = useRecordContext<ScoringSchemeRow>();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const translate = useTranslate();
  const activation = useConfirmedAction(async () => {
    const result = await dataProvider.activateScoringScheme(record!.id);
    return {
      message: result.changed ? "console.scoring_scheme.activated" : "console.scoring_scheme.recomputed",
      messageArgs: { id: result.scheme.id, count: result.rescored },
    };
  });
  if (!record || permissions !== "admin") return null;
  const action = record.active ? "recompute" : "activate";

  return (
    <>
      <Button size="small" variant={record.active ? "text" : "contained"} startIcon={record.active ? <RefreshIcon /> : <PlayCircleIcon />} onClick={activation.ask}>
        {translate(`console.scoring_scheme.${action}`)}
      </Button>
      <Confirm
        isOpen={activation.open}
        loading={activation.saving}
        title={`console.scoring_scheme.${action}_title`}
        content={`console.scoring_scheme.${action}_explain`}
        titleTranslateOptions={{ id: record.id }}
        contentTranslateOptions={{ id: record.id }}
        confirm={`console.scoring_scheme.${action}`}
        onConfirm={activation.confirm}
        onClose={activation.close}
      />
    </>
  );
}
