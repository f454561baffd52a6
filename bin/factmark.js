#!/usr/bin/env node
// The installed `factmark` command runs the built CLI (see `npm run build`).
import '../out/main/cli.js'
