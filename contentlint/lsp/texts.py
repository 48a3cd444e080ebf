"""What the language server says to a person (hover, code-action titles, failures), in English, Japanese and
Chinese; the language is the editor's (the client's `locale` at initialize)."""
from __future__ import annotations

from typing import Mapping

LANGUAGES = ("en", "ja", "zh")

TEXTS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "group.promotional": "promotional",
        "group.insight": "insight-led",
        "label.product": "product", "label.sale": "sale", "label.release": "release",
        "label.problem": "problem", "label.howto": "how-to",
        "stage.pre": "before purchase", "stage.at": "at purchase", "stage.post": "after purchase",
        "hover.heading": "contentlint: **{label}** (`{code}`, {group})",
        "hover.stage": "Stage: **{stage}** (`{code}`) · confidence {confidence}",
        "hover.evidence": "Evidence:",
        "hover.no_evidence": "No cue phrase: the classifier decided from the wording as a whole.",
        "hover.evidence_item": "`{text}` (line {line}, {cue})",
        "hover.unclassified": "contentlint: this post was not classified (no pipeline for `{lang}`).",
        "action.rewrite": "Rewrite the title: {headline}",
        "action.disable": "Disable {rule} for the next line",
        "action.docs": "Open the documentation of {rule}",
        "failed": "contentlint could not analyse this document ({error}); other documents are unaffected. "
                  "Please report it with the document.",
    },
    "ja": {
        "group.promotional": "販促",
        "group.insight": "インサイト型",
        "label.product": "製品紹介", "label.sale": "セール", "label.release": "リリース",
        "label.problem": "課題", "label.howto": "ハウツー",
        "stage.pre": "購入前", "stage.at": "購入時", "stage.post": "購入後",
        "hover.heading": "contentlint：**{label}**（`{code}`、{group}）",
        "hover.stage": "購買段階：**{stage}**（`{code}`）・ 確信度 {confidence}",
        "hover.evidence": "判断の根拠：",
        "hover.no_evidence": "手がかりの語句はありません。文章全体の言葉遣いから判定しました。",
        "hover.evidence_item": "`{text}`（{line} 行目、{cue}）",
        "hover.unclassified": "contentlint：この投稿は分類されていません（`{lang}` のパイプラインがありません）。",
        "action.rewrite": "タイトルを書き換える：{headline}",
        "action.disable": "次の行の {rule} を無効にする",
        "action.docs": "{rule} の説明を開く",
        "failed": "contentlint はこの文書を解析できませんでした（{error}）。他の文書には影響ありません。"
                  "この文書を添えて報告してください。",
    },
    "zh": {
        "group.promotional": "促销",
        "group.insight": "洞察型",
        "label.product": "产品介绍", "label.sale": "促销活动", "label.release": "发布",
        "label.problem": "问题", "label.howto": "教程",
        "stage.pre": "购买前", "stage.at": "购买时", "stage.post": "购买后",
        "hover.heading": "contentlint：**{label}**（`{code}`，{group}）",
        "hover.stage": "购买阶段：**{stage}**（`{code}`）· 置信度 {confidence}",
        "hover.evidence": "判断依据：",
        "hover.no_evidence": "没有提示词：分类器根据整体措辞作出判断。",
        "hover.evidence_item": "`{text}`（第 {line} 行，{cue}）",
        "hover.unclassified": "contentlint：此帖子未分类（没有 `{lang}` 的处理管道）。",
        "action.rewrite": "改写标题：{headline}",
        "action.disable": "在下一行禁用 {rule}",
        "action.docs": "打开 {rule} 的说明",
        "failed": "contentlint 无法分析此文档（{error}），其他文档不受影响。请附上此文档报告问题。",
    },
}


def language_of(locale: str | None) -> str:
    """The interface language for an editor's locale (`ja`, `zh-cn`, `en-US` ...); English when unknown."""
    code = (locale or "").replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else "en"


def text(ui: str, key: str, **values: object) -> str:
    """The text ``key`` in interface language ``ui``, its ``{fields}`` filled."""
    return TEXTS[ui][key].format(**values)
