import { describe, expect, it } from "vitest";
import { err, ok } from "../../shared/result";
import { createWorkerCall, type WorkerAnswer, type WorkerRequest } from "./workerCall";

/** A worker in the test's hands: it records what it was sent and answers or fails when told. */
class FakeWorker extends EventTarget {
  received: WorkerRequest<string>[] = [];
  terminated = false;
  postMessage(message: WorkerRequest<string>) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(answer: WorkerAnswer<number>) {
    this.dispatchEvent(new MessageEvent("message", { data: answer }));
  }
  fail(message: string) {
    this.dispatchEvent(Object.assign(new Event("error"), { message }));
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const call = createWorkerCall<string, number>(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  }, "the worker failed");
  return { call, workers };
}

describe("worker calls", () => {
  it("starts the worker only when first called", () => {
    const { call, workers } = setUp();
    expect(workers).toHaveLength(0);
    void call("a");
    void call("b");
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received.map((m) => m.request)).toEqual(["a", "b"]);
  });

  it("gives each caller its own answer, in whatever order they come", async () => {
    const { call, workers } = setUp();
    const first = call("first");
    const second = call("second");
    const [a, b] = workers[0]?.received ?? [];
    workers[0]?.answer({ seq: b?.seq ?? -1, ...err("no room") });
    workers[0]?.answer({ seq: a?.seq ?? -1, ...ok(5) });
    expect(await first).toEqual(ok(5));
    expect(await second).toEqual(err("no room"));
  });

  it("fails every waiting call with the worker's message when it crashes, and starts afresh next time", async () => {
    const { call, workers } = setUp();
    const first = call("a");
    const second = call("b");
    workers[0]?.fail("out of memory");
    expect(await first).toEqual(err("out of memory"));
    expect(await second).toEqual(err("out of memory"));
    expect(workers[0]?.terminated).toBe(true);

    const third = call("c");
    expect(workers).toHaveLength(2);
    workers[1]?.fail("");
    expect(await third).toEqual(err("the worker failed"));
  });
});
