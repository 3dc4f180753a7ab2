import { useEffect, useState } from "react";
import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, Title, useDataProvider, useTranslate } from "react-admin";
import type { ConsoleDataProvider, Methodology } from "../providers/data-provider";

/** The sections of the explanation, in reading order; each has a title and paragraphs in console.json. */
const SECTIONS = [
  { id: "score_card", paragraphs: 2 },
  { id: "components", paragraphs: 3 },
  { id: "engagement", paragraphs: 3 },
  { id: "map", paragraphs: 3 },
  { id: "classes", paragraphs: 2 },
  { id: "issues", paragraphs: 2 },
  { id: "moderation", paragraphs: 2 },
] as const;

function fixed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** The values the texts quote, from the scheme in use, so the page never disagrees with the scores. */
function parameters(methodology: Methodology) {
  const { scheme } = methodology;
  return {
    wa: fixed(scheme.weights.awareness),
    wi: fixed(scheme.weights.intensity),
    wg: fixed(scheme.weights.engagement),
    wc: fixed(scheme.weights.economic),
    wbr: fixed(scheme.weights.awareness + scheme.weights.intensity + scheme.weights.engagement),
    minimum: scheme.minimumCountedRespondents,
    sd: fixed(scheme.divergenceSd),
    aware: fixed(scheme.classThresholds.aware),
    low: fixed(scheme.classThresholds.engagedLow),
    moderate: fixed(scheme.classThresholds.engagedModerate),
    high: fixed(scheme.classThresholds.engagedHigh),
    medium_bound: fixed(scheme.mapLevels.medium),
    high_bound: fixed(scheme.mapLevels.high),
    seconds: scheme.moderation.speedingMinimumSeconds,
    z: fixed(scheme.moderation.outlierZ),
    cells: methodology.priorityCells.join(", "),
  };
}

/** How the score is computed (SPEC §3–§5) in plain words, including where the guide contradicts itself. */
export function MethodologyPage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [methodology, setMethodology] = useState<Methodology | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dataProvider.getMethodology().then(setMethodology, (reason: unknown) => setError(String(reason)));
  }, [dataProvider]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!methodology) return null;
  const values = parameters(methodology);
  const { scheme } = methodology;
  return (
    <Box sx={{ py: 2, maxWidth: 900 }}>
      <Title title="console.methodology.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>{translate("console.methodology.title")}</Typography>
          <Typography variant="body1" sx={{ mb: 2 }}>{translate("console.methodology.intro")}</Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate("console.methodology.scheme_in_use", {
              name: scheme.name,
              version: scheme.version,
              method: translate(`scoring:engagement_method.${scheme.engagementMethod}`),
            })}{" "}
            <Link to="/scoring-schemes">{translate("console.methodology.scoring_schemes_link")}</Link>
          </Alert>
          <Table size="small" sx={{ mb: 3, maxWidth: 480 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate("console.methodology.component")}</TableCell>
                <TableCell align="right">{translate("console.methodology.weight")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(["awareness", "intensity", "engagement", "economic"] as const).map((component) => (
                <TableRow key={component}>
                  <TableCell>{translate(`scoring:component.${component}`)}</TableCell>
                  <TableCell align="right">{fixed(scheme.weights[component])}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {SECTIONS.map((section) => (
            <Box key={section.id} component="section" sx={{ mb: 3 }}>
              <Typography variant="h6" component="h2" gutterBottom>{translate(`console.methodology.${section.id}.title`)}</Typography>
              {Array.from({ length: section.paragraphs }, (_, index) => (
                <Typography key={index} variant="body1" sx={{ mb: 1.5 }}>
                  {translate(`console.methodology.${section.id}.p${index + 1}`, values)}
                </Typography>
              ))}
            </Box>
          ))}
          <Alert severity="warning" sx={{ mb: 2 }}>
            <strong>{translate("console.methodology.inconsistencies.title")}</strong>
            <ul>
              <li>{translate("console.methodology.inconsistencies.reciprocal")}</li>
              <li>{translate("console.methodology.inconsistencies.swapped_axes")}</li>
              <li>{translate("console.methodology.inconsistencies.one_issue")}</li>
            </ul>
          </Alert>
        </CardContent>
      </Card>
    </Box>
  );
}
