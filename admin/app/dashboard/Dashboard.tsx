import { Box, Card, CardContent, Grid, Typography } from "@mui/material";
import { Link, Title, useTranslate } from "react-admin";
import { LeastEngaged } from "./LeastEngaged";
import { Totals } from "./Totals";

/** The landing page: what this console is for, the numbers that matter, and where to start. */
export function Dashboard() {
  const translate = useTranslate();
  return (
    <Box sx={{ py: 2 }}>
      <Title title="console.dashboard.title" />
      <Grid container spacing={2}>
        <Grid size={12}>
          <Card>
            <CardContent>
              <Typography variant="h5" component="h1" gutterBottom>{translate("console.dashboard.welcome")}</Typography>
              <Typography variant="body1">{translate("console.dashboard.intro")}</Typography>
              <Typography variant="body2" sx={{ mt: 1 }}>
                <Link to="/methodology">{translate("console.dashboard.read_methodology")}</Link>
              </Typography>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={12}>
          <Totals />
        </Grid>
        <Grid size={{ xs: 12, md: 8 }}>
          <LeastEngaged />
        </Grid>
      </Grid>
    </Box>
  );
}
