/**
 * The page's entry point.
 *
 * @module
 */
import "lrkit/presets"; // the anchors' presets, by name in schedules
import "./style.css";
import { startPlayground } from "./app.js";

startPlayground();
