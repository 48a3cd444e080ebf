"""Real labelled posts from public repositories: pointers in the repo, texts rebuilt from snapshots.

The repository keeps only *pointers* (`realposts/<lang>/<owner>__<repo>.jsonl`): source (`owner/repo@commit:path`),
licence, label, stage, source type, how the label was decided and the SHA-256 of the extracted text. The texts
themselves come from the repositories' snapshots (the search tool's `fetch`, which puts a git directory under
/work/.mirror/<owner>+<repo>/repo) and are written, never committed, to the text folder (default
`../realcorpus`, or $REALCORPUS_TEXT). `contentlint train` reads that folder like any other corpus.

    python tools/realcorpus.py ls    owner/repo [FOLDER] [--ext md,mdx]     # files at the snapshot's HEAD
    python tools/realcorpus.py show  owner/repo PATH                          # extracted title/body/meta as JSON
    python tools/realcorpus.py add   owner/repo --license MIT --lang en --label howto --stage post \
                                     --type docs --by provenance PATH...      # pointer + text record
    python tools/realcorpus.py materialise                                   # rebuild every text from pointers
    python tools/realcorpus.py remove owner/repo@commit:path                 # drop one record
    python tools/realcorpus.py check                                          # reserved/dev overlap, hashes, counts

Extraction (the same for `add` and `materialise`, so a rebuild is byte-identical): front matter (`---` YAML or `+++`
TOML) is removed and kept as `meta` (title, categories, tags, type, layout, description); HTML keeps visible text;
the title is the front-matter `title`, else the first heading, else the first line; the body is cut to 3000
characters.
"""

from __future__ import annotations

import argparse
import hashlib
import html.parser
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
POINTERS = ROOT / "realposts"
SHARED = ROOT.parent / "shared" / "corpus"
MIRRORS = Path(os.environ.get("REALCORPUS_MIRRORS", "/work/.mirror"))
TEXT = Path(os.environ.get("REALCORPUS_TEXT", str(ROOT.parent / "realcorpus")))
MAX_BODY = 3000
LABELS = {"product": ("at",), "sale": ("at",), "release": ("at",), "problem": ("pre",), "howto": ("pre", "post")}
SOURCE_TYPES = (
    "blog",
    "docs",
    "faq",
    "troubleshooting",
    "changelog",
    "release-notes",
    "landing",
    "pricing",
    "campaign",
    "press-release",
    "newsletter",
    "app-store",
    "customer-story",
    "essay",
    "post-mortem",
    "announcement",
    "readme",
    "sms",
    "social",
    "other",
)
META_KEYS = ("title", "description", "categories", "category", "tags", "type", "layout", "section", "kind")


def git_dir(repo: str) -> Path:
    path = MIRRORS / repo.replace("/", "+") / "repo"
    if not path.is_dir():
        sys.exit(f"{repo}: no snapshot at {path}; fetch it with the search tool's fetch first")
    return path


def git(repo: str, *args: str) -> bytes:
    # core.quotepath=off: names that are not ASCII (Japanese, Chinese) are listed as they are, not quoted
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", "--git-dir", str(git_dir(repo)), *args], check=True, capture_output=True
    ).stdout


def head(repo: str) -> str:
    return git(repo, "rev-parse", "HEAD").decode().strip()


def reserved() -> set[str]:
    lines = (SHARED / "RESERVED.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if re.fullmatch(r"[\w.-]+/[\w.-]+", line.strip())}


def dev_repos() -> set[str]:
    repos = set()
    with open(SHARED / "dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            repos.add(json.loads(line)["source"].split("@", 1)[0].lower())
    return repos


def refuse_if_reserved(repo: str) -> None:
    low = repo.lower()
    if low in reserved():
        sys.exit(f"{repo} is reserved for evaluation (shared/corpus/RESERVED.txt): never use it")
    if low in dev_repos():
        sys.exit(f"{repo} is a source of shared/corpus/dev.jsonl (measurement only): never train on it")


class _Visible(html.parser.HTMLParser):
    SKIP = frozenset({"script", "style", "nav", "header", "footer", "noscript", "svg", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self.h1 = ""
        self._skip = 0
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        self._in.append(tag)
        if tag in {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current == "title":
            self.title += data
            return
        if self._skip:
            return
        if current == "h1" and not self.h1:
            self.h1 = data.strip()
        self.parts.append(data)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    for fence, parse in (("---", yaml.safe_load), ("+++", tomllib.loads)):
        if text.startswith(fence + "\n") or text.startswith(fence + "\r\n"):
            end = re.search(rf"^{re.escape(fence)}[ \t]*$", text[len(fence) + 1 :], re.M)
            if end:
                block = text[len(fence) + 1 : len(fence) + 1 + end.start()]
                rest = text[len(fence) + 1 + end.end() :]
                try:
                    data = parse(block)
                except Exception:
                    data = {}
                return (data if isinstance(data, dict) else {}), rest.lstrip("\r\n")
    return {}, text


def _jsonable(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def extract(repo: str, commit: str, path: str) -> dict[str, Any]:
    """Title, body and meta of one file at one commit: the only extraction there is."""
    raw = git(repo, "show", f"{commit}:{path}")
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    meta: dict[str, Any] = {}
    title = ""
    if path.lower().endswith((".html", ".htm")):
        parser = _Visible()
        parser.feed(text)
        body = re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t]+", " ", "".join(parser.parts))).strip()
        title = (parser.title or parser.h1).strip()
    else:
        data, body = _front_matter(text)
        data = {str(k).lower(): v for k, v in data.items()}
        meta = {k: _jsonable(data[k]) for k in META_KEYS if k in data}
        title = str(data.get("title") or "").strip()
        body = body.strip()
    if not title:
        heading = re.search(r"^#{1,2}\s+(.+)$|^(\S[^\n]*)\n(?:=+|-+)[ \t]*$", body, re.M)
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        title = (heading.group(1) or heading.group(2)).strip() if heading else first[:200]
    meta["path"] = path
    return {"title": title, "body": body[:MAX_BODY], "meta": meta}


def text_hash(record: dict[str, Any]) -> str:
    return hashlib.sha256((record["title"] + "\0" + record["body"]).encode("utf-8")).hexdigest()


def _slug(repo: str) -> str:
    return repo.replace("/", "__")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    # split on "\n" only: str.splitlines() also splits on U+2028/U+2029/U+0085 inside JSON strings
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    records = sorted(records, key=lambda r: r["source"])
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records), encoding="utf-8"
    )


def text_record(pointer: dict[str, Any], extracted: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": pointer["id"],
        "lang": pointer["lang"],
        "label": pointer["label"],
        "stage": pointer["stage"],
        "title": extracted["title"],
        "body": extracted["body"],
        "meta": extracted["meta"],
        "source": pointer["source"],
        "license": pointer["license"],
        "channel": pointer["source_type"],
    }


def cmd_ls(args: argparse.Namespace) -> None:
    refuse_if_reserved(args.repo)
    names = git(args.repo, "ls-tree", "-r", "--name-only", "HEAD", *([args.folder] if args.folder else []))
    exts = tuple("." + e.strip(".") for e in args.ext.split(",")) if args.ext else None
    for name in names.decode("utf-8", errors="replace").splitlines():
        if exts is None or name.lower().endswith(exts):
            print(name)


def cmd_show(args: argparse.Namespace) -> None:
    refuse_if_reserved(args.repo)
    print(json.dumps(extract(args.repo, head(args.repo), args.path), ensure_ascii=False, indent=1))


def cmd_add(args: argparse.Namespace) -> None:
    refuse_if_reserved(args.repo)
    if args.stage not in LABELS[args.label]:
        sys.exit(f"stage {args.stage} is not valid for {args.label}")
    commit = head(args.repo)
    pointer_file = POINTERS / args.lang / f"{_slug(args.repo)}.jsonl"
    text_file = TEXT / args.lang / f"{_slug(args.repo)}.jsonl"
    pointers = {p["source"]: p for p in _read_jsonl(pointer_file)}
    texts = {t["source"]: t for t in _read_jsonl(text_file)}
    added = 0
    for path in args.paths:
        source = f"{args.repo}@{commit}:{path}"
        extracted = extract(args.repo, commit, path)
        if len(extracted["body"]) + len(extracted["title"]) < args.min_chars:
            print(f"skipped (too short): {path}", file=sys.stderr)
            continue
        number = len(pointers) + 1 if source not in pointers else int(pointers[source]["id"].rsplit("-", 1)[1])
        pointer = {
            "id": f"real-{args.lang}-{_slug(args.repo).lower()}-{number:04d}",
            "source": source,
            "license": args.license,
            "lang": args.lang,
            "label": args.label,
            "stage": args.stage,
            "source_type": args.type,
            "labelled_by": args.by,
            "sha256": text_hash(extracted),
        }
        pointers[source] = pointer
        texts[source] = text_record(pointer, extracted)
        added += 1
    _write_jsonl(pointer_file, list(pointers.values()))
    _write_jsonl(text_file, list(texts.values()))
    print(f"{args.repo}: {added} added/updated; {len(pointers)} records in {pointer_file.relative_to(ROOT)}")


def cmd_remove(args: argparse.Namespace) -> None:
    repo = args.source.split("@", 1)[0]
    for folder in (POINTERS, TEXT):
        for path in folder.glob(f"*/{_slug(repo)}.jsonl"):
            kept = [r for r in _read_jsonl(path) if r["source"] != args.source]
            _write_jsonl(path, kept)
    print(f"removed {args.source}")


def cmd_agreement(args: argparse.Namespace) -> None:
    """Agreement of an independent re-labelling (source, label, stage per line) with the recorded labels."""
    recorded = {p["source"]: p for p in all_pointers()}
    answers = [a for a in _read_jsonl(Path(args.answers)) if a["source"] in recorded]
    n = len(answers)
    same = sum(recorded[a["source"]]["label"] == a["label"] for a in answers)
    both = sum(
        recorded[a["source"]]["label"] == a["label"] and recorded[a["source"]]["stage"] == a["stage"] for a in answers
    )
    group = sum(
        (recorded[a["source"]]["label"] in ("product", "sale", "release"))
        == (a["label"] in ("product", "sale", "release"))
        for a in answers
    )
    ours, theirs = Counter(recorded[a["source"]]["label"] for a in answers), Counter(a["label"] for a in answers)
    chance = sum(ours[k] * theirs[k] for k in ours) / n / n
    kappa = (same / n - chance) / (1 - chance)
    print(
        f"{n} records re-labelled: label agreement {same / n:.3f} (Cohen's kappa {kappa:.3f}), "
        f"label and stage {both / n:.3f}, promotional/insight group {group / n:.3f}"
    )


def all_pointers() -> list[dict[str, Any]]:
    return [p for lang in ("en", "ja", "zh") for f in sorted((POINTERS / lang).glob("*.jsonl")) for p in _read_jsonl(f)]


def cmd_materialise(args: argparse.Namespace) -> None:
    missing, bad, done = set(), 0, 0
    rehashed: dict[Path, list[dict[str, Any]]] = {}
    by_file: dict[Path, list[dict[str, Any]]] = {}
    for pointer in all_pointers():
        repo, rest = pointer["source"].split("@", 1)
        commit, path = rest.split(":", 1)
        if not (MIRRORS / repo.replace("/", "+") / "repo").is_dir():
            missing.add(repo)
            continue
        extracted = extract(repo, commit, path)
        if args.rehash and text_hash(extracted) != pointer["sha256"]:
            pointer["sha256"] = text_hash(extracted)  # the extraction changed on purpose: record the new texts
            rehashed.setdefault(POINTERS / pointer["lang"] / f"{_slug(repo)}.jsonl", []).append(pointer)
        if text_hash(extracted) != pointer["sha256"]:
            bad += 1
            print(f"hash differs: {pointer['source']}", file=sys.stderr)
            continue
        by_file.setdefault(TEXT / pointer["lang"] / f"{_slug(repo)}.jsonl", []).append(text_record(pointer, extracted))
        done += 1
    for path, records in by_file.items():
        _write_jsonl(path, records)
    for path in rehashed:
        by_source = {p["source"]: p for p in rehashed[path]}
        _write_jsonl(path, [by_source.get(p["source"], p) for p in _read_jsonl(path)])
    print(
        f"{done} texts written under {TEXT}; {bad} hash mismatches; {len(missing)} repositories not fetched"
        + (": " + ", ".join(sorted(missing)) if missing else "")
    )


def cmd_check(args: argparse.Namespace) -> None:
    pointers = all_pointers()
    banned = reserved() | dev_repos()
    repos = Counter(p["source"].split("@", 1)[0] for p in pointers)
    wrong = sorted(r for r in repos if r.lower() in banned)
    counts = Counter((p["lang"], p["label"], p["stage"]) for p in pointers)
    for key in sorted(counts):
        print(*key, counts[key], sep="\t")
    print(
        f"{len(pointers)} records, {len(repos)} repositories; "
        f"per language: {dict(sorted(Counter(p['lang'] for p in pointers).items()))}"
    )
    print("source types:", dict(sorted(Counter(p["source_type"] for p in pointers).items())))
    same = [source for source, n in Counter(p["sha256"] for p in pointers).items() if n > 1]
    if wrong:
        sys.exit(f"reserved or dev repositories in the corpus: {wrong}")
    if same:
        sys.exit(f"{len(same)} texts recorded more than once (same sha256): remove the copies")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("ls")
    p.add_argument("repo")
    p.add_argument("folder", nargs="?")
    p.add_argument("--ext")
    p.set_defaults(run=cmd_ls)
    p = sub.add_parser("show")
    p.add_argument("repo")
    p.add_argument("path")
    p.set_defaults(run=cmd_show)
    p = sub.add_parser("add")
    p.add_argument("repo")
    p.add_argument("paths", nargs="+")
    p.add_argument("--license", required=True)
    p.add_argument("--lang", required=True, choices=("en", "ja", "zh"))
    p.add_argument("--label", required=True, choices=sorted(LABELS))
    p.add_argument("--stage", required=True, choices=("pre", "at", "post"))
    p.add_argument("--type", required=True, choices=SOURCE_TYPES)
    p.add_argument("--by", required=True, choices=("provenance", "reading"))
    p.add_argument("--min-chars", type=int, default=80)
    p.set_defaults(run=cmd_add)
    p = sub.add_parser("materialise")
    p.add_argument("--rehash", action="store_true", help="record new hashes after a deliberate extraction change")
    p.set_defaults(run=cmd_materialise)
    p = sub.add_parser("agreement")
    p.add_argument("answers", help="JSONL of an independent re-labelling: source, label, stage")
    p.set_defaults(run=cmd_agreement)
    p = sub.add_parser("remove")
    p.add_argument("source", help="owner/repo@commit:path of the record to drop")
    p.set_defaults(run=cmd_remove)
    sub.add_parser("check").set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
