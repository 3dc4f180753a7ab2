import { useState, type FormEvent } from "react";
import { Box, Button, Card, CardContent, MenuItem, Paper, Stack, TextField, Typography } from "@mui/material";
import PlayArrowIcon from "@mui/icons-material/PlayArrow";
import SendIcon from "@mui/icons-material/Send";
import { Title, useNotify, useTranslate } from "react-admin";
import type { Input } from "../../../core/engine/types";
import { LANGUAGES } from "../../../locales/languages";
import type { SimulatorMessage } from "../../api/simulator";
import { apiUrl, httpClient } from "../providers/api";

const QUESTIONNAIRES = ["score_card", "registration", "declaration"] as const;
type Questionnaire = (typeof QUESTIONNAIRES)[number];

/** What the API answers each turn; the state goes back with the next input untouched. */
interface Turn {
  state: unknown;
  messages: SimulatorMessage[];
}

type Entry = { from: "bot"; message: SimulatorMessage } | { from: "you"; text: string };

/**
 * Answers a questionnaire as a respondent would, through the bots' own engine and texts, to check
 * wording and flow in any language before people see it. The conversation lives in this page only;
 * the server stores nothing.
 */
export function SimulatorPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [questionnaire, setQuestionnaire] = useState<Questionnaire>("score_card");
  const [language, setLanguage] = useState<string>("en");
  const [state, setState] = useState<unknown>(null);
  const [entries, setEntries] = useState<Entry[]>([]);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);

  async function call(path: string, body: unknown, said: string | null) {
    setBusy(true);
    try {
      const { json } = await httpClient(apiUrl(`/simulator/${path}`), { method: "POST", body: JSON.stringify(body) });
      const turn = json as Turn;
      setState(turn.state);
      setEntries((previous) => [
        ...(said === null ? [] : [...previous, { from: "you" as const, text: said }]),
        ...turn.messages.map((message) => ({ from: "bot" as const, message })),
      ]);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setBusy(false);
    }
  }

  const start = () => call("start", { questionnaire, language }, null);
  const send = (input: Input, said: string) => call("step", { state, input }, said);

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = typed.trim();
    if (!text) return;
    setTyped("");
    void send({ type: "answer", value: text }, text);
  }

  const last = entries.length - 1;
  return (
    <Box sx={{ p: 2, maxWidth: 720 }}>
      <Title title={translate("console.simulator.title")} />
      <Typography variant="body2" color="text.secondary" gutterBottom>{translate("console.simulator.intro")}</Typography>
      <Stack direction="row" spacing={2} sx={{ my: 2, alignItems: "center", flexWrap: "wrap" }} useFlexGap>
        <TextField select size="small" label={translate("console.simulator.questionnaire")} value={questionnaire} onChange={(event) => setQuestionnaire(event.target.value as Questionnaire)}>
          {QUESTIONNAIRES.map((id) => (
            <MenuItem key={id} value={id}>{translate(`console.simulator.questionnaires.${id}`)}</MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={translate("console.simulator.language")} value={language} onChange={(event) => setLanguage(event.target.value)}>
          {LANGUAGES.map((option) => (
            <MenuItem key={option.code} value={option.code}>{option.nativeName}</MenuItem>
          ))}
        </TextField>
        <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={start} disabled={busy}>
          {translate(state === null ? "console.simulator.start" : "console.simulator.start_over")}
        </Button>
      </Stack>
      <Stack spacing={1} aria-live="polite">
        {entries.map((entry, index) =>
          entry.from === "you" ? (
            <Paper key={index} variant="outlined" sx={{ p: 1, alignSelf: "flex-end", bgcolor: "action.selected" }}>
              <Typography variant="body2">{entry.text}</Typography>
            </Paper>
          ) : (
            <Card key={index} variant="outlined" sx={{ alignSelf: "flex-start", maxWidth: "100%" }}>
              <CardContent dir={LANGUAGES.find((option) => option.code === language)?.dir}>
                <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }}>{entry.message.text}</Typography>
                {entry.message.buttons.map((row, rowIndex) => (
                  <Stack key={rowIndex} direction="row" spacing={0.5} sx={{ mt: 1, flexWrap: "wrap" }} useFlexGap>
                    {row.map((button, column) => (
                      <Button
                        key={column}
                        size="small"
                        variant="outlined"
                        // Only the newest message's buttons answer: older ones belong to questions already left.
                        disabled={busy || index !== last}
                        onClick={() => void send(button.input, button.label)}
                      >
                        {button.label}
                      </Button>
                    ))}
                  </Stack>
                ))}
              </CardContent>
            </Card>
          ),
        )}
      </Stack>
      {state !== null ? (
        <Stack component="form" direction="row" spacing={1} sx={{ mt: 2 }} onSubmit={submit}>
          <TextField
            size="small"
            fullWidth
            label={translate("console.simulator.type")}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          <Button type="submit" variant="contained" startIcon={<SendIcon />} disabled={busy || typed.trim() === ""}>
            {translate("console.simulator.send")}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
}
