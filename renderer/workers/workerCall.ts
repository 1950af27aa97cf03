import { err, type Result } from "../../shared/result";

/**
 * One small message contract for the app's request/answer workers (exports,
 * layout): a numbered request in, a numbered `Result` out, so each answer
 * finds its caller and a failure reaches the user as a message.
 */
export interface WorkerRequest<Request> {
  seq: number;
  request: Request;
}

export type WorkerAnswer<Answer> = { seq: number } & Result<Answer, string>;

/**
 * Calls a Web Worker created on first use, so the code it loads (exceljs,
 * elkjs) costs nothing until the user asks for it. A worker that fails to
 * load or crashes fails what waits with `failure` and starts afresh next time.
 */
export function createWorkerCall<Request, Answer>(
  createWorker: () => Worker,
  failure: string,
): (request: Request) => Promise<Result<Answer, string>> {
  let worker: Worker | null = null;
  let seq = 0;
  const waiting = new Map<number, (result: Result<Answer, string>) => void>();

  const start = () => {
    const started = createWorker();
    started.addEventListener("message", (event: MessageEvent<WorkerAnswer<Answer>>) => {
      const { seq: answered, ...result } = event.data;
      const resolve = waiting.get(answered);
      waiting.delete(answered);
      resolve?.(result);
    });
    started.addEventListener("error", (event) => {
      for (const resolve of waiting.values()) resolve(err(event.message || failure));
      waiting.clear();
      started.terminate();
      worker = null;
    });
    return started;
  };

  return (request) =>
    new Promise((resolve) => {
      worker ??= start();
      const message: WorkerRequest<Request> = { seq: ++seq, request };
      waiting.set(message.seq, resolve);
      worker.postMessage(message);
    });
}

/**
 * The worker's side: answers each request with `handle`'s result. Bytes in
 * an answer listed by `transferOf` move to the caller rather than being copied.
 */
export function answerRequests<Request, Answer>(
  handle: (request: Request) => Promise<Result<Answer, string>>,
  transferOf: (answer: Answer) => Transferable[] = () => [],
): void {
  self.addEventListener("message", async (event: MessageEvent<WorkerRequest<Request>>) => {
    const { seq, request } = event.data;
    const result = await handle(request);
    const answer: WorkerAnswer<Answer> = { seq, ...result };
    self.postMessage(answer, { transfer: result.ok ? transferOf(result.value) : [] });
  });
}
