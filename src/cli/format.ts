const NUMERIC = /^[-+$]?[\d.,]+(%|ms|s|\*)?$|^\d+\/\d+$|^-$/;

/** Plain-text table for terminal reports: numeric columns right-aligned, text columns left-aligned. */
export function renderTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => NUMERIC.test(String(r[i] ?? '-'))));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function money(n: number | undefined): string {
  return n === undefined ? '-' : `$${n < 0.01 && n > 0 ? n.toFixed(5) : n.toFixed(4)}`;
}

export function ms(n: number | undefined): string {
  if (n === undefined) return '-';
  return n >= 1000 ? `${(n / 1000).toFixed(2)}s` : `${Math.round(n)}ms`;
}
