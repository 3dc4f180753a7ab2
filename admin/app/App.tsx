import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";
import { auditLog } from "./audit-log";
import { campaigns } from "./campaigns";
import { clusters } from "./clusters";
import { Dashboard } from "./dashboard/Dashboard";
import { declarations } from "./declarations";
import { ConsoleLayout } from "./layout/ConsoleLayout";
import { MethodologyPage } from "./methodology/MethodologyPage";
import { createAuthProvider } from "./providers/auth-provider";
import { createDataProvider } from "./providers/data-provider";
import { useConsoleI18nProvider } from "./providers/i18n";
import { respondents } from "./respondents";
import { responseSets } from "./response-sets";
import { schemes } from "./schemes";
import { scoringSchemes } from "./scoring-schemes";
import { SimulatorPage } from "./simulator/SimulatorPage";
import { users } from "./users";

const dataProvider = createDataProvider();
const authProvider = createAuthProvider();

/** The moderator console. Resources a role may not use are not registered for it, so no menu shows them. */
export function App() {
  const i18nProvider = useConsoleI18nProvider();
  if (!i18nProvider) return null;
  return (
    <Admin
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={ConsoleLayout}
      title="Samuh"
      requireAuth
      disableTelemetry
    >
      {(role: string) => (
        <>
          <Resource name="clusters" {...clusters} {...(role === "viewer" ? { create: undefined, edit: undefined } : {})} />
          <Resource name="response-sets" {...responseSets} />
          {role === "viewer" ? null : <Resource name="respondents" {...respondents} />}
          <Resource name="declarations" {...declarations} />
          <Resource name="schemes" {...schemes} {...(role === "admin" ? {} : { create: undefined, edit: undefined })} />
          <Resource name="scoring-schemes" {...scoringSchemes} {...(role === "admin" ? {} : { create: undefined })} />
          <Resource name="campaigns" {...campaigns} {...(role === "viewer" ? { create: undefined } : {})} />
          {role === "admin" ? <Resource name="users" {...users} /> : null}
          {role === "admin" ? <Resource name="audit-log" {...auditLog} /> : null}
          <CustomRoutes>
            <Route path="/methodology" element={<MethodologyPage />} />
            <Route path="/simulator" element={<SimulatorPage />} />
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
