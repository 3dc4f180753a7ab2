import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
const gate = process.argv[2];
const output = new PassThrough();
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
const cols = Array.from({ length: 45 }, (_, i) => ({ key: "c" + i, header: "h" + i, width: 10 }));
let maxArr = 0, maxHeap = 0;
const base = process.memoryUsage();
function sample() { const m = process.memoryUsage(); maxArr = Math.max(maxArr, m.arrayBuffers - base.arrayBuffers); maxHeap = Math.max(maxHeap, m.heapUsed - base.heapUsed); }
async function roomIn() {
  await new Promise(setImmediate);
  while (output.writableNeedDrain) await new Promise((r) => output.once("drain", r));
}
async function write() {
  const sheet = wb.addWorksheet("R");
  sheet.columns = cols;
  for (let i = 0; i < 200000; i++) {
    const row = {}; for (let c = 0; c < 45; c++) row["c" + c] = c < 5 ? "abc-" + i : (i * c) % 6;
    sheet.addRow(row).commit();
    if (i % 1000 === 999) { sample(); if (gate === "gate") await roomIn(); }
  }
  sheet.commit(); await wb.commit();
}
const t = Date.now();
write();
let bytes = 0;
for await (const chunk of output) { bytes += chunk.length; }
console.log({ gate, bytes, maxArrMB: maxArr / 1e6, maxHeapMB: maxHeap / 1e6, ms: Date.now() - t });
