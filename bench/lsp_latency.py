"""How long a writer waits for `contentlint lsp` to refresh its diagnostics after an edit, on a 1,000-word post.

    python bench/lsp_latency.py [--edits 20]

Starts the server over stdio as an editor does, opens a post of about 1,000 words (the samples' bodies, in turn,
under a promotional title), waits for the first diagnostics (cold: spaCy loads), then makes --edits edits, each
after the previous one's diagnostics arrived, and times edit -> publishDiagnostics. That time includes the 300 ms
debounce; the analysis alone is the rest. Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from contentlint.lsp.server import DEBOUNCE_SECONDS  # noqa: E402

WORDS = 1000


def post() -> str:
    """A 1,000-word Markdown post: the English samples' bodies, repeated, after a sale title."""
    bodies = [
        path.read_text(encoding="utf-8").split("---", 2)[-1] for path in sorted((REPO / "samples/en").glob("*.md"))
    ]
    paragraphs = [p.strip() for body in bodies for p in body.split("\n\n") if p.strip()]
    chosen: list[str] = []
    while sum(len(p.split()) for p in chosen) < WORDS:
        chosen.append(paragraphs[len(chosen) % len(paragraphs)])
    return "---\ntitle: Spring sale, buy now\n---\n" + "\n\n".join(chosen) + "\n"


async def measure(edits: int) -> None:
    client = LanguageClient("bench", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            event.set()

    await client.start_io(sys.executable, "-m", "contentlint", "lsp")
    folder = Path(tempfile.mkdtemp())
    uri = (folder / "post.md").as_uri()
    text = post()
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())
    )
    client.initialized(types.InitializedParams())
    start = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
        )
    )
    while 1 not in arrived:
        await asyncio.wait_for(event.wait(), 120)
        event.clear()
    print(f"post: {len(text.split())} words, {len(text)} characters")
    print(f"first diagnostics after open (cold, includes loading spaCy): {arrived[1] - start:.2f} s")
    waits = []
    for version in range(2, edits + 2):
        text = text.replace("\n\n", f"\n\nEdit {version}. ", 1)
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        while version not in arrived:
            await asyncio.wait_for(event.wait(), 60)
            event.clear()
        waits.append(arrived[version] - sent)
    median, worst = statistics.median(waits), max(waits)
    print(
        f"edit -> diagnostics, warm, {edits} edits: median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms "
        f"(debounce {DEBOUNCE_SECONDS * 1000:.0f} ms; analysis and transport: median "
        f"{(median - DEBOUNCE_SECONDS) * 1000:.0f} ms)"
    )
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    asyncio.run(measure(parser.parse_args().edits))


if __name__ == "__main__":
    main()
