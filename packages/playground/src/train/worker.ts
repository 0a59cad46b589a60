/**
 * The Train panel's Web Worker: TensorFlow.js, the data and the model live here, so that the range
 * test and training never hold up the page. Requests come in with an id; progress events and one
 * answer (or an error) go back with it; `stop` aborts a running request.
 *
 * @module
 */
import "lrkit/presets"; // schedules of the editor may name the anchors' presets
import { OPTIMIZER_NAMES, OPTIMIZERS, type BackendReport } from "@lrkit/tfjs";
import type { CsvTable } from "@lrkit/compare/csv";
import type { BackendInfo, Progress, Reply, Request } from "./protocol.js";
import { decodeSample } from "./sampleFile.js";
import { startBackend } from "./worker/backend.js";
import { csvSets, readCsvFile } from "./worker/csvData.js";
import { Session } from "./worker/session.js";

const scope = self as unknown as {
  postMessage(message: Reply): void;
  onmessage: ((e: MessageEvent<Request>) => void) | null;
};

const session = new Session();
const running = new Map<number, AbortController>();
let csv: { name: string; table: CsvTable } | undefined;
let backend: Promise<BackendReport> | undefined;

/** The bundled sample's bytes: fetched from the page's origin, gzip-decompressed by the browser. */
async function fetchSample(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`Train: the sample ${url} answered ${response.status}`);
  const plain = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(plain).arrayBuffer());
}

async function handle(r: Request, signal: AbortSignal, progress: (p: Progress) => void): Promise<unknown> {
  if (r.type === "backend") backend ??= startBackend(r.prefer);
  const { reason, backend: name } = await (backend ??= startBackend());
  switch (r.type) {
    case "backend":
      return {
        backend: name,
        reason,
        optimizers: OPTIMIZER_NAMES.map((o) => ({
          name: o,
          className: OPTIMIZERS[o].className,
          rangeTestStart: OPTIMIZERS[o].rangeTestStart,
        })),
      } satisfies BackendInfo;
    case "sample": {
      const { train, validation } = decodeSample(await fetchSample(r.url));
      return session.use(
        {
          name: "MNIST sample",
          train,
          validation,
          trainCount: train.count,
          validationCount: validation.count,
          classes: [...train.classes],
          shape: [...train.shape],
          dispose: () => {},
        },
        r.settings,
      );
    }
    case "csvRead": {
      const { table, preview } = readCsvFile(r.name, new Uint8Array(r.bytes));
      csv = { name: r.name, table };
      return preview;
    }
    case "csvUse": {
      if (!csv) throw new Error("Train: choose a CSV file first");
      const sets = csvSets(csv.name, csv.table, r.label, r.features);
      return session.use(
        {
          name: csv.name,
          train: sets.train,
          validation: sets.validation,
          trainCount: sets.trainCount,
          validationCount: sets.validationCount,
          classes: sets.classes,
          shape: [sets.features],
          dispose: () => {
            for (const set of [sets.train, sets.validation]) for (const t of [set.xs, set.ys]) t.dispose();
          },
        },
        r.settings,
      );
    }
    case "model":
      return session.info(r.settings);
    case "rangeTest":
      return session.rangeTest(r.settings, signal, progress);
    case "train":
      return session.train(r.runs, r.settings, signal, progress);
    case "stop":
      running.get(r.target)?.abort();
      return null;
  }
}

// One request at a time (they share the model), except `stop`, which must land during another.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  const r = e.data;
  const controller = new AbortController();
  const run = async () => {
    running.set(r.id, controller);
    try {
      const value = await handle(r, controller.signal, (progress) =>
        scope.postMessage({ id: r.id, type: "progress", progress }),
      );
      scope.postMessage({ id: r.id, type: "done", value });
    } catch (error) {
      scope.postMessage({
        id: r.id,
        type: "error",
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      running.delete(r.id);
    }
  };
  if (r.type === "stop") void run();
  else queue = queue.then(run);
};
