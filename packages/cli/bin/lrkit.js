#!/usr/bin/env node
// The `lrkit` executable: a file that exists before the build, so that `npm ci` links it.
import "../dist/main.js";
