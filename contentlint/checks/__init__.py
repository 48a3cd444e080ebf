"""Rules: YAML packs (data) compiled by a few kinds (Python)."""
