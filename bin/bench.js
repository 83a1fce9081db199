#!/usr/bin/env node
'use strict'
// npm run bench [-- --large]: the build step runs first (see package.json).
require('../out/main/bench.js')
