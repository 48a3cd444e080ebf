"""`contentlint lsp`: a Language Server Protocol server (pygls) that lints the posts an editor has open."""
