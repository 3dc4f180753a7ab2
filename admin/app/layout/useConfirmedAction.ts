import { useState } from "react";
import { useNotify, useRefresh } from "react-admin";

/** What a confirmed action reports on success: a translation key and its arguments. */
export interface ActionOutcome {
  message: string;
  messageArgs?: Record<string, unknown>;
}

/**
 * The life of a button that asks before it acts: the dialog's open state, a busy flag while the call
 * runs, a success message and a refreshed page afterwards, and the API's message when it fails (the
 * dialog stays open, so nothing typed into it is lost).
 */
export function useConfirmedAction(run: () => Promise<ActionOutcome>) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);

  async function confirm() {
    setSaving(true);
    try {
      const outcome = await run();
      notify(outcome.message, { type: "success", ...(outcome.messageArgs ? { messageArgs: outcome.messageArgs } : {}) });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: "error" });
    } finally {
      setSaving(false);
    }
  }

  return { open, saving, ask: () => setOpen(true), close: () => setOpen(false), confirm };
}
