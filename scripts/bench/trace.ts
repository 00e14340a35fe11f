import type { Page } from '@playwright/test';

/** One task of the page's main thread in which the extension's code ran. */
export interface ExtensionTask {
  /** The whole task, in ms. */
  durationMs: number;
  /** The part of it the sampling profiler found in the extension's scripts, in ms. */
  extensionMs: number;
  /** The extension's functions sampled most in it (innermost frame of ours, "name file:line"), most first. */
  topFrames: string[];
  /** It started before the page's load event ended: it is part of the page-load time. */
  beforeLoad: boolean;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      startTime?: number;
      timeDeltas?: number[];
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame?: { url?: string; functionName?: string; lineNumber?: number } }[]; samples?: number[] };
    };
  };
}

/**
 * Loads `url` in `page` under Chromium's tracing with its sampling profiler, and returns the
 * tasks of the page's main thread in which a sample fell in the extension's code
 * (`chrome-extension://<id>/…` frames anywhere on the stack). Content scripts run in an isolated
 * world that a PerformanceObserver cannot attribute; the profiler can. Durations are measured
 * with the profiler on, which slows the page somewhat: a pessimistic figure.
 * `settle` runs after the load, still traced (wait there for the extension to finish).
 */
export async function traceExtensionTasks(page: Page, url: string, extensionId: string, settle: () => Promise<void>): Promise<ExtensionTask[]> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] },
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle();
  await session.send('Tracing.end');
  await complete;
  await session.detach();
  return extensionTasksOf(events, new URL(url), `chrome-extension://${extensionId}/`);
}

function extensionTasksOf(events: TraceEvent[], url: URL, extensionOrigin: string): ExtensionTask[] {
  // The page's main thread: where its HTML was parsed.
  const parse = events.find((event) => event.name === 'ParseHTML' && JSON.stringify(event.args ?? {}).includes(`${url.host}${url.pathname}`));
  if (!parse) throw new Error(`no ParseHTML of ${url.href} in the trace`);
  const { pid, tid } = parse;

  const nodes = new Map<number, { parent?: number; inExtension: boolean; frame: string }>();
  /** The innermost frame of the extension's code on a sample's stack, or null when none is. */
  const extensionFrameOf = (id: number): string | null => {
    for (let node = nodes.get(id); node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) if (node.inExtension) return node.frame;
    return null;
  };
  const clocks = new Map<string, number>();
  for (const event of events) if (event.name === 'Profile' && event.pid === pid && event.id) clocks.set(event.id, event.args?.data?.startTime ?? 0);
  const samples: { at: number; frame: string | null }[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || !event.id) continue;
    const profile = event.args?.data?.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) {
      const frameUrl = node.callFrame?.url ?? '';
      const frame = `${node.callFrame?.functionName || '(anonymous)'} ${frameUrl.slice(extensionOrigin.length)}:${(node.callFrame?.lineNumber ?? -1) + 1}`;
      nodes.set(node.id, { parent: node.parent, inExtension: frameUrl.startsWith(extensionOrigin), frame });
    }
    const deltas = event.args?.data?.timeDeltas ?? [];
    let at = clocks.get(event.id) ?? 0;
    (profile.samples ?? []).forEach((sample, index) => {
      at += deltas[index] ?? 0;
      samples.push({ at, frame: extensionFrameOf(sample) });
    });
    clocks.set(event.id, at);
  }
  samples.sort((a, b) => a.at - b.at);

  // The page's load event (devtools.timeline's MarkLoad on its main thread): tasks before it delay `load`.
  const loadAt = events.find((event) => event.name === 'MarkLoad' && event.pid === pid && event.tid === tid && event.ts >= parse.ts)?.ts ?? Number.POSITIVE_INFINITY;
  const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X' && event.pid === pid && event.tid === tid && event.dur !== undefined);
  const found: ExtensionTask[] = [];
  for (const task of tasks) {
    const inside = samples.filter((sample) => sample.at >= task.ts && sample.at <= task.ts + task.dur!);
    const ours = inside.filter((sample) => sample.frame !== null);
    if (ours.length === 0) continue;
    const counts = new Map<string, number>();
    for (const sample of ours) counts.set(sample.frame!, (counts.get(sample.frame!) ?? 0) + 1);
    const topFrames = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([frame, count]) => `${frame} ×${count}`);
    found.push({ durationMs: task.dur! / 1000, extensionMs: (task.dur! / 1000) * (ours.length / inside.length), topFrames, beforeLoad: task.ts < loadAt });
  }
  return found;
}
