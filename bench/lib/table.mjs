// Plain-text tables: readable in a terminal and in a pasted CI log, unlike console.table.

/** Prints `rows` (arrays of cells) under `header`; cells that look numeric are right-aligned. */
export function printTable(title, header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const numeric = /^[-+]?[\d.,\s]+\*?(\s?[a-zA-Z%/]+)?$/;
  const line = (row) =>
    row.map((cell, i) => (numeric.test(cell) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export const ms = (value) => (value === undefined ? '-' : `${value.toFixed(value < 10 ? 2 : 1)} ms`);
// Decimal units (1 MB = 10^6 bytes, 1 kB = 10^3 bytes): the stricter reading of the targets.
export const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
export const kb = (bytes) => `${(bytes / 1e3).toFixed(1)} kB`;
