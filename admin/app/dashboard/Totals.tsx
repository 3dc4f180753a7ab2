import { Card, CardContent, Stack, Typography } from "@mui/material";
import { useGetList, useTranslate } from "react-admin";

function useTotal(filter: object): number | undefined {
  return useGetList("clusters", { filter, pagination: { page: 1, perPage: 1 } }).total;
}

/** How many clusters there are, how many still have too few respondents, and how many the guide prioritises. */
export function Totals() {
  const translate = useTranslate();
  const totals = [
    ["clusters", useTotal({})],
    ["provisional", useTotal({ provisional: true })],
    ["cell_9", useTotal({ mapCell: 9 })],
    ["cell_8", useTotal({ mapCell: 8 })],
  ] as const;
  return (
    <Card component="section">
      <CardContent>
        <Stack direction="row" spacing={4} sx={{ flexWrap: "wrap" }} useFlexGap>
          {totals.map(([key, total]) => (
            <div key={key}>
              <Typography variant="h4" component="p">{total ?? "…"}</Typography>
              <Typography variant="body2" color="text.secondary">{translate(`console.dashboard.total_${key}`)}</Typography>
            </div>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
