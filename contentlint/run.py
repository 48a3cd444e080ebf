"""The shell around the core: find files, load configs and rule packs, read posts, collect one Result."""

from __future__ import annotations

import gc
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from contentlint.aggregate import Aggregator
from contentlint.brief import Brief
from contentlint.cache import Cache, dump_outcome, dump_rule_infos, environment_key, load_outcome, load_rule_infos
from contentlint.calendar.entries import Calendar
from contentlint.calendar.mix import effective_target
from contentlint.calendar.scorecard import CalendarReport, EntryResult
from contentlint.config import Config, ConfigResolver
from contentlint.errors import ContentlintError, FileCrashed
from contentlint.i18n import N_, Text, localise
from contentlint.outcome import ERROR_IDS, FileJob, FileOutcome, OnPost, error_id, lint_files
from contentlint.packfiles import default_pack_files, pack_files
from contentlint.post import Finding
from contentlint.result import Result, RuleInfo
from contentlint.ruledocs import rule_page
from contentlint.sources.discover import discover
from contentlint.sources.load import read_bytes
from contentlint.sources.target import Target

if TYPE_CHECKING:  # the analysis and the rules are imported when a file is analysed: a result-cache hit never is
    from contentlint.analysis import Analysis
    from contentlint.checks.engine import RuleSet
    from contentlint.checks.pack import Rule, RuleBook

__all__ = [
    "BUILTIN_RULES",
    "ERROR_IDS",
    "FILES_PER_JOB",
    "RunOptions",
    "Runner",
    "error_id",
    "feed_path",
    "idle_cpus",
    "rulebook_for_config",
    "running_now",
    "usable_cpus",
]

WARM_SAMPLE = 8  # files read before forking workers, to learn which languages' pipelines they will need
_WARM_RULESETS: dict[RuleSetKey, RuleSet] = {}  # compiled by the parent before it forks workers
_WORKER: Runner | None = None  # a worker process's own runner (its configs, rule sets and pipelines)
FILES_PER_JOB = 50  # below this many files per worker, loading another pipeline costs more than it saves
CHUNKS_PER_JOB = 4  # targets go to workers in this many chunks each: a slow chunk does not hold up the rest
BUILTIN_RULES = (
    RuleInfo(
        "input-error",
        "error",
        N_(
            "A file could not be read or parsed (encoding, binary data, broken front matter, "
            "an empty post, a calendar entry that makes no sense); the rest of the run went on."
        ),
        "builtin",
    ),
    RuleInfo(
        "file-too-large",
        "warning",
        N_(
            "A file over `max_file_bytes` (default 2 MB) was skipped, not read; raise "
            "the limit in .contentlint.yaml if it really is one post or calendar."
        ),
        "builtin",
    ),
    RuleInfo(
        "config-error",
        "error",
        N_("A .contentlint.yaml could not be used: malformed, or an unknown key or rule."),
        "builtin",
    ),
    RuleInfo("rule-error", "error", N_("A rule pack does not match the rule schema."), "builtin"),
    RuleInfo(
        "unsupported-language",
        "warning",
        N_("The post's language has no pipeline; only language-independent rules ran."),
        "builtin",
    ),
    RuleInfo(
        "internal-error",
        "error",
        N_(
            "contentlint failed on one file (a bug, not the file's fault); that file "
            "gets this one line, the rest of the run went on. Please report it with the file."
        ),
        "builtin",
    ),
    RuleInfo(
        "unused-suppression",
        "warning",
        N_(
            "A suppression comment or front-matter `contentlint: {disable: ...}` "
            "that silenced nothing: remove it so that it does not hide a future finding."
        ),
        "builtin",
    ),
)


class RuleSetKey(NamedTuple):
    """What a compiled rule set is kept under: what decides its rules, and the docs site its rules link to
    (which travels with the rule sets that forked workers inherit)."""

    config: Path | None
    rules: tuple[Any, ...]
    brief: Brief
    docs_url: str | None


def _info(rule: Rule, docs_url: str | None) -> RuleInfo:
    page = rule_page(rule.id, rule.source, docs_url)
    return RuleInfo(rule.id, rule.level, rule.rationale, rule.kind, rule.rationales, page)


def _ruleset_key(config: Config) -> RuleSetKey:
    rules = tuple(sorted((k, *v.key()) for k, v in config.rules.items()))
    return RuleSetKey(config.path, rules, config.brief, config.docs_url)


@dataclass(frozen=True, slots=True)
class RunOptions:
    config_file: Path | None = None
    use_config_files: bool = True
    fail_level: str | None = None  # overrides every config's fail_level
    language: str | None = None  # overrides every config's language
    stdin_name: str = "<stdin>"
    target: str | None = None  # overrides every calendar's and config's stage-mix target
    fail_under: int | None = None  # overrides every config's fail_under
    cache_dir: Path | None = None  # None: no cache
    jobs: int = 0  # worker processes; 0: automatic (only when there are enough files)
    keep_excerpts: bool = False  # keep each post's opening text in the Result (the HTML report shows it)
    ui_lang: str = "en"  # interface language of the errors the run reports (a bad rule option in a config)


def rulebook_for_config(config: Config, cache: Cache | None = None) -> RuleBook:
    """Default packs, then the config's packs (which may redefine a rule), then the config's rule settings."""
    from contentlint.checks.configured import configured
    from contentlint.checks.pack import load_packs

    files = list(default_pack_files())
    for pack in config.packs:
        files.extend(pack_files(pack))
    book = load_packs(files, cache)
    return replace(book, rules=configured(book.rules, config.rules, str(config.path) if config.path else None))


class Runner:
    """The shell around `lint_file`: which config and rule set govern each file, the result cache, worker
    processes, and the aggregation of the file outcomes into one Result."""

    def __init__(
        self,
        options: RunOptions,
        stdin: BinaryIO | None = None,
        on_file: Callable[[str], None] | None = None,
        rulesets: dict[RuleSetKey, RuleSet] | None = None,
        resolver: ConfigResolver | None = None,
    ) -> None:
        self.options = options
        self.stdin = stdin
        self.on_file = on_file  # called with each file's name as it is read (progress display)
        self.cache = Cache(options.cache_dir) if options.cache_dir is not None else None
        # parsed rule packs, beside the results: a run of cache hits then reads no YAML
        self.packs = Cache(options.cache_dir / "packs") if options.cache_dir is not None else None
        # what the rules of each config are, for the reports of a run of hits (which builds no rule set)
        self.rule_infos_cache = Cache(options.cache_dir / "rules") if options.cache_dir is not None else None
        self._environments: dict[Any, str] = {}
        self.resolver = resolver or ConfigResolver(options.config_file, options.use_config_files)
        self._rulesets: dict[RuleSetKey, RuleSet] = dict(rulesets or {})  # compiled rule sets by config
        self._books: dict[RuleSetKey, RuleBook] = {}  # the rules of each config, compiled or not
        # each config's rules as the reports describe them, by their key in `rule_infos_cache`
        self._described: dict[str, list[RuleInfo]] = {}
        self._texts: dict[Path, bytes] = {}  # documents linted from memory (run_text) instead of their file

    def effective(self, config: Config) -> Config:
        if self.options.language:
            config = replace(config, language=self.options.language)
        if self.options.fail_level:
            config = replace(config, fail_level=self.options.fail_level)
        if self.options.fail_under is not None:
            config = replace(config, fail_under=self.options.fail_under)
        return config

    def rulebook(self, config: Config) -> RuleBook:
        """The rules ``config`` runs (the packs' parsed form comes from the cache when it has it)."""
        key = _ruleset_key(config)
        if key not in self._books:
            self._books[key] = rulebook_for_config(config, self.packs)
        return self._books[key]

    def ruleset(self, config: Config) -> RuleSet:
        key = _ruleset_key(config)
        if key not in self._rulesets:
            from contentlint.checks.engine import RuleSet

            self._rulesets[key] = RuleSet.from_book(self.rulebook(config), config.brief)
        return self._rulesets[key]

    def run(self, paths: list[str], on_post: OnPost | None = None) -> Result:
        """Lint the files the PATHs name (folders walked, `-` is stdin). ``on_post`` sees each analysis as it is
        made, which keeps the run in this process."""
        result = Result()
        targets = list(self._targets(paths, result))
        aggregate = Aggregator(result)
        jobs = 1 if on_post is not None else self._jobs(targets)
        outcomes = self._parallel(targets, jobs) if jobs > 1 else self.outcomes(targets, on_post)
        for outcome in outcomes:
            aggregate.add(outcome)
        return self._finish(aggregate.finish(self._finish_feed))

    def run_text(self, text: str, path: Path, on_post: Callable[[Analysis], None] | None = None) -> Result:
        """``text`` linted as if it were the file at ``path``: that file's config, format (by its suffix) and
        name in findings; the file itself is never read. ``on_post`` sees each post's analysis (an editor shows
        the classification). A post's ``file:`` drafts in a calendar are still read from disk."""
        aggregate = Aggregator(Result())
        self._texts[path] = text.encode("utf-8")
        try:
            for outcome in self.outcomes(
                [Target(str(path), path, True)],
                None if on_post is None else lambda analysis, _findings: on_post(analysis),
            ):
                aggregate.add(outcome)
        finally:
            del self._texts[path]
        return self._finish(aggregate.finish(self._finish_feed))

    def outcomes(self, targets: Iterable[Target], on_post: OnPost | None = None) -> Iterator[FileOutcome]:
        """`lint_files` over ``targets``, each under its config and rule set, through the result cache."""
        keys: deque[str | None] = deque()  # the cache key of each target handed on and not yet back
        jobs = (self._job(target, keys) for target in targets)
        for outcome in lint_files(
            jobs,
            stdin=self.stdin,
            target_override=self.options.target,
            keep_excerpts=self.options.keep_excerpts,
            on_post=on_post,
        ):
            key = keys.popleft()
            if key is not None and self.cache is not None and outcome.complete:
                feed = [r for r in outcome.feed if r.date is not None and r.entry.path == outcome.display]
                self.cache.put(key, dump_outcome(outcome.posts, outcome.findings, feed, outcome.suppressions))
            yield outcome

    def _job(self, target: Target, keys: deque[str | None]) -> FileJob | FileOutcome:
        """What lint_files is to do with ``target``: lint it, or pass on an outcome already made (a cache hit,
        or the file's config or rule packs failed); its cache key goes to ``keys`` (None: not to be stored)."""
        if self.on_file is not None:
            self.on_file(target.display)
        config: Config | None = None
        key: str | None = None
        try:
            config = self.effective(self._config_for(target))
            data, key = (
                (self._texts[target.path], None) if target.path in self._texts else self._cache_lookup(target, config)
            )
            # A hit needs no rule set: its key holds the packs' and the config's contents, and only a complete
            # outcome (one whose rule set was built) was stored under it.
            if key is not None and self.cache is not None and (entry := self.cache.get(key)) is not None:
                cached = _cached_outcome(entry, target, config)
                if cached is not None:
                    self._describe_rules(config, from_cache=True)  # what its rules are, for the reports
                    keys.append(None)
                    return cached
            ruleset = self.ruleset(config)  # a broken pack or config fails here, per file
            if key is not None:
                self._describe_rules(config, from_cache=False)
            keys.append(key)
            return FileJob(target, config, ruleset, data)
        except ContentlintError as error:
            outcome = FileOutcome(target.display, target.root)
            outcome.fail(error, config.fail_level if config else None)
        except Exception as exc:  # a bug on this one file must not take the run down
            outcome = FileOutcome(target.display, target.root)
            outcome.fail(FileCrashed.of(exc, target.display))
        keys.append(None)
        return outcome

    def rule_infos(self) -> dict[str, RuleInfo]:
        """Every rule of every config this runner ran (compiled, or only read for a cache hit), as the reports
        describe it."""
        infos: dict[str, RuleInfo] = {}
        rules: list[tuple[RuleSetKey, Iterable[Rule]]] = [
            (key, book.rules.values()) for key, book in self._books.items()
        ]
        rules += [(key, ruleset.rules) for key, ruleset in self._rulesets.items()]  # a forked worker's, inherited
        for key, ruleset_rules in rules:
            for rule in ruleset_rules:
                infos.setdefault(rule.id, _info(rule, key.docs_url))
        for described in self._described.values():
            for info in described:
                infos.setdefault(info.id, info)
        return infos

    def _finish(self, result: Result) -> Result:
        result.findings = [_in_language(f, self.options.ui_lang) for f in result.findings]
        for rule_id, info in self.rule_infos().items():
            result.rules.setdefault(rule_id, info)
        for info in BUILTIN_RULES:
            result.rules.setdefault(info.id, info)
        return result.finish()

    def _jobs(self, targets: list[Target]) -> int:
        """Worker processes for this run: only when the file count pays for loading a pipeline per worker."""
        if any(t.path is None for t in targets):
            return 1  # stdin is read by this process
        if self.options.jobs > 0:
            return min(self.options.jobs, len(targets))
        return max(1, min(idle_cpus(), len(targets) // FILES_PER_JOB))

    def _parallel(self, targets: list[Target], jobs: int) -> Iterator[FileOutcome]:
        """`outcome` mapped over ``targets`` by ``jobs`` worker processes, in input order."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WARM_RULESETS
        size = max(1, -(-len(targets) // (jobs * CHUNKS_PER_JOB)))
        chunks = [targets[i : i + size] for i in range(0, len(targets), size)]
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        forked = context.get_start_method() == "fork"
        if forked:
            self._warm_up(targets)
            _WARM_RULESETS = self._rulesets  # forked workers inherit them, and the loaded pipelines
            # What the workers inherit lives as long as they do: frozen, their garbage collections never walk it
            # (and never write to its pages, which the fork shares) -- the recipe of the `gc.freeze` docs.
            gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
                futures = [pool.submit(_outcomes_in_worker, self.options, self.resolver, chunk) for chunk in chunks]
                for future, chunk in zip(futures, chunks, strict=True):
                    try:
                        outcomes = future.result()
                    except Exception:  # a worker died (killed, out of memory): its files are linted here instead
                        outcomes = list(self.outcomes(chunk))
                    yield from outcomes
        finally:
            if forked:
                gc.unfreeze()

    def _warm_up(self, targets: list[Target]) -> None:
        """Load the pipelines and compile the rules for the languages of a sample of ``targets``, before workers
        are forked: each worker would otherwise import spaCy and load the same pipelines again. Anything that
        fails here is left for the worker that reads the file to report."""
        from contentlint.sources.load import load_target

        seen: set[tuple[int, str]] = set()
        for target in targets[:: max(1, len(targets) // WARM_SAMPLE)]:
            try:
                config = self.effective(self._config_for(target))
                ruleset = self.ruleset(config)
                for post in load_target(target, config, None, self.options.target).posts:
                    if (id(ruleset), post.lang) not in seen:
                        seen.add((id(ruleset), post.lang))
                        ruleset.warm_up(post.lang)
            except Exception:
                continue

    def _finish_feed(self, result: Result, root: str, entries: list[EntryResult]) -> None:
        """Score the feed of a folder argument with the folder's own settings: the config that governs it, with
        the overrides that match it (the walk of `root` already loaded it, so a broken config was reported)."""
        config = self.effective(self.resolver.for_directory(Path(root)).for_path(Path(root), folder=True))
        target = effective_target(
            override=self.options.target, config_target=config.target, config_tolerance=config.tolerance
        )
        feed = Calendar(path=feed_path(root), name=root, kind="feed", target=target)
        report = CalendarReport(feed, entries, fail_under=config.fail_under)
        try:
            findings = list(self.ruleset(config).lint_calendar(report))
        except Exception as exc:  # one feed's failure is that feed's error line
            result.add_error(FileCrashed.of(exc, feed.path), "internal-error")
            return
        result.add(findings, config.fail_level)
        result.calendars.append(report)

    def _cache_lookup(self, target: Target, config: Config) -> tuple[bytes | None, str | None]:
        """The file's bytes and its cache key (None for stdin or without a cache). Calendars get a key but are
        never stored (their entries may read other files), so they are always analysed."""
        if self.cache is None or target.path is None:
            return None, None
        data = read_bytes(target, config.max_file_bytes)
        if len(data) > config.max_file_bytes:
            return data, None
        names = f"{target.display}\0{target.root}".encode("utf-8", "surrogateescape")  # names need not be UTF-8
        return data, self.cache.key(names + b"\0" + data, self._environment(config))

    def _environment(self, config: Config) -> str:
        """Everything but a file's bytes that decides its results under ``config`` (`cache.environment_key`)."""
        # Keyed by what the config says, never by the object's identity: short-lived Config objects reuse ids.
        extra = (self.options.target, self.options.language, config.fail_level, self.options.keep_excerpts)
        ident = json.dumps([config.to_dict(), str(config.path), [str(e) for e in extra]], sort_keys=True, default=str)
        if ident not in self._environments:
            self._environments[ident] = environment_key(config, extra)
        return self._environments[ident]

    def _describe_rules(self, config: Config, from_cache: bool) -> None:
        """The rules of ``config`` as the reports describe them, once per run, kept in the cache beside the results
        (under the same environment): a cache hit reads them ``from_cache``, so that a run of hits neither builds
        nor imports the rules; a file that is analysed writes them."""
        stored = self.rule_infos_cache
        assert stored is not None  # only a run with a cache folder describes rules ahead
        key = stored.key(b"", self._environment(config))
        if key in self._described:
            return
        infos = load_rule_infos(stored.get(key)) if from_cache else None
        if infos is None:
            infos = [_info(rule, config.docs_url) for rule in self.rulebook(config).rules.values()]
            stored.put(key, dump_rule_infos(infos))
        self._described[key] = infos

    def _config_for(self, target: Target) -> Config:
        if target.path is None:
            return self.resolver.for_directory(Path.cwd())
        return self.resolver.for_file(target.path).for_path(target.path)

    def _targets(self, paths: list[str], result: Result) -> Iterator[Target]:
        for path in paths:
            try:
                yield from discover([path], self.resolver, self.options.stdin_name)
            except ContentlintError as error:
                result.add_error(error, error_id(error))


def usable_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has): more
    workers than that only take turns, each with its own copy of the pipelines."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def idle_cpus() -> int:
    """The usable CPUs that other work is not keeping busy (the 1-minute load average, as ``make -l`` reads it),
    at least one. On a shared machine a second worker only takes turns with the first, and the run pays for
    forking it and for the matchers it compiles again: `--jobs 0` must never be slower than `--jobs 1`.

    The load average trails by a minute: work that has just ended (a CI step's `pip install`, the linter run
    before this one) still counts in it. Where the system says how many processes are running right now, work
    that is no longer running is not counted."""
    try:
        busy = round(os.getloadavg()[0])
    except (AttributeError, OSError):  # no load average on this platform (Windows)
        busy = 0
    now = running_now()
    if now is not None:
        busy = min(busy, now)
    return max(1, usable_cpus() - busy)


LOADAVG = "/proc/loadavg"  # "0.61 0.40 0.33 2/317 4242": the 4th field is running/all scheduling entities


def running_now() -> int | None:
    """How many other processes are running or ready to run at this moment (Linux's /proc/loadavg counts them,
    this one included); None where the system does not say."""
    try:
        with open(LOADAVG, encoding="ascii") as handle:
            runnable = int(handle.read().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return None
    return max(0, runnable - 1)


def feed_path(root: str) -> str:
    """A feed is reported on its folder, written with a trailing `/` so that every format shows a folder."""
    return root.rstrip("/\\") + "/"


def _cached_outcome(entry: dict[str, Any], target: Target, config: Config) -> FileOutcome | None:
    """A cached outcome of ``target``; None (a miss) when the entry is not a valid outcome, whatever its shape."""
    stored = load_outcome(entry)
    if stored is None:
        return None
    posts, findings, feed, suppressions = stored
    return FileOutcome(
        target.display,
        target.root,
        config.fail_level,
        posts=posts,
        findings=findings,
        in_feed=bool(feed),
        feed=feed,
        suppressions=suppressions,
        complete=True,
    )


def _outcomes_in_worker(options: RunOptions, resolver: ConfigResolver, targets: list[Target]) -> list[FileOutcome]:
    """A worker's share of a parallel run (module-level, so it can be sent to a process). Each worker keeps one
    runner, with the parent's configs (an API caller's own config object included) and the rule sets the parent
    compiled before forking; the outcomes name the rules used."""
    global _WORKER
    if _WORKER is None:
        _WORKER = Runner(options, rulesets=_WARM_RULESETS, resolver=resolver)
    outcomes = list(_WORKER.outcomes(targets))
    if outcomes:
        outcomes[-1].rules.update(_WORKER.rule_infos())
    return outcomes


def _in_language(finding: Finding, language: str) -> Finding:
    """An error's message in the run's interface ``language``: config, rule-pack and input errors are written as
    `i18n.Text` wherever they are raised (in this process or a worker) and put in the language here, once."""
    if not isinstance(finding.message, Text):
        return finding
    return replace(finding, message=localise(finding.message, language))
