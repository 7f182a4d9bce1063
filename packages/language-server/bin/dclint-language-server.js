#!/usr/bin/env node
// Speaks LSP over stdio (--stdio), node IPC (--node-ipc) or a socket (--socket=PORT).
import '../dist/main.js';
