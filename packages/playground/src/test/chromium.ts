/**
 * Test helper: how the browser tests and scripts start Debian's Chromium with playwright-core
 * (which never downloads a browser).
 *
 * @module
 */

/** The Chromium binary: `$LRKIT_CHROMIUM`, else Debian's (`apt-get install -y chromium`). */
export const CHROMIUM = process.env.LRKIT_CHROMIUM ?? "/usr/bin/chromium";

/** Its flags: no sandbox (CI runs as root), no GPU (WebGL on SwiftShader), nothing that calls out. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
