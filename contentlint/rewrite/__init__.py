"""Insight-led rewrites of promotional headlines, built from what spaCy finds in the post."""
