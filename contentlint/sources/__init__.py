"""Sources: files and streams that yield posts (Markdown, YAML posts)."""
