// Starts `contentlint lsp` for Markdown and YAML files; everything else (diagnostics, hover, code actions,
// config reload) is the server's.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("contentlint").get("command");
  client = new LanguageClient(
    "contentlint",
    "contentlint",
    { command, args },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "yaml" },
        { scheme: "untitled", language: "markdown" },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.contentlint.{yaml,yml}") },
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
