"""Every rule kind, listed once (as yamllint lists its rules): a YAML rule's `kind:` names one of these.

A kind is known because it is in this list, never because its module happened to be imported. Adding a kind is
its module (a class satisfying ``protocol.Kind``) and one line here.
"""

from __future__ import annotations

from contentlint.checks import calendar, channel, classified, kinds, profile, requires
from contentlint.checks.protocol import SCOPES, Kind

ALL: tuple[Kind, ...] = (
    # post scope: the text and the front matter
    kinds.PhrasesKind(),
    kinds.PatternKind(),
    kinds.RatioKind(),
    kinds.FieldKind(),
    requires.RequiresKind(),
    channel.LengthKind(),
    channel.HashtagsKind(),
    channel.LinkFirstLineKind(),
    # post scope: the classification
    classified.WithoutCuesKind(),
    classified.DeclaredStageKind(),
    classified.LowConfidenceKind(),
    # calendar scope: a calendar, or a feed (a folder of dated posts)
    calendar.PromoStreakKind(),
    calendar.GapKind(),
    calendar.InsightFreeWeeksKind(),
    calendar.CadenceKind(),
    calendar.ChannelMixKind(),
    calendar.ChannelFitKind(),
    calendar.MixScoreKind(),
    calendar.SpanKind(),
    calendar.CadenceDropKind(),
    # profile scope
    profile.ProfileChecklistKind(),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in ALL}


def scope_of(kind_name: str) -> str:
    """The scope a kind reads (one of ``protocol.SCOPES``): "post", "calendar" (calendars and feeds) or "profile"."""
    return KINDS[kind_name].scope


__all__ = ["ALL", "KINDS", "SCOPES", "scope_of"]
