import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../../../../tfjs/src/test/backends.js";
import { buildModel } from "./models.js";

describe("the Train panel's models", () => {
  beforeAll(() => useBackend("cpu"));

  it("are the CLI's MLP and LeNet, the MLP's hidden layer sized from a table's columns", () => {
    const sized = (choice: "mlp" | "lenet", shape: number[], classes: number) => {
      const { model, title } = buildModel(choice, shape, classes);
      const weights = model.countParams();
      model.dispose();
      return [title, weights];
    };
    expect(sized("mlp", [28, 28, 1], 10)).toEqual(["MLP 784-256-10", 784 * 256 + 256 + 256 * 10 + 10]);
    expect(sized("lenet", [28, 28, 1], 10)).toEqual(["LeNet", 61_706]);
    // 2 × (4 features + 3 classes) = 14, raised to the smallest width, 16; at most 128.
    expect(sized("mlp", [4], 3)).toEqual(["MLP 4-16-3", 4 * 16 + 16 + 16 * 3 + 3]);
    expect(sized("mlp", [100], 2)).toEqual(["MLP 100-128-2", 100 * 128 + 128 + 128 * 2 + 2]);
    expect(sized("lenet", [4], 3)).toEqual(["MLP 4-16-3 (LeNet needs images)", 131]);
  });
});
