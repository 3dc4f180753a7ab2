import type { ReactNode } from "react";
import { Layout, Menu, useTranslate } from "react-admin";
import ChatIcon from "@mui/icons-material/Chat";
import MenuBookIcon from "@mui/icons-material/MenuBook";

function ConsoleMenu() {
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item to="/simulator" primaryText={translate("console.menu.simulator")} leftIcon={<ChatIcon />} />
      <Menu.Item to="/methodology" primaryText={translate("console.menu.methodology")} leftIcon={<MenuBookIcon />} />
    </Menu>
  );
}

/** react-admin's layout (its app bar has the language switch) with the simulator and methodology pages in the menu. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  return <Layout menu={ConsoleMenu}>{children}</Layout>;
}
