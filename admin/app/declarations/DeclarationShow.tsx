import type { ReactNode } from "react";
import {
  Box,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import PrintIcon from "@mui/icons-material/Print";
import { Loading, Show, TopToolbar, useLocale, useRecordContext, useTranslate } from "react-admin";
import { elementCode, findPrincipleSet, textKeys } from "../../../core/declarations";
import { apiUrl } from "../providers/api";
import { percent } from "./choices";
import { ReviewButtons } from "./ReviewButtons";
import type { DeclarationRecord, DeclarationRow } from "./types";
import { Section } from "../layout/Section";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Typography variant="body2">
      <strong>{label}:</strong> {children}
    </Typography>
  );
}

/** The answers principle by principle, each statement in the words the declarant read in the chat. */
function Answers({ record }: { record: DeclarationRecord }) {
  const translate = useTranslate();
  const set = findPrincipleSet(record.principleSetId, record.principleSetVersion);
  if (!set) return <Typography color="error">{translate("console.declaration.unknown_set", { id: record.principleSetId, version: record.principleSetVersion })}</Typography>;
  const keys = textKeys(set);
  return (
    <>
      {set.principles.map((principle) => {
        const share = record.adherence.principles.find((entry) => entry.principle === principle.number)?.share ?? null;
        return (
          <Section key={principle.number} id={`p${principle.number}`} title={translate(keys.principleTitle(principle.number))}>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate("console.declaration.principle_share", { share: percent(share) })}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate("declarations:print.statement")}</TableCell>
                  <TableCell>{translate("declarations:print.answer")}</TableCell>
                  <TableCell>{translate("declarations:print.note")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {Array.from({ length: principle.elements }, (_, index) => {
                  const code = elementCode(principle.number, index + 1);
                  const given = record.answers[code];
                  return (
                    <TableRow key={code}>
                      <TableCell>{translate(keys.element(principle.number, index + 1))}</TableCell>
                      <TableCell>{given ? translate(`declarations:answers.${given.answer}`) : "–"}</TableCell>
                      <TableCell>{given?.note ?? ""}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Section>
        );
      })}
    </>
  );
}

function DeclarationPage() {
  const record = useRecordContext<DeclarationRecord | DeclarationRow>();
  const translate = useTranslate();
  // The list's cached row comes first; answers and the hash check arrive with the full record.
  if (!record || !("answers" in record)) return <Loading />;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {translate("console.declaration.heading", { code: record.shortCode, version: record.version })}
      </Typography>
      <Section id="about" title={translate("console.declaration.about")}>
        <Stack spacing={0.5}>
          <Fact label={translate("declarations:print.status")}>{translate(`declarations:statuses.${record.status}`)}</Fact>
          <Fact label={translate("declarations:print.enterprise")}>{record.enterpriseName ?? "–"}</Fact>
          <Fact label={translate("declarations:print.cluster")}>{record.clusterName ?? "–"}</Fact>
          <Fact label={translate("declarations:print.declarant")}>
            {record.declarantName} ({translate(`declarations:roles.${record.declarantRole}`, { _: record.declarantRole })})
          </Fact>
          <Fact label={translate("declarations:print.declared_at")}>{new Date(record.declaredAt).toLocaleString()}</Fact>
          <Fact label={translate("declarations:print.overall")}>{percent(record.adherence.overall)}</Fact>
          {record.reviewReason ? <Fact label={translate("declarations:print.review_reason")}>{record.reviewReason}</Fact> : null}
        </Stack>
      </Section>
      <Answers record={record} />
      <Section id="hash" title={translate("declarations:print.hash_title")}>
        <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }} useFlexGap>
          <Typography variant="body2" component="code" sx={{ fontFamily: "monospace", wordBreak: "break-all" }}>{record.contentHash}</Typography>
          <Chip
            size="small"
            color={record.verified ? "success" : "error"}
            label={translate(record.verified ? "console.declaration.hash_verified" : "console.declaration.hash_mismatch")}
          />
        </Stack>
      </Section>
    </Box>
  );
}

function Actions() {
  const record = useRecordContext<DeclarationRow>();
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <TopToolbar>
      <ReviewButtons />
      {record ? (
        <Button
          size="small"
          startIcon={<PrintIcon />}
          href={apiUrl(`/declarations/${encodeURIComponent(String(record.id))}/print?lang=${encodeURIComponent(locale)}`)}
          target="_blank"
          rel="noopener"
        >
          {translate("console.declaration.print")}
        </Button>
      ) : null}
    </TopToolbar>
  );
}

/** One declaration: who declared what, principle by principle, whether its hash holds, and the review. */
export function DeclarationShow() {
  return (
    <Show actions={<Actions />} component="div">
      <DeclarationPage />
    </Show>
  );
}
