// Entry point of `dclint-language-server`. The transport comes from the command line:
// --stdio, --node-ipc or --socket=PORT (as vscode-languageserver defines them). With --stdio the
// library routes console output to the client's log, so stdout carries nothing but protocol.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const connection = createConnection(ProposedFeatures.all);
// A failed request must not end the server: the drafter keeps editing, the failure goes to the client's log.
process.on('unhandledRejection', (reason) => connection.console.error(`dclint: ${String(reason)}`));
startServer(connection);
