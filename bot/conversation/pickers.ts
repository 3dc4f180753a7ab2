import { LANGUAGES } from "../../locales/languages";
import { encodeAction } from "./actions";
import { literal, text, type Button, type Reply } from "./reply";

/** Languages in their own script, two to a row, so that anyone can find theirs without reading English. */
export function languagePicker(): Reply {
  const buttons: Button[][] = [];
  for (let index = 0; index < LANGUAGES.length; index += 2) {
    buttons.push(
      LANGUAGES.slice(index, index + 2).map((language) => ({
        label: literal(language.nativeName),
        action: encodeAction({ type: "language", code: language.code }),
      })),
    );
  }
  return { lines: [text("bot:choose_language")], buttons };
}

/** Telegram shows at most 100 buttons; a cluster agent's invite link is the way in past a few dozen. */
export const MAX_CLUSTERS_IN_PICKER = 30;

export function clusterPicker(clusters: readonly { id: string; name: string }[], intro: Reply["lines"]): Reply {
  if (clusters.length === 0) return { lines: [...intro, text("bot:no_clusters")] };
  return {
    lines: [...intro, text("bot:choose_cluster")],
    buttons: clusters.map((cluster) => [
      { label: literal(cluster.name), action: encodeAction({ type: "cluster", clusterId: cluster.id }) },
    ]),
  };
}

export function forgetConfirmation(): Reply {
  return {
    lines: [text("bot:forget_confirm")],
    buttons: [
      [
        { label: text("bot:buttons.forget_yes"), action: encodeAction({ type: "forget", confirmed: true }) },
        { label: text("bot:buttons.forget_no"), action: encodeAction({ type: "forget", confirmed: false }) },
      ],
    ],
  };
}

export function restartConfirmation(answerCount: number): Reply {
  return {
    lines: [text("bot:restart_confirm", { count: answerCount })],
    buttons: [
      [
        { label: text("bot:buttons.restart_yes"), action: encodeAction({ type: "restart", confirmed: true }) },
        { label: text("bot:buttons.restart_no"), action: encodeAction({ type: "restart", confirmed: false }) },
      ],
    ],
  };
}
