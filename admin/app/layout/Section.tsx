import { Card, CardContent, Typography } from "@mui/material";
import type { ReactNode } from "react";

/** A titled card of a show page, labelled for screen readers by its heading. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Card variant="outlined" sx={{ mb: 2 }} component="section" aria-labelledby={`section-${id}`}>
      <CardContent>
        <Typography variant="h6" id={`section-${id}`} gutterBottom>{title}</Typography>
        {children}
      </CardContent>
    </Card>
  );
}
