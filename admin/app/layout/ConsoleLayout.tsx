import type { ReactNode } from "react";
import { Layout, Menu, useTranslate } from "react-admin";
import MenuBookIcon from "@mui/icons-material/MenuBook";

function ConsoleMenu() {
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      <Menu.ResourceItems />
      <Menu.Item to="/methodology" primaryText={translate("console.menu.methodology")} leftIcon={<MenuBookIcon />} />
    </Menu>
  );
}

/** react-admin's layout (its app bar has the language switch) with the methodology page in the menu. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  return <Layout menu={ConsoleMenu}>{children}</Layout>;
}
