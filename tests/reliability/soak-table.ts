// The soak summary: one row per engine (and a total), as a Markdown table ready for docs/reliability.md.
import type { RunResult } from './run';

function sum(rs: readonly RunResult[], f: (r: RunResult) => number): number {
  return rs.reduce((n, r) => n + f(r), 0);
}

function row(label: string, rs: readonly RunResult[]): string[] {
  const conv = rs.map((r) => r.convergeMs).sort((a, b) => a - b);
  const median = conv[Math.floor(conv.length / 2)] ?? 0;
  const max = conv[conv.length - 1] ?? 0;
  return [
    label,
    String(rs.length),
    String(rs[0]?.devices ?? 0),
    String(sum(rs, (r) => r.operations)),
    String(sum(rs, (r) => r.committed)),
    String(sum(rs, (r) => r.counts.dropped)),
    String(sum(rs, (r) => r.counts.lostResponses)),
    String(sum(rs, (r) => r.counts.duplicated)),
    String(sum(rs, (r) => r.counts.delayed)),
    String(sum(rs, (r) => r.counts.replayed)),
    String(sum(rs, (r) => r.counts.kills)),
    String(sum(rs, (r) => r.counts.reopens)),
    String(sum(rs, (r) => r.needsAttention)),
    String(sum(rs, (r) => r.violations.lost.length + r.violations.textsLost.length)),
    String(sum(rs, (r) => r.violations.duplicates.length)),
    String(sum(rs, (r) => r.violations.diverged.length + r.violations.revived.length)),
    `${median} / ${max}`,
  ];
}

export function formatTable(results: readonly RunResult[]): string {
  const header = [
    'engine',
    'runs',
    'devices',
    'operations',
    'changes',
    'dropped',
    'lost responses',
    'duplicated',
    'delayed',
    'replayed',
    'server kills',
    'tab reopens',
    'needs attention',
    'changes lost',
    'duplicates',
    'diverged',
    'converge ms (median / max)',
  ];
  const engines = [...new Set(results.map((r) => r.engine))];
  const rows = engines.map((e) =>
    row(
      e,
      results.filter((r) => r.engine === e),
    ),
  );
  if (engines.length > 1) rows.push(row('all', results));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
