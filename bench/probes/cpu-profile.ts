// Reading V8 CPU profiles (.cpuprofile, from the inspector or CDP's Profiler) for the probes: where a thread's time
// went, by function (its own time) and by the functions it ran under (inclusive time), as ms per profile.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** ms per profile: busy (not idle) time, and its share by function. */
  busy: number;
  idle: number;
  self: [string, number][];
  inclusive: [string, number][];
}

const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules|assets)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;

/**
 * Sums the profiles' samples by function. `endAt`, when given, ends each profile at its first sample whose stack
 * has a frame it accepts (a drain's profile at the pull that follows it, say); leading idle samples are dropped.
 */
export function summarizeProfiles(
  files: readonly string[],
  endAt?: (frame: ProfileNode['callFrame']) => boolean,
): ProfileSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const file of files) {
    const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const stack = (id: number) => {
      const out: ProfileNode[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) out.push(byId.get(at)!);
      return out;
    };
    let end = p.samples.length;
    if (endAt) end = p.samples.findIndex((id) => stack(id).some((n) => endAt(n.callFrame)));
    if (end < 0) end = p.samples.length;
    let start = 0;
    while (start < end && byId.get(p.samples[start]!)!.callFrame.functionName === '(idle)') start++;
    for (let i = start; i < end; i++) {
      const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
      const frames = stack(p.samples[i]!);
      if (frames[0]!.callFrame.functionName === '(idle)') {
        idle += ms;
        continue;
      }
      busy += ms;
      const own = label(frames[0]!);
      self.set(own, (self.get(own) ?? 0) + ms);
      for (const name of new Set(frames.map(label))) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const n = Math.max(1, files.length);
  const per = (m: Map<string, number>) =>
    [...m].map(([k, v]): [string, number] => [k, v / n]).sort((a, b) => b[1] - a[1]);
  return { busy: busy / n, idle: idle / n, self: per(self), inclusive: per(inclusive) };
}

export function printSummary(s: ProfileSummary, top = 30, only: (name: string) => boolean = () => true): void {
  const row = ([name, ms]: [string, number]) => `${ms.toFixed(1).padStart(8)}  ${name}`;
  console.log(`per profile: busy ${s.busy.toFixed(0)} ms, idle ${s.idle.toFixed(0)} ms`);
  console.log('-- own time');
  for (const r of s.self.slice(0, top)) console.log(row(r));
  console.log('-- inclusive');
  for (const r of s.inclusive.filter(([name]) => only(name)).slice(0, top)) console.log(row(r));
}
