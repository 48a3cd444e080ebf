"""The shell around the core: find files, load configs and rule packs, read posts, collect one Result."""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterator

from contentlint.config import Config, ConfigResolver
from contentlint.errors import ConfigError, ContentlintError, FileCrashed, FileSkipped, InputError, RuleError
from contentlint.analysis import Analysis
from contentlint.calendar.mix import effective_target
from contentlint.calendar.model import Calendar, Entry, normalise_channel, parse_date
from contentlint.calendar.report import CalendarReport, EntryResult
from contentlint.lint import lint
from contentlint.model import Finding, Post
from contentlint.i18n import N_
from contentlint.result import PostSummary, ProfileSummary, Result, RuleInfo
from contentlint.rules.engine import RuleSet
from contentlint.rules.pack import RuleBook, default_pack_files, load_packs, pack_files
from contentlint.rules.profile import lint_profile, score_id
from contentlint.sources.discover import Target, discover
from contentlint.cache import Cache, dump_outcome, environment_key, load_outcome
from contentlint.sources.load import load_target, read_bytes
from contentlint.sources.profile import Profile
from contentlint.suppress import FileSuppressions
from contentlint.suppress import apply as apply_suppressions

WARM_SAMPLE = 8  # files read before forking workers, to learn which languages' pipelines they will need
_WARM_RULESETS: dict[tuple[Any, ...], RuleSet] = {}  # compiled by the parent before it forks workers
FILES_PER_JOB = 50  # below this many files per worker, loading another pipeline costs more than it saves
ERROR_IDS = {FileSkipped: "file-too-large", InputError: "input-error", ConfigError: "config-error", RuleError: "rule-error",
             FileCrashed: "internal-error"}
BUILTIN_RULES = (
    RuleInfo("input-error", "error", N_("A file could not be read or parsed (encoding, binary data, broken front matter, "
             "an empty post, a calendar entry that makes no sense); the rest of the run went on."), "builtin"),
    RuleInfo("file-too-large", "warning", N_("A file over `max_file_bytes` (default 2 MB) was skipped, not read; raise "
             "the limit in .contentlint.yaml if it really is one post or calendar."), "builtin"),
    RuleInfo("config-error", "error", N_("A .contentlint.yaml could not be used: malformed, or an unknown key or rule."),
             "builtin"),
    RuleInfo("rule-error", "error", N_("A rule pack does not match the rule schema."), "builtin"),
    RuleInfo("unsupported-language", "warning", N_("The post's language has no pipeline; only language-independent "
             "rules ran."), "builtin"),
    RuleInfo("internal-error", "error", N_("contentlint failed on one file (a bug, not the file's fault); that file "
             "gets this one line, the rest of the run went on. Please report it with the file."), "builtin"),
    RuleInfo("unused-suppression", "warning", N_("A suppression comment or front-matter `contentlint: {disable: ...}` "
             "that silenced nothing: remove it so that it does not hide a future finding."), "builtin"),
)


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


def error_id(error: ContentlintError) -> str:
    return next((rule_id for kind, rule_id in ERROR_IDS.items() if isinstance(error, kind)), "input-error")


def rulebook_for_config(config: Config, cache: Cache | None = None) -> RuleBook:
    """Default packs, then the config's packs (which may redefine a rule), then per-rule overrides."""
    files = list(default_pack_files())
    for pack in config.packs:
        files.extend(pack_files(pack))
    book = load_packs(files, cache)
    rules = book.rules
    for rule_id, override in config.rules.items():
        if rule_id not in rules:
            raise ConfigError(f"rules: unknown rule id `{rule_id}` (see `contentlint rules`)",
                              str(config.path) if config.path else None)
        rule = rules[rule_id]
        rules[rule_id] = replace(rule, enabled=rule.enabled if override.enabled is None else override.enabled,
                                 level=override.level or rule.level)
    return book


class Runner:
    def __init__(self, options: RunOptions, stdin: BinaryIO | None = None,
                 on_file: Callable[[str], None] | None = None) -> None:
        self.options = options
        self.stdin = stdin
        self.on_file = on_file  # called with each file's name as it is read (progress display)
        self.cache = Cache(options.cache_dir) if options.cache_dir is not None else None
        # parsed rule packs, beside the results: a run of cache hits then reads no YAML
        self.packs = Cache(options.cache_dir / "packs") if options.cache_dir is not None else None
        self._environments: dict[Any, str] = {}
        self.resolver = ConfigResolver(options.config_file, options.use_config_files)
        self._rulesets: dict[tuple[Any, ...], RuleSet] = {}
        self._texts: dict[Path, bytes] = {}  # documents linted from memory (run_text) instead of their file

    def effective(self, config: Config) -> Config:
        if self.options.language:
            config = replace(config, language=self.options.language)
        if self.options.fail_level:
            config = replace(config, fail_level=self.options.fail_level)
        if self.options.fail_under is not None:
            config = replace(config, fail_under=self.options.fail_under)
        return config

    def ruleset(self, config: Config) -> RuleSet:
        key = (config.path, tuple(sorted((k, v.enabled, v.level) for k, v in config.rules.items())), config.brief)
        if key not in self._rulesets:
            self._rulesets[key] = RuleSet.from_book(rulebook_for_config(config, self.packs), config.brief)
        return self._rulesets[key]

    def run(self, paths: list[str]) -> Result:
        result = Result()
        targets = list(self._targets(paths, result))
        jobs = self._jobs(targets)
        if jobs > 1:
            self._run_parallel(targets, jobs, result)
        else:
            for _analysis, _findings in self.iter_posts(paths, result, targets=targets):
                pass
        return self._finish(result)

    def run_text(self, text: str, path: Path, on_post: Callable[[Analysis], None] | None = None) -> Result:
        """``text`` linted as if it were the file at ``path``: that file's config, format (by its suffix) and
        name in findings; the file itself is never read. ``on_post`` sees each post's analysis (an editor shows
        the classification). A post's ``file:`` drafts in a calendar are still read from disk."""
        result = Result()
        self._texts[path] = text.encode("utf-8")
        try:
            for analysis, _findings in self.iter_posts([], result, targets=[Target(str(path), path, True)]):
                if on_post is not None:
                    on_post(analysis)
        finally:
            del self._texts[path]
        return self._finish(result)

    def _finish(self, result: Result) -> Result:
        for ruleset in self._rulesets.values():
            for rule in ruleset.rules:
                result.rules.setdefault(rule.id, RuleInfo(rule.id, rule.level, rule.rationale, rule.kind, rule.rationales))
        for info in BUILTIN_RULES:
            result.rules.setdefault(info.id, info)
        return result.finish()

    def _jobs(self, targets: list[Target]) -> int:
        """Worker processes for this run: only when the file count pays for loading a pipeline per worker."""
        if any(t.path is None for t in targets):
            return 1  # stdin is read by this process
        if self.options.jobs > 0:
            return min(self.options.jobs, len(targets))
        return max(1, min(usable_cpus(), len(targets) // FILES_PER_JOB))

    def _run_parallel(self, targets: list[Target], jobs: int, result: Result) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _WARM_RULESETS
        shards = [targets[i::jobs] for i in range(jobs)]
        context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        if context.get_start_method() == "fork":
            self._warm_up(targets)
            _WARM_RULESETS = self._rulesets  # forked workers inherit them, and the loaded pipelines
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_run_shard, (self.options, shard)) for shard in shards]
            outcomes = []
            for future, shard in zip(futures, shards):
                try:
                    outcomes.append(future.result())
                except Exception:  # a worker died (killed, out of memory): its files are linted here instead
                    outcomes.append(_run_shard((self.options, shard)))
        feeds: dict[str, tuple[Config, list[EntryResult]]] = {}
        suppressions: dict[str, FileSuppressions] = {}
        for shard_result, shard_feeds, shard_suppressions in outcomes:
            result.findings.extend(shard_result.findings)
            result.posts.extend(shard_result.posts)
            result.calendars.extend(shard_result.calendars)
            result.profiles.extend(shard_result.profiles)
            result.skipped.extend(shard_result.skipped)
            result.files += shard_result.files
            result.fail_levels.update(shard_result.fail_levels)
            result.rules.update(shard_result.rules)
            for root, (config, entries) in shard_feeds.items():
                feeds.setdefault(root, (config, []))[1].extend(entries)
            suppressions.update(shard_suppressions)
        self._finish_feeds(result, feeds)
        result.findings = apply_suppressions(result.findings, suppressions)

    def _warm_up(self, targets: list[Target]) -> None:
        """Load the pipelines and compile the rules for the languages of a sample of ``targets``, before workers
        are forked: each worker would otherwise import spaCy and load the same pipelines again. Anything that
        fails here is left for the worker that reads the file to report."""
        seen: set[tuple[int, str]] = set()
        for target in targets[::max(1, len(targets) // WARM_SAMPLE)]:
            try:
                config = self.effective(self._config_for(target))
                ruleset = self.ruleset(config)
                for post in load_target(target, config, None, self.options.target).posts:
                    if (id(ruleset), post.lang) not in seen:
                        seen.add((id(ruleset), post.lang))
                        ruleset.warm_up(post.lang)
            except Exception:  # noqa: BLE001 - reported by the worker that lints this file
                continue

    def _finish_feeds(self, result: Result, feeds: dict[str, tuple[Config, list[EntryResult]]]) -> None:
        for root, (_first_post_config, results) in sorted(feeds.items()):
            if len(results) >= 2:
                # The feed's own settings: the config that governs its folder, with the overrides that match it.
                # (the walk of `root` already loaded it, so a broken config has been reported there).
                config = self.effective(self.resolver.for_directory(Path(root)).for_path(Path(root), folder=True))
                target = effective_target(override=self.options.target, config_target=config.target,
                                          config_tolerance=config.tolerance)
                feed = Calendar(path=feed_path(root), name=root, kind="feed", target=target)
                self._finish_calendar(result, feed, config, results)

    def iter_posts(self, paths: list[str], result: Result, targets: list[Target] | None = None,
                   shard: bool = False) -> Iterator[tuple[Analysis, list[Finding]]]:
        """Each post's analysis and findings, in input order; errors and findings are added to ``result``.

        A ``shard`` (one worker's part of a parallel run) leaves feeds and suppressions to the parent, which
        sees every file: they are kept in ``self.shard_feeds`` and ``self.shard_suppressions``.
        """
        configs: dict[int, Config] = {}
        calendars: dict[str, tuple[Calendar, Config, list[EntryResult]]] = {}
        feeds: dict[str, tuple[Config, list[EntryResult]]] = {}
        feed_of: dict[int, str] = {}
        suppressions: dict[str, FileSuppressions] = {}
        pending: dict[str, dict[str, Any]] = {}  # display path -> what to store in the cache once analysed
        self.shard_feeds, self.shard_suppressions = feeds, suppressions

        def posts() -> Iterator[Post]:
            for target in (targets if targets is not None else self._targets(paths, result)):
                result.files += 1
                if self.on_file is not None:
                    self.on_file(target.display)
                config: Config | None = None
                try:
                    config = self.effective(self._config_for(target))
                    ruleset = self.ruleset(config)  # a broken pack or config fails here, per file
                    data, key = ((self._texts[target.path], None) if target.path in self._texts
                                 else self._cache_lookup(target, config))
                    if key is not None and self.cache is not None and (entry := self.cache.get(key)) is not None:
                        if self._replay(entry, target, config, result, feeds, suppressions):
                            continue
                    loaded = load_target(target, config, self.stdin, self.options.target, data)
                    if loaded.skipped is not None:
                        result.skipped.append((target.display, loaded.skipped))
                    if key is not None and loaded.calendar is None and not loaded.errors and loaded.posts:
                        pending[target.display] = {"key": key, "left": len(loaded.posts), "posts": [],
                                                   "findings": [], "feed": [], "suppressions": loaded.suppressions}
                    if loaded.suppressions is not None and loaded.suppressions.directives:
                        suppressions[loaded.suppressions.path] = loaded.suppressions
                    for error in loaded.errors:
                        result.add_error(error, error_id(error))
                    if loaded.calendar is not None:
                        calendars[loaded.calendar.path] = (loaded.calendar, config, [])
                    if loaded.profile is not None:
                        self._lint_profile(result, loaded.profile, ruleset, config)
                    for post in loaded.posts:
                        ruleset.checkers(post.lang)  # compile now, so a bad pattern is blamed here
                        configs[id(post)] = config
                        if post.calendar is None and target.root is not None and "date" in post.fields:
                            feed_of[id(post)] = target.root
                            feeds.setdefault(target.root, (config, []))
                        yield post
                except ContentlintError as error:
                    if error.path is None:
                        error.path = target.display
                    result.add_error(error, error_id(error), config.fail_level if config else None)
                except Exception as exc:  # a bug on this one file must not take the run down
                    result.add_error(FileCrashed.of(exc, target.display), "internal-error")

        def rules_for(post: Post) -> RuleSet:
            return self.ruleset(configs[id(post)])

        def failed(post: Post, exc: Exception) -> None:
            configs.pop(id(post), None)
            feed_of.pop(id(post), None)
            result.add_error(FileCrashed.of(exc, post.calendar or post.path), "internal-error")

        for analysis, findings in lint(posts(), rules_for, on_error=failed):
            post = analysis.post
            config = configs.pop(id(post))
            result.posts.append(PostSummary.of(analysis, self.options.keep_excerpts, findings))
            result.add(findings, config.fail_level)
            entry_result = _entry_result(analysis)
            if entry_result is not None and post.calendar in calendars:
                calendars[post.calendar][2].append(entry_result)
            elif entry_result is not None and id(post) in feed_of:
                feeds[feed_of.pop(id(post))][1].append(entry_result)
            if post.path in pending and post.calendar is None:
                self._remember(pending, post.path, result.posts[-1], findings, entry_result, feed_of)
            yield analysis, findings
        for calendar, config, results in calendars.values():
            self._finish_calendar(result, calendar, config, results)
        if not shard:
            self._finish_feeds(result, feeds)
            result.findings = apply_suppressions(result.findings, suppressions)

    def _cache_lookup(self, target: Target, config: Config) -> tuple[bytes | None, str | None]:
        """The file's bytes and its cache key (None for stdin or without a cache). Calendars get a key but are
        never stored (their entries may read other files), so they are always analysed."""
        if self.cache is None or target.path is None:
            return None, None
        data = read_bytes(target, config.max_file_bytes)
        if len(data) > config.max_file_bytes:
            return data, None
        # Keyed by what the config says, never by the object's identity: short-lived Config objects reuse ids.
        extra = (self.options.target, self.options.language, config.fail_level, self.options.keep_excerpts)
        ident = json.dumps([config.to_dict(), str(config.path), [str(e) for e in extra]], sort_keys=True, default=str)
        if ident not in self._environments:
            self._environments[ident] = environment_key(config, extra)
        names = f"{target.display}\0{target.root}".encode("utf-8", "surrogateescape")  # names need not be UTF-8
        return data, self.cache.key(names + b"\0" + data, self._environments[ident])

    def _replay(self, entry: dict[str, Any], target: Target, config: Config, result: Result,
                feeds: dict[str, tuple[Config, list[EntryResult]]],
                suppressions: dict[str, FileSuppressions]) -> bool:
        """Add a cached outcome to the run; False (nothing added) when the entry is not a valid outcome."""
        outcome = load_outcome(entry)
        if outcome is None:
            return False  # a corrupt entry, whatever its shape, is a miss: analysed again and overwritten
        posts, findings, feed, file_suppressions = outcome
        result.posts.extend(posts)
        result.add(findings, config.fail_level)
        if feed and target.root is not None:
            feeds.setdefault(target.root, (config, []))[1].extend(feed)
        if file_suppressions is not None and file_suppressions.directives:
            suppressions[file_suppressions.path] = file_suppressions
        return True

    def _remember(self, pending: dict[str, dict[str, Any]], path: str, summary: PostSummary,
                  findings: list[Finding], entry_result: EntryResult | None, feed_of: dict[int, str]) -> None:
        record = pending[path]
        record["posts"].append(summary)
        record["findings"].extend(findings)
        if entry_result is not None and entry_result.date is not None and summary.path == path:
            record["feed"].append(entry_result)
        record["left"] -= 1
        if record["left"] == 0 and self.cache is not None:
            del pending[path]
            self.cache.put(record["key"], dump_outcome(record["posts"], record["findings"], record["feed"],
                                                       record["suppressions"]))

    def _finish_calendar(self, result: Result, calendar: Calendar, config: Config,
                         results: list[EntryResult]) -> None:
        report = CalendarReport(calendar, results, fail_under=config.fail_under)
        try:
            findings = list(self.ruleset(config).lint_calendar(report))
        except Exception as exc:  # one calendar's failure is that calendar's error line
            result.add_error(FileCrashed.of(exc, calendar.path), "internal-error")
            return
        result.add(findings, config.fail_level)
        result.calendars.append(report)

    def _lint_profile(self, result: Result, profile: Profile, ruleset: RuleSet, config: Config) -> None:
        """A profile is not a post: only the profile-scope rules run on it. Profiles are never cached (no spaCy
        work to save, and "recent activity" is measured from today unless the file sets `as_of`)."""
        findings, scores = lint_profile(ruleset.rules, profile)
        result.add(findings, config.fail_level)
        result.profiles.append(ProfileSummary.of(profile, scores))
        for rule in ruleset.rules:
            if any(score.rule_id == rule.id for score in scores):
                result.rules.setdefault(score_id(rule.id), RuleInfo(score_id(rule.id), "info", rule.rationale,
                                                                    rule.kind, rule.rationales))

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


def feed_path(root: str) -> str:
    """A feed is reported on its folder, written with a trailing `/` so that every format shows a folder."""
    return root.rstrip("/\\") + "/"


def _entry_result(analysis: Analysis) -> EntryResult | None:
    """The classified entry of a calendar or feed (posts that could not be classified are left out)."""
    post, c = analysis.post, analysis.classification
    if c is None:
        return None
    try:
        date = parse_date(post.fields.get("date"))
    except ValueError:
        date = None
    entry = Entry(index=post.index, line=post.entry_line or post.line, path=post.calendar or post.path,
                  date=date, channel=normalise_channel(post.fields.get("channel")), post=post)
    return EntryResult(entry, c.label, c.group, c.stage, c.confidence)


def _run_shard(job: tuple[RunOptions, list[Target]]) -> tuple[Result, dict[str, Any], dict[str, FileSuppressions]]:
    """One worker's part of a parallel run (a module-level function, so it can be sent to a process)."""
    options, targets = job
    runner = Runner(options)
    runner._rulesets.update(_WARM_RULESETS)
    result = Result()
    for _analysis, _findings in runner.iter_posts([], result, targets=targets, shard=True):
        pass
    for ruleset in runner._rulesets.values():
        for rule in ruleset.rules:
            result.rules.setdefault(rule.id, RuleInfo(rule.id, rule.level, rule.rationale, rule.kind, rule.rationales))
    return result, runner.shard_feeds, runner.shard_suppressions
