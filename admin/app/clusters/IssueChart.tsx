import { useTheme } from "@mui/material";
import { useTranslate } from "react-admin";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CORE_ISSUES, TEMPLATES } from "../../../core/scoring";
import type { IssueStats } from "../../../core/scoring";

/** The seven core issues, each with its mean existence, intensity and efforts (0–5). */
export function IssueChart({ issues }: { issues: readonly IssueStats[] }) {
  const translate = useTranslate();
  const theme = useTheme();
  const colours = { existence: theme.palette.info.main, intensity: theme.palette.error.main, efforts: theme.palette.warning.main };
  const core: readonly string[] = CORE_ISSUES;
  const data = issues
    .filter((stats) => core.includes(stats.issue))
    .map((stats) => ({
      issue: translate(`scoring:issue.${stats.issue}`),
      existence: stats.means.existence,
      intensity: stats.means.intensity,
      efforts: stats.means.efforts,
    }));
  return (
    <ResponsiveContainer width="100%" height={340}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 48, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="issue" interval={0} angle={-20} textAnchor="end" height={70} tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} />
        <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(2) : "–")} />
        <Legend verticalAlign="top" itemSorter={null} />
        {TEMPLATES.map((template) => (
          <Bar key={template} dataKey={template} name={translate(`scoring:template.${template}`)} fill={colours[template]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
