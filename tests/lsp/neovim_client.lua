-- Drives contentlint's language server from a real Neovim (0.7 or later), headless; prints what a writer sees.
local cmd = vim.split(os.getenv("CONTENTLINT_LSP"), "\t")
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "contentlint", cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)
local function say(line) io.stdout:write(line .. "\n") end
if not vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then say("timeout") vim.cmd("qa!") end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("diagnostic %d:%d %s", d.lnum + 1, d.col + 1, d.code or ""))
end
local client = vim.lsp.get_client_by_id(id)
local at = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 1, character = 10 } }
local hover = client.request_sync("textDocument/hover", at, 20000, buf)
local contents = hover and hover.result and hover.result.contents
say("hover " .. ((contents and (contents.value or contents[1])) or ""):gsub("\n", " "))
local diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, 1)
local range = { start = { line = 1, character = 8 }, ["end"] = { line = 1, character = 8 } }
local actions = client.request_sync("textDocument/codeAction",
  { textDocument = at.textDocument, range = range, context = { diagnostics = diagnostics } }, 20000, buf)
for _, action in ipairs((actions and actions.result) or {}) do
  if action.edit and action.title:match("^Rewrite") then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or "utf-16")
    say("applied " .. action.title)
    break
  end
end
say("title " .. vim.api.nvim_buf_get_lines(buf, 1, 2, false)[1])
client.stop()
vim.cmd("qa!")
