"""spaCy pipelines per language (imported lazily: only when a post is analysed)."""
