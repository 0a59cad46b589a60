/**
 * The page's entry point.
 *
 * @module
 */
import "./style.css";
import { startPlayground } from "./app.js";

startPlayground();
