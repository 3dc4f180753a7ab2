import QRCode from "qrcode";

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 6;

/** Telegram's `start` parameter allows these characters, up to 64 of them. */
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{4,32}$/;

/** A fresh random invite code such as `K7QM2X`. */
export function randomInviteCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}

/**
 * The link that opens the bot with the invite code, so the person lands in the right cluster
 * without typing it; null when the bot's username is not configured.
 *
 * @example telegramDeepLink("samuh_bot", "K7QM2X") // "https://t.me/samuh_bot?start=K7QM2X"
 */
export function telegramDeepLink(botUsername: string | undefined, code: string): string | null {
  if (!botUsername) return null;
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${encodeURIComponent(code)}`;
}

/** A QR code of `text` as SVG, sized by the viewer (it scales without blurring, for print). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
