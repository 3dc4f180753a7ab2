import { Button } from "@mui/material";
import DownloadIcon from "@mui/icons-material/Download";
import { useListContext, useTranslate } from "react-admin";
import { clusterExportUrl } from "../providers/data-provider";

/** Downloads the clusters as the list shows them (same filters and order), as CSV or XLSX. */
export function ExportButtons() {
  const { filterValues, sort } = useListContext();
  const translate = useTranslate();
  return (
    <>
      {(["csv", "xlsx"] as const).map((format) => (
        <Button key={format} size="small" startIcon={<DownloadIcon />} href={clusterExportUrl(format, filterValues, sort)}>
          {translate(`console.export.${format}`)}
        </Button>
      ))}
    </>
  );
}
