#!/usr/bin/env node
// The `bao-cao` command: the bundled CLI, built by `npm ci` (prepare) or `npm run build:cli`.
import '../build/cli.js';
