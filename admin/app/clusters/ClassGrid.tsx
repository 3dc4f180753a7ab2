import { Table, TableBody, TableCell, TableHead, TableRow } from "@mui/material";
import { useTranslate } from "react-admin";
import { BR_CLASSES } from "../../../core/scoring";
import type { CategoryClass, ClassificationGridCell } from "../../../core/scoring";

interface GridRow {
  category: string;
  number: number;
  categoryKey: string;
  cells: readonly ClassificationGridCell[];
}

/** Table 1.4: categories by classes, with the cluster's class in each category highlighted. */
export function ClassGrid({ grid, classes }: { grid: readonly GridRow[]; classes: readonly CategoryClass[] }) {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate("console.cluster.grid")}>
      <TableHead>
        <TableRow>
          <TableCell />
          {BR_CLASSES.map((cls) => (
            <TableCell key={cls} align="center">{translate(`scoring:class.${cls}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {grid.map((row) => {
          const own = classes.find((c) => c.category === row.category);
          return (
            <TableRow key={row.category}>
              <TableCell component="th" scope="row">
                {row.number}. {translate(row.categoryKey)}
              </TableCell>
              {row.cells.map((cell) => {
                const current = own?.class === cell.class;
                return (
                  <TableCell
                    key={cell.label}
                    align="center"
                    data-current={current || undefined}
                    sx={current ? { bgcolor: "primary.main", color: "primary.contrastText", fontWeight: "bold" } : { color: "text.disabled" }}
                  >
                    {cell.label}
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
