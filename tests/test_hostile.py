"""Hostile and broken input: one clear line naming the file, exit 2 where the input is at fault, every other file
still linted, no traceback, inputs byte-identical afterwards. Each fixture is made here."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import finishes_within, run, tree_digest

GOOD = "---\ntitle: Spring sale\n---\nBuy now! Limited time only.\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(8)
)

KINDS: dict[str, tuple[str, bytes | str, str]] = {
    # name: (file name, content, what the error line says)
    "broken-yaml-front-matter": ("a.md", "---\ntitle: [oops\n---\nbody\n", "invalid YAML"),
    "alias-bomb": ("bomb.yaml", "title: t\nbody: b\n" + BOMB, "aliases are expanded"),
    "deep-nesting": ("deep.yaml", "title: t\nbody: b\nx: " + "[" * 200 + "]" * 200 + "\n", "nested deeper than 64"),
    # Past PyYAML's own nesting limit the wording may be the library's: what the user needs is one error line.
    "nesting-that-crashes-libyaml": ("deeper.yaml", "[" * 30_000 + "]" * 30_000 + "\n", "error [input-error]"),
    "nesting-in-front-matter": ("deeper.md", "---\ntitle: " + "[" * 100_000 + "\n---\nbody\n", "error [input-error]"),
    "profile-empty-list-item": ("profile.yaml", "kind: linkedin-profile\nrecent_activity:\n  -\n", "is empty"),
    "toml-garbage": ("t.md", '+++\ntitle = "x"\n\tgarbage here\n+++\nbody\n', "invalid TOML"),
    "shift-jis": ("sjis.md", "今だけ半額セール".encode("cp932"), "Shift_JIS"),
    "euc-jp": ("euc.md", "今だけ半額セールです".encode("euc_jp"), "not UTF-8"),
    "undecodable": ("bad.md", b"ok\n\xff\xfe\xfa broken", "not UTF-8"),
    "png-named-md": ("image.md", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
    "zip-named-md": ("archive.md", b"PK\x03\x04" + b"\x00" * 64, "zip archive"),
    "nul-bytes": ("nul.md", b"text\x00more", "NUL bytes"),
    # A YAML post (a mapping with `body`) with nothing in it is garbage; an empty Markdown file holds no post.
    "empty-yaml-post": ("empty.yaml", "title: ''\nbody: ''\n", "empty post"),
    "unknown-lang": ("fr.md", "---\nlang: fr\n---\nBonjour\n", "no language pipeline for 'fr'"),
    "calendar-file-outside": (
        "cal/calendar.yaml",
        "entries:\n  - {date: 2026-01-01, file: ../../etc/passwd}\n",
        "outside the calendar's folder",
    ),
    "csv-missing-column": ("c1.csv", "date,channel\n2026-01-01,x\n", "no `title` column"),
    "csv-extra-columns": ("c2.csv", "date,title\n2026-01-01,a,b,c\n", "the header has 2"),
    "pdf-named-md": ("doc.md", b"%PDF-1.7\n" + b"\x00" * 64, "PDF document"),
    "utf16-without-bom": ("u16.md", "Buy now".encode("utf-16-le"), "NUL bytes"),
    "calendar-entry-garbage": ("cal2.yaml", "entries:\n  - 42\n", "must be a mapping"),
    "calendar-impossible-date": ("cal3.yaml", "entries:\n  - {date: 2026-13-45, title: t}\n", "2026-13-45"),
    "unclosed-front-matter": ("open.md", "---\ntitle: x\nbody\n", "never closed"),
    # tomllib recursed once per level (RecursionError) and built every level of a dotted key (gigabytes)
    "toml-deep-arrays": ("deep.md", "+++\na = " + "[" * 100_000 + "\n+++\nbody\n", "nested deeper than 64"),
    "toml-deep-dotted-key": ("dotted.md", "+++\n" + "a." * 50_000 + "a = 1\n+++\nbody\n", "nested deeper than 64"),
    "calendar-number-key": (
        "cal4.yaml",
        "entries:\n  - {date: 2026-01-01, 1: x, zz: y, title: t, body: b}\n",
        "unknown key `1`",
    ),
    "calendar-nul-in-file": (
        "cal5.yaml",
        'entries:\n  - {date: 2026-01-01, title: t, file: "a\\0b"}\n',
        "without NUL characters",
    ),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_one_clear_line_and_the_rest_is_linted(
    kind: str, write: Callable[..., Path], tmp_path: Path
) -> None:
    name, content, says = KINDS[kind]
    bad = write(name, content)
    good = write("good.md", GOOD)
    before = tree_digest(tmp_path)
    code, out, err = run(["check", "--no-cache", str(bad), str(good)])
    assert code == 2, out
    assert "Traceback" not in out + err
    about_bad = [line for line in out.splitlines() if re.match(re.escape(str(bad)) + r":\d+:\d+: ", line)]
    assert len(about_bad) == 1 and says in about_bad[0], out
    assert f"{good}:4:1: warning [hard-sell]" in out
    assert tree_digest(tmp_path) == before


def test_utf16_and_utf8_bom_and_mixed_line_ends_are_read(write: Callable[..., Path]) -> None:
    utf16 = write("u16.md", ("---\r\ntitle: Sale\r\n---\r\nBuy now!\r\n").encode("utf-16"))
    bom = write("bom.md", codecs.BOM_UTF8 + b"---\ntitle: Sale\n---\nBuy now!\n")
    mixed = write("mixed.md", b"---\r\ntitle: Sale\r---\nIntro.\r\n\rBuy now!\n")
    _code, out, _ = run(["check", "--no-cache", str(utf16), str(bom), str(mixed)])
    assert f"{utf16}:4:1: warning [hard-sell]" in out and f"{bom}:4:1: warning [hard-sell]" in out
    assert f"{mixed}:6:1: warning [hard-sell]" in out


def test_one_emoji_post_and_jinja_syntax_are_just_text(write: Callable[..., Path]) -> None:
    emoji = write("emoji.md", "🎉\n")
    jinja = write("jinja.md", '---\ntitle: "{{ 7*7 }} {% for x in y %}"\n---\n{{ config }} Buy now!\n')
    code, out, _ = run(["check", "--no-cache", str(emoji), str(jinja)])
    assert code in (0, 1) and "Traceback" not in out
    assert "49" not in out.replace(str(jinja.parent), "")  # the temp folder may be pytest-49


def test_unreadable_file(write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    path = write("secret.md", GOOD)
    path.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make the reader meet the refusal an ordinary user would
        import contentlint.sources.load as load

        read = load.read_regular

        def refuse(file: object, *args: object, **kwargs: object) -> object:
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return read(file, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(load, "read_regular", refuse)
    good = write("good.md", GOOD)
    code, out, _ = run(["check", "--no-cache", str(path), str(good)])
    assert code == 2 and f"{path}:1:1: error [input-error] permission denied" in out
    assert f"{good}:4:1: warning [hard-sell]" in out


def test_symlink_loop_and_dangling_link(tmp_path: Path, write: Callable[..., Path]) -> None:
    write("posts/good.md", GOOD)
    (tmp_path / "posts" / "loop").symlink_to(tmp_path / "posts")
    (tmp_path / "posts" / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    code, out, _ = run(["check", "--no-cache", str(tmp_path / "posts")])
    assert code == 2 and "Traceback" not in out
    assert "dangling.md:1:1: error [input-error]" in out
    assert "good.md:4:1: warning [hard-sell]" in out


def test_a_folder_of_ten_thousand_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"p{i:05d}.md").write_text(f"Post {i}: how to read a churn chart.\n", encoding="utf-8")
    (folder / "p05000.md").write_bytes(b"\xff broken")
    code, out, _ = run(["check", "--no-cache", "--fail-level", "error", str(folder)])
    assert code == 2 and "in 10000 files, 9999 posts" in out
    assert f"{folder / 'p05000.md'}:1:1: error [input-error] not UTF-8" in out


def test_a_huge_file_is_skipped_with_a_warning(write: Callable[..., Path], tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:  # 50 MB of prose, written in pieces
        for _ in range(50):
            handle.write(b"Buy now. " * 116_509 + b"\n")
    good = write("good.md", GOOD)
    before = tree_digest(tmp_path)
    code, out, _ = run(["check", "--no-cache", str(huge), str(good)])
    assert code == 1  # a warning: nothing in the file was wrong, it was only not read
    assert f"{huge}:1:1: warning [file-too-large] skipped: larger than the 2.0 MB limit (max_file_bytes" in out
    assert f"{good}:4:1: warning [hard-sell]" in out
    assert tree_digest(tmp_path) == before
    assert run(["check", "--no-cache", "--fail-level", "error", str(huge)])[0] == 0


@pytest.mark.parametrize(
    ("setting", "name", "content", "says"),
    [
        ("max_file_bytes: 100", "post.md", "Buy now! " * 20, "larger than the 100 bytes limit (max_file_bytes"),
        (
            "max_yaml_nodes: 50",
            "post.yaml",
            "title: t\nbody: b\nlist: [" + ", ".join("x" * 60) + "]\n",
            "over 50 nodes; max_yaml_nodes",
        ),
        (
            "max_yaml_depth: 3",
            "post.md",
            "---\ntitle: t\nx: {a: {b: {c: 1}}}\n---\nBody.\n",
            "nested deeper than 3 levels (max_yaml_depth",
        ),
        (
            "max_calendar_entries: 2",
            "cal.yaml",
            "entries:\n" + "  - {date: 2026-01-01, title: t}\n" * 3,
            "3 entries, over the limit of 2 (max_calendar_entries",
        ),
        (
            "max_calendar_entries: 2",
            "cal.csv",
            "date,title\n" + "2026-01-01,t\n" * 3,
            "more than 2 entries; the rest is not read (max_calendar_entries",
        ),
    ],
)
def test_limits_are_set_in_the_config(
    setting: str, name: str, content: str, says: str, write: Callable[..., Path]
) -> None:
    write(".contentlint.yaml", setting + "\n")
    path = write(name, content)
    code, out, _ = run(["check", "--no-cache", str(path)])
    assert code in (1, 2) and f"{path}:" in out and says in out, out
    assert run(["check", "--no-cache", "--no-config", str(path)])[1].count(says) == 0


def test_limit_settings_are_validated(write: Callable[..., Path]) -> None:
    from contentlint.cli import main

    write(".contentlint.yaml", "max_yaml_depth: -1\n")
    assert main(["check", str(write("a.md", GOOD))]) == 2


def test_an_internal_error_is_one_line_and_a_crash_log(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from contentlint.cli import main
    from contentlint.run import Runner

    def explode(self: Runner, paths: list[str]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Runner, "run", explode)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert main(["check", str(write("a.md", GOOD))]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("contentlint: internal error; details in ") and "\n" not in err
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")  # the crash line follows the environment's language
    assert main(["check", str(write("b.md", GOOD))]) == 2
    assert capsys.readouterr().err.startswith("contentlint: 内部エラーです。詳細は ")
    log = Path(err.split("details in ", 1)[1].split(" — ", 1)[0])
    text = log.read_text(encoding="utf-8")
    assert "contentlint 0.1.0" in text and "Python " in text and "spaCy " in text and "RuntimeError: boom" in text


def test_a_file_name_that_is_not_utf8_or_holds_escape_codes(tmp_path: Path) -> None:
    import json
    import xml.etree.ElementTree as ET

    name = b"bad\xff\x1b[2Jname.md"
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
        handle.write(GOOD.encode("utf-8"))
    shown = f"{tmp_path}/bad\\xff\\x1b[2Jname.md"
    for fmt in ("text", "json", "sarif", "junit", "html", "markdown", "github"):
        code, out, err = run(["check", str(tmp_path), "--format", fmt])  # with the cache: it must store the name
        assert code == 1 and "Traceback" not in out + err, (fmt, err)
        assert "\x1b" not in out and not any(0xD800 <= ord(c) <= 0xDFFF for c in out), fmt
        if fmt in ("json", "sarif"):
            json.loads(out)
        elif fmt == "junit":
            ET.fromstring(out)
        elif fmt in ("text", "github"):
            assert shown in out, out


def test_a_csv_cell_over_128_kib_is_read(write: Callable[..., Path]) -> None:
    # The csv module's default field limit (128 KiB) raised on a long body; a cell may be as long as a file may be.
    calendar = write("big.csv", 'date,title,body\n2026-01-01,Sale,"' + "Buy now. " * 25_000 + '"\n')
    good = write("good.md", GOOD)
    code, out, _ = run(["check", "--no-cache", str(calendar), str(good)])
    assert code == 1 and "error" not in out.split("\n\n")[0], out
    assert f"{calendar}:2:1: warning [hard-sell]" in out and f"{good}:4:1: warning [hard-sell]" in out


def test_a_placeholder_date_in_year_9999_is_just_a_long_gap(write: Callable[..., Path]) -> None:
    calendar = write(
        "cal.yaml",
        "entries:\n  - {date: 2026-01-01, title: Sale, body: Buy now}\n"
        "  - {date: 9999-12-31, title: How to read a churn chart, body: Your churn chart}\n",
    )
    good = write("good.md", GOOD)
    code, out, _ = finishes_within(120, lambda: run(["check", "--no-cache", str(calendar), str(good)]))
    assert code == 1 and "Traceback" not in out
    assert f"{calendar}: warning [calendar-gap] 2912442 days without a post (2026-01-01 to 9999-12-31)" in out
    assert f"{good}:4:1: warning [hard-sell]" in out


def _explode_on(name: str) -> Callable[..., object]:
    from contentlint.analysis.analyser import Analyser

    analyse = Analyser.__call__

    def patched(self: Analyser, post: object, doc: object) -> object:
        if getattr(post, "path", "").endswith(name):
            raise RuntimeError("boom\nsecond line")
        return analyse(self, post, doc)  # type: ignore[arg-type]

    return patched


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_on_one_file_is_that_files_internal_error(
    jobs: str, write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from contentlint.analysis.analyser import Analyser

    monkeypatch.setattr(Analyser, "__call__", _explode_on("bad.md"))
    bad = write("bad.md", GOOD)
    good = write("good.md", GOOD)
    code, out, err = run(["check", "--no-cache", "--jobs", jobs, str(bad), str(good)])
    assert code == 2 and "Traceback" not in out + err
    about_bad = [line for line in out.splitlines() if line.startswith(str(bad))]
    assert about_bad == [
        f"{bad}:1:1: error [internal-error] contentlint failed on this file (RuntimeError: boom "
        "second line); the other files were linted — please report this with the file"
    ], out
    assert f"{good}:4:1: warning [hard-sell]" in out


def test_a_bug_while_reading_one_file_is_that_files_internal_error(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import contentlint.sources.load as load_module  # what lint_files calls to read a file

    load = load_module.load_target

    def patched(target: object, *args: object, **kwargs: object) -> object:
        if str(getattr(target, "display", "")).endswith("bad.md"):
            raise KeyError("x")
        return load(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load_module, "load_target", patched)
    bad, good = write("bad.md", GOOD), write("good.md", GOOD)
    code, out, _ = run(["check", "--no-cache", str(bad), str(good)])
    assert code == 2 and f"{bad}:1:1: error [internal-error] contentlint failed on this file (KeyError: 'x')" in out
    assert f"{good}:4:1: warning [hard-sell]" in out


def test_a_worker_that_dies_has_its_files_linted_by_the_parent(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from contentlint.analysis.analyser import Analyser

    parent, analyse = os.getpid(), Analyser.__call__

    def die_in_a_worker(self: Analyser, post: object, doc: object) -> object:
        if os.getpid() != parent:
            os._exit(9)  # as if killed for memory
        return analyse(self, post, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Analyser, "__call__", die_in_a_worker)
    posts = [write(f"p{i}.md", GOOD) for i in range(4)]
    code, out, _ = run(["check", "--no-cache", "--jobs", "2", *map(str, posts)])
    assert code == 1 and all(f"{p}:4:1: warning [hard-sell]" in out for p in posts), out


def _main(args: list[str]) -> tuple[int, str, str]:
    """``main(args)`` as a user runs it (errors become exit codes), with what it printed."""
    import contextlib
    import io

    from contentlint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize(
    "place", ["walked", "named", "calendar-file", "config", "pack", "baseline", "template", "cache-entry"]
)
def test_a_named_pipe_anywhere_is_refused_not_waited_on(place: str, write: Callable[..., Path], tmp_path: Path) -> None:
    good = write("posts/good.md", GOOD)
    args = ["check", str(good)]
    says = "not a regular file (a named pipe, FIFO); refused"
    if place == "walked":
        _fifo(tmp_path / "posts" / "pipe.md")
        args = ["check", "--no-cache", str(tmp_path / "posts")]
    elif place == "named":
        args = ["check", "--no-cache", str(_fifo(tmp_path / "pipe.md")), str(good)]
    elif place == "calendar-file":
        _fifo(tmp_path / "posts" / "pipe.md")
        args = [
            "check",
            "--no-cache",
            str(write("posts/cal.yaml", "entries:\n  - {date: 2026-01-01, file: pipe.md}\n")),
            str(good),
        ]
    elif place == "config":
        _fifo(tmp_path / "posts" / ".contentlint.yaml")
        args.append("--no-cache")
    elif place == "pack":
        _fifo(tmp_path / "pack.yaml")
        write("posts/.contentlint.yaml", "packs: [../pack.yaml]\n")
        args.append("--no-cache")
    elif place == "baseline":
        args += ["--no-cache", "--baseline", str(_fifo(tmp_path / "baseline.json"))]
    elif place == "template":
        args += ["--no-cache", "--template", str(_fifo(tmp_path / "t.j2"))]
    else:  # a FIFO where the cache keeps this file's entry: a miss, analysed again
        cache = tmp_path / "cache"
        run([*args, "--cache-dir", str(cache)])
        (entry,) = [p for p in cache.rglob("*.json") if not {"packs", "rules"} & set(p.relative_to(cache).parts)]
        entry.unlink()
        _fifo(entry)
        args += ["--cache-dir", str(cache)]
        says = ""
    code, out, err = finishes_within(60, lambda: _main(args))
    assert "Traceback" not in out + err
    assert says in out + err, out + err
    if place in ("walked", "named", "calendar-file", "cache-entry"):
        assert f"{good}:4:1: warning [hard-sell]" in out
    assert code == (1 if place == "cache-entry" else 2)


def test_a_device_named_on_the_command_line_is_refused(write: Callable[..., Path]) -> None:
    good = write("good.md", GOOD)
    code, out, _ = finishes_within(60, lambda: run(["check", "--no-cache", "/dev/zero", str(good)]))
    assert code == 2 and "/dev/zero:1:1: error [input-error] not a regular file (a device); refused" in out
    assert f"{good}:4:1: warning [hard-sell]" in out


def test_closed_standard_input_is_one_clear_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--no-cache", "-"],
        stdin=None,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        preexec_fn=lambda: os.close(0),
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert "<stdin>:1:1: error [input-error] cannot read standard input: it is closed" in proc.stdout


def test_a_baseline_nested_100000_deep_is_one_clear_error(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from contentlint.cli import main

    baseline = write("baseline.json", "[" * 100_000 + "]" * 100_000)
    assert main(["check", "--no-cache", "--baseline", str(baseline), str(write("good.md", GOOD))]) == 2
    captured = capsys.readouterr()
    assert "not a contentlint baseline: nested too deep" in captured.out + captured.err
    assert "Traceback" not in captured.out + captured.err


def test_a_walked_symlink_out_of_the_folder_is_refused_a_named_one_is_followed(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    secret = write("outside/secret.md", "---\ntitle: Secret plan\n---\nBuy now! Limited time only.\n")
    good = write("posts/good.md", GOOD)
    (tmp_path / "posts" / "p.md").symlink_to(secret)
    (tmp_path / "posts" / "same.md").symlink_to(good)  # inside the folder: the same file, linted once
    code, out, _ = run(["check", "--no-cache", str(tmp_path / "posts")])
    link = tmp_path / "posts" / "p.md"
    assert code == 2 and f"{link}:1:1: error [input-error] a symbolic link to a file outside the folder" in out
    assert "Secret plan" not in out and f"{good}:4:1: warning [hard-sell]" in out
    code, out, _ = run(["check", "--no-cache", str(link)])
    assert code == 1 and f"{link}:4:1: warning [hard-sell]" in out


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be-bom"])
def test_utf32_with_a_byte_order_mark_is_read(encoding: str, write: Callable[..., Path]) -> None:
    text = "---\ntitle: Sale\n---\nBuy now!\n"
    data = text.encode("utf-32") if encoding == "utf-32" else codecs.BOM_UTF32_BE + text.encode("utf-32-be")
    post = write("u32.md", data)
    code, out, _ = run(["check", "--no-cache", str(post)])
    assert code == 1 and f"{post}:4:1: warning [hard-sell]" in out


def test_text_at_depth_25_is_analysed_and_past_100_levels_refused(write: Callable[..., Path]) -> None:
    lists = write("lists.md", "".join("  " * i + "- item\n" for i in range(25)) + "  " * 25 + "- Buy now!\n")
    quotes = write("quotes.md", "> " * 30 + "Buy now!\n")
    mixed = write("mixed.md", "> - " * 25 + "Buy now!\n")
    deep = write("deep.md", "Intro.\n\n" + "> " * 250 + "Buy now!\n")
    good = write("good.md", GOOD)
    code, out, _ = run(["check", "--no-cache", *map(str, (lists, quotes, mixed, deep, good))])
    assert f"{lists}:26:53: warning [hard-sell]" in out and f"{quotes}:1:61: warning [hard-sell]" in out
    assert re.search(re.escape(str(mixed)) + r":1:\d+: warning \[hard-sell\]", out)
    assert code == 2 and f"{deep}:3:1: error [input-error] Markdown nested deeper than 100 levels" in out
    assert f"{good}:4:1: warning [hard-sell]" in out
