/**
 * Main-thread side of the analysis worker: a small pool that queues jobs over its workers,
 * transfers the decoded channels, cancels by AbortSignal (a queued job is dropped, a running one terminates
 * its worker, which is replaced on demand) and shuts idle workers down.
 */
import type { AnalyzeOptions, TempoAnalysis } from '../analysis/tempo-analysis';
import { transferablesOf, type AnalysisInput, type AnalysisRequest, type AnalysisResponse } from './analysis-messages';

/** Options of one analysis job. */
export interface AnalyzeJobOptions extends AnalyzeOptions {
  signal?: AbortSignal;
}

interface Job {
  id: number;
  input: AnalysisInput;
  options: AnalyzeOptions;
  signal?: AbortSignal;
  resolve: (result: TempoAnalysis) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idleTimer: ReturnType<typeof setTimeout> | null;
}

/** Creates an analysis worker (the Vite module-worker pattern). */
const spawnWorker = (): Worker => new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });

/** One worker per core but one (the page keeps a core), at least one, at most eight. */
export function defaultWorkers(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(8, Math.floor(cores) - 1));
}

const abortError = (): DOMException => new DOMException('Analysis cancelled', 'AbortError');

/** A pool of analysis workers. Call `dispose()` when done; pending jobs are then rejected. */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(
    readonly maxWorkers = defaultWorkers(),
    private readonly idleMs = 10_000,
    private readonly createWorker: () => Worker = spawnWorker,
  ) {}

  /** Resolves with the analysis of `input` (its buffers are transferred: unusable by the caller afterwards); rejects with an AbortError when cancelled. */
  analyze(input: AnalysisInput, options: AnalyzeJobOptions = {}): Promise<TempoAnalysis> {
    const { signal, ...analyzeOptions } = options;
    if (this.disposed) return Promise.reject(new Error('AnalysisPool is disposed'));
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<TempoAnalysis>((resolve, reject) => {
      const job: Job = { id: this.nextId++, input, options: analyzeOptions, signal, resolve, reject };
      if (signal) {
        job.onAbort = () => this.cancel(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Terminates every worker and rejects every pending job. */
  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) this.finish(job, () => job.reject(new Error('AnalysisPool is disposed')));
    for (const slot of this.slots.splice(0)) {
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.worker.terminate();
      const job = slot.job;
      if (job) this.finish(job, () => job.reject(new Error('AnalysisPool is disposed')));
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.maxWorkers) slot = this.addSlot();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = null;
      slot.job = job;
      const request: AnalysisRequest = { id: job.id, input: job.input, options: job.options };
      slot.worker.postMessage(request, transferablesOf(job.input));
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: this.createWorker(), job: null, idleTimer: null };
    slot.worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
      const job = slot.job;
      if (!job || job.id !== event.data.id) return;
      slot.job = null;
      const data = event.data;
      this.finish(job, () => ('result' in data ? job.resolve(data.result) : job.reject(new Error(data.error))));
      this.scheduleIdle(slot);
      this.pump();
    };
    slot.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const job = slot.job;
      this.removeSlot(slot);
      if (job) this.finish(job, () => job.reject(new Error(`Analysis worker failed: ${event.message}`)));
      this.pump();
    };
    this.slots.push(slot);
    return slot;
  }

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const running = this.slots.find((s) => s.job === job);
    if (running) this.removeSlot(running); // the only way to stop synchronous work
    this.finish(job, () => job.reject(abortError()));
    this.pump();
  }

  private scheduleIdle(slot: Slot): void {
    slot.idleTimer = setTimeout(() => {
      if (slot.job === null) this.removeSlot(slot);
    }, this.idleMs);
  }

  private removeSlot(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.worker.terminate();
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private finish(job: Job, settle: () => void): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    settle();
  }
}
