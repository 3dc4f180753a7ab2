import { Box, Button, Link, Stack, Typography } from "@mui/material";
import PrintIcon from "@mui/icons-material/Print";
import { useTranslate } from "react-admin";
import type { ClusterRecord } from "./types";

/**
 * The invite code, its Telegram deep link and a QR code to print and pin up in the cluster. Printing
 * shows only this card (see the `@media print` rule), big enough to scan from a wall.
 */
export function InviteCard({ record }: { record: ClusterRecord }) {
  const translate = useTranslate();
  const { invite } = record;
  return (
    <Box className="samuh-invite">
      <style>{`@media print { body * { visibility: hidden; } .samuh-invite, .samuh-invite * { visibility: visible; } .samuh-invite { position: absolute; inset: 0; text-align: center; } .samuh-invite img { width: 12cm; height: 12cm; } .samuh-no-print { display: none; } }`}</style>
      <Typography variant="h6" sx={{ display: "none", "@media print": { display: "block" } }}>{record.name}</Typography>
      <Stack direction={{ xs: "column", sm: "row" }} spacing={3} sx={{ alignItems: "center" }}>
        {invite.qrCodeUrl ? <img src={invite.qrCodeUrl} alt={translate("console.invite.qr_alt")} width={180} height={180} /> : null}
        <Box>
          <Typography variant="body2" color="text.secondary">{translate("console.invite.code")}</Typography>
          <Typography variant="h4" component="p" data-testid="invite-code" sx={{ fontFamily: "monospace", letterSpacing: 4 }}>
            {invite.code}
          </Typography>
          {invite.deepLink ? (
            <>
              <Link href={invite.deepLink} target="_blank" rel="noopener">{invite.deepLink}</Link>
              <Typography variant="body2" sx={{ mt: 1 }}>{translate("console.invite.how")}</Typography>
            </>
          ) : (
            <Typography variant="body2">{translate("console.invite.no_bot")}</Typography>
          )}
          {invite.qrCodeUrl ? (
            <Button className="samuh-no-print" startIcon={<PrintIcon />} onClick={() => window.print()} sx={{ mt: 1 }}>
              {translate("console.invite.print")}
            </Button>
          ) : null}
        </Box>
      </Stack>
    </Box>
  );
}
