export { loadModelFile, modelFromArtifacts } from "./sources/loadModelFile.js";
export { readModelArtifacts } from "./sources/readModelArtifacts.js";
export { parseCsv, readCsv, type CsvData, type CsvTarget, type ReadCsvOptions } from "./sources/readCsv.js";
