export { type ScaleType } from "./axes.js";
export {
  lossAt,
  lrFinderChart,
  type FinderChartOptions,
  type FinderCurve,
  type Suggestion,
} from "./finderChart.js";
export { formatValue } from "./format.js";
export type { LegendItem } from "./legend.js";
export {
  describeSeries,
  lineChart,
  type ChartOptions,
  type LineChartOptions,
  type Marker,
  type PointMarker,
  type Series,
} from "./lineChart.js";
export { rangeTestChart, type RangeTestCurve } from "./rangeTestChart.js";
export {
  defaultSteps,
  scheduleChart,
  scheduleLabel,
  type LabelledSchedule,
  type ScheduleChartOptions,
} from "./scheduleChart.js";
export {
  stripAnsi,
  terminalChart,
  visibleLength,
  type TerminalChartOptions,
  type TerminalSeries,
} from "./terminal.js";
export { colorAt, dashes, palette, theme } from "./theme.js";
export { trainingChart, type TrainingChartOptions, type TrainingRun } from "./trainingChart.js";
