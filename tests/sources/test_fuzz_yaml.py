"""Property tests over YAML posts and YAML/CSV calendars, run through the whole engine: no crash, every reported
position lies inside the file it names, and the analysed text of a YAML post maps back to the same characters
in the original file."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contentlint.errors import InputError
from contentlint.result import Result
from contentlint.run import Runner, RunOptions
from contentlint.sources.decode import decode
from contentlint.sources.post import yaml_post
from contentlint.yamlsafe import load_yaml

PIECES = [
    "Buy now",
    " ",
    "how to",
    " guide",
    "今だけ",
    "セール",
    "の使い方",
    "😀",
    "é",
    "\n",
    "\n\n",
    "- ",
    "# ",
    ":",
    " #",
    "'",
    '"',
    "\\",
    "{",
    "}",
    "[",
    "]",
    "&",
    "*",
    "`code`",
    "**b**",
    "[a](https://x.example)",
    "<b>",
    "%",
    "@",
    "!",
    "|",
    ">",
    "\t",
    "\u00a0",
    "2026-13-45",
    "---",
    "=SUM(1)",
    "50% off",
    "x",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
SCALAR = st.one_of(
    TEXT, st.integers(-5, 5), st.booleans(), st.none(), st.just("2026-01-05"), st.lists(TEXT, max_size=2)
)
STYLE = st.sampled_from([None, "|", '"', "'"])
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _Styled(str):
    style: str | None = None


def _represent(dumper: yaml.SafeDumper, data: _Styled) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=data.style)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Styled, _represent)


def styled(text: str, style: str | None) -> _Styled:
    value = _Styled(text)
    value.style = None if style == "|" and ("\t" in text or text != text.strip() or not text) else style
    return value


def dump(data: object, flow: bool) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, default_flow_style=flow, sort_keys=False, width=40)


def run_engine(files: dict[str, str]) -> tuple[Result, dict[str, list[str]]]:
    with tempfile.TemporaryDirectory() as folder:
        lines = {}
        for name, text in files.items():
            path = Path(folder) / name
            path.write_text(text, encoding="utf-8", newline="")
            lines[str(path)] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        result = Runner(RunOptions(use_config_files=False, language="en")).run(sorted(lines))
        return result, lines


def assert_inside(result: Result, lines: dict[str, list[str]]) -> None:
    for f in result.findings:
        assert f.path in lines, f
        text = lines[f.path]
        for related in f.related:  # a calendar's own finding: no position, but the entries it is about
            assert not f.positioned and related.path in lines and 1 <= related.line <= len(lines[related.path]), f
        if not f.positioned:
            assert f.related or f.rule_id == "mix-score", f  # a mix can be off with no stage over its range
            continue
        assert 1 <= f.line <= len(text) and 1 <= f.column <= len(text[f.line - 1]) + 1, f
        if f.end_line is not None and f.end_column is not None:
            assert f.line <= f.end_line <= len(text) and 1 <= f.end_column <= len(text[f.end_line - 1]) + 1, f


@SETTINGS
@given(
    title=TEXT,
    body=TEXT,
    style=STYLE,
    extra=st.dictionaries(st.sampled_from(["channel", "kpi", "lang", "stage", "date", "tags"]), SCALAR, max_size=3),
    flow=st.booleans(),
    garbage=st.sampled_from(["", "\n: :\n", "\n\t- x\n", "\n&a [*a]\n"]),
)
# found by Hypothesis: an emoji after an escaped backslash in a double-quoted body was placed on its escape's `U`
@example(title="x", body="😀\\😀", style='"', extra={}, flow=False, garbage="")
def test_yaml_posts(
    title: str, body: str, style: str | None, extra: dict[str, object], flow: bool, garbage: str
) -> None:
    document = dump({"title": title, **extra, "body": styled(body, style)}, flow) + garbage
    try:
        loaded = load_yaml(document, "post.yaml")
        post = yaml_post(decode(document.encode("utf-8"), "post.yaml"), "en", loaded)
    except InputError as error:
        assert error.path == "post.yaml"
        assert error.line is None or 1 <= error.line <= document.count("\n") + 1
    else:
        source = post.source_map.file.text
        for index, char in enumerate(post.text[post.body_start :], post.body_start):
            offset = post.source_map.file_offset(index)
            assert 0 <= offset <= len(source)
            if not char.isspace() and offset < len(source):
                # the same character, or the YAML escape (`\U0001F600`) or HTML entity that wrote it
                assert (
                    source[offset] == char
                    or source[offset] == "\\"
                    or (char == "&" and source.startswith("&amp;", offset))
                ), (index, char, source[max(0, offset - 5) : offset + 5])
    result, lines = run_engine({"post.yaml": document})
    assert_inside(result, lines)


ENTRY = st.fixed_dictionaries(
    {"date": st.one_of(st.dates().map(str), st.just("2026-02-30"), TEXT, st.none()), "title": TEXT},
    optional={
        "channel": st.one_of(TEXT, st.sampled_from(["x", "blog", "line"])),
        "body": TEXT,
        "stage": st.sampled_from(["pre", "at", "post", "later"]),
        "kpi": TEXT,
        "lang": st.sampled_from(["en", "ja", "xx"]),
        "bogus": st.integers(),
    },
)


@SETTINGS
@given(
    entries=st.lists(st.one_of(ENTRY, st.integers(), st.lists(TEXT, max_size=2)), max_size=6),
    target=st.sampled_from([None, "80-20", "4-1-1", "nonsense", {"pre": 0.5, "at": 0.5, "post": 0}]),
    flow=st.booleans(),
)
def test_yaml_calendars(entries: list[object], target: object, flow: bool) -> None:
    data: dict[str, object] = {"name": "fuzz", "entries": entries}
    if target is not None:
        data["target_mix"] = target
    result, lines = run_engine({"calendar.yaml": dump(data, flow)})
    assert_inside(result, lines)


@SETTINGS
@given(
    header=st.lists(
        st.sampled_from(["date", "title", "channel", "body", "stage", "kpi", "日付", "タイトル", "extra", ""]),
        min_size=1,
        max_size=6,
    ),
    rows=st.lists(
        st.lists(st.one_of(TEXT, st.just('=HYPERLINK("http://x")'), st.dates().map(str)), max_size=7), max_size=6
    ),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_csv_calendars(header: list[str], rows: list[list[str]], newline: str) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    result, lines = run_engine({"calendar.csv": buffer.getvalue()})
    assert_inside(result, lines)


PROFILE_VALUE = st.one_of(
    TEXT,
    st.integers(-10, 2000),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.lists(
        st.one_of(
            TEXT,
            st.none(),
            st.dictionaries(
                st.sampled_from(["title", "company", "from", "to", "description", "date", "type", "text", "school"]),
                st.one_of(TEXT, st.integers(0, 3000), st.none()),
                max_size=4,
            ),
        ),
        max_size=3,
    ),
    st.dictionaries(st.sampled_from(["title", "company", "description", "from"]), TEXT, max_size=3),
)


def entries(*keys: str) -> st.SearchStrategy[dict[str, str]]:
    return st.dictionaries(st.sampled_from(keys), TEXT, max_size=len(keys))


POSITION = entries("title", "company", "description", "from", "to")
ACTIVITY = st.fixed_dictionaries(
    {"date": st.dates().map(str), "type": st.sampled_from(["post", "comment", "reaction"])}, optional={"text": TEXT}
)
TYPED = {  # values of the right type, so that most examples reach the checklist rather than a type error
    "name": TEXT,
    "headline": TEXT,
    "about": TEXT,
    "photo": TEXT,
    "banner": TEXT,
    "custom_url": TEXT,
    "connections": st.one_of(st.integers(0, 5000), st.just("500+")),
    "skills": st.lists(TEXT, max_size=7),
    "current_position": POSITION,
    "past_positions": st.lists(POSITION, max_size=3),
    "education": st.lists(entries("school", "degree", "field", "from", "to"), max_size=2),
    "recommendations": st.lists(entries("from", "relationship", "text"), max_size=3),
    "recent_activity": st.lists(ACTIVITY, max_size=3),
    "language_versions": st.lists(st.sampled_from(["en", "ja"])),
    "as_of": st.dates().map(str),
    "lang": st.sampled_from(["en", "ja", "fr"]),
}


@SETTINGS
@given(
    fields=st.fixed_dictionaries(
        {}, optional={key: st.one_of(value, value, value, PROFILE_VALUE) for key, value in TYPED.items()}
    ),
    nickname=st.integers(0, 9).map(lambda n: n == 0),
    flow=st.booleans(),
)
def test_linkedin_profiles(fields: dict[str, object], nickname: bool, flow: bool) -> None:
    extra = {"nickname": "x"} if nickname else {}  # an unknown key
    result, lines = run_engine({"profile.yaml": dump({"kind": "linkedin-profile", **fields, **extra}, flow)})
    assert_inside(result, lines)
    assert result.findings  # a score line, or an error naming the file
