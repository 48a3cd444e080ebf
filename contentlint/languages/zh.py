"""Chinese: Han without kana; segmented by SEGMENTER (see bench/zh_segmenter.py for the measurement behind it)."""

from __future__ import annotations

import re

from contentlint.i18n import N_
from contentlint.languages.base import Grammar, Language, PipelineSpec, TextCounts
from contentlint.languages.ja import CJK_SHARE

SEGMENTER = "char"


def _claims(counts: TextCounts) -> bool:
    return counts.han > 0 and counts.has_share(counts.cjk, CJK_SHARE)  # asked after Japanese: no kana here


# 帮小店老板省下…, 专为餐厅店长打造: the words between and a verb. Not a pronoun (帮你节省… once gave "你节" and
# "帮你节节省"), and a verb ends the audience whole (帮公益机构减少…, not "公益机构减").
_AUDIENCE = (
    r"(?:专为|适合|帮助?)(?![你您我他她它咱大自])([\u4e00-\u9fff]{2,8}?)"
    r"(?=打造|设计|使用|的|每天|每月|轻松|快速|在|把|用|节省|省下|省去|减少|降低|提升|提高|"
    r"缩短|解决|告别|找到|完成|管理|记录|避免|实现|少花|不再)"
)
_JOB_DE = r"\{job\}的(?=[0-9一二三四五六七八九十几]+个)"


def _arrange(form: str, job: str) -> str:
    """The form with "{job}的3个方法" made "{job}：3个方法" when the job has a 的 already (用排班宝十分钟排好下周的班：
    3个方法, not 下周的班的3个方法)."""
    return re.sub(_JOB_DE, "{job}：", form) if "的" in job else form


LANGUAGE = Language(
    code="zh",
    name=N_("Chinese"),
    claims=_claims,
    # NFKC forms as lemmas
    pipeline=PipelineSpec(
        tokenizer={"segmenter": SEGMENTER}, segmenter="segmenter", components=("contentlint_form_lemmas",)
    ),
    grammar=Grammar(reader="characters", audience=_AUDIENCE, arrange=_arrange),
    unspaced=True,
    list_separator="、",
)
