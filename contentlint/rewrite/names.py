"""Product names a post states itself, per language, when the brief names none.

A wrong name is worse than none (the writer then gets a question), so a candidate counts only when it is named
in the title or at least twice, and common words never count: English words at the start of a sentence, in a
Title-Case headline or in capitals (Then, Fools, HALF); Japanese generic nouns told apart by Sudachi's
part-of-speech (プラン in 全プラン50%オフ); Chinese words of sale and launch around the name (双十一, 限时).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from contentlint.nlp.pipeline import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Candidate = tuple[str, int, bool]  # (name, offset in the post's text, a name on its own: Ledgerly, カケイボPro)

_FUNCTION_WORDS = {
    "the",
    "a",
    "an",
    "our",
    "we",
    "you",
    "your",
    "this",
    "these",
    "that",
    "new",
    "now",
    "buy",
    "get",
    "how",
    "why",
    "what",
    "when",
    "where",
    "who",
    "today",
    "visit",
    "contact",
    "shop",
    "it",
    "i",
    "in",
    "on",
    "for",
    "and",
    "with",
    "to",
    "my",
    "its",
    "their",
    "all",
    "every",
    "meet",
    "try",
    "introducing",
    "announcing",
    "hello",
    "hi",
    "dear",
    "welcome",
    "join",
    "save",
    "grab",
    "don't",
}
_CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christmas",
    "easter",
    "halloween",
    "fools",
    "valentine",
    "thanksgiving",
    "cyber",
    "black",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "holiday",
    "holidays",
    "year",
    "eve",
    "prime",
    "day",
    "week",
    "weekend",
    "month",
    "tonight",
    "tomorrow",
    "yesterday",
}
_GENERIC_EN = {
    "sale",
    "sales",
    "offer",
    "offers",
    "deal",
    "deals",
    "discount",
    "update",
    "release",
    "version",
    "event",
    "launch",
    "app",
    "edition",
    "plan",
    "plans",
    "store",
    "shop",
    "team",
    "news",
    "off",
    "free",
    "limited",
    "time",
    "only",
    "price",
    "prices",
    "pricing",
    "code",
    "promo",
    "coupon",
    "bundle",
    "members",
    "customers",
    "everyone",
    "everything",
    "subscribe",
    "order",
    "download",
    "upgrade",
    "premium",
}
_ACRONYMS = {
    "pdf",
    "csv",
    "faq",
    "seo",
    "crm",
    "api",
    "ai",
    "ui",
    "ux",
    "usa",
    "uk",
    "eu",
    "ok",
    "vip",
    "diy",
    "pr",
    "sns",
    "line",
    "x",
    "q1",
    "q2",
    "q3",
    "q4",
    "ceo",
    "cto",
    "b2b",
    "b2c",
    "saas",
    "rsvp",
    "url",
}


@lru_cache(maxsize=1)
def english_forms() -> frozenset[str]:
    """English base forms: the lemmas of spacy-lookups-data's English lemma table, and spaCy's English stop words
    (the table lists only words that inflect, so it lacks "then", "here", "there"). Inflected forms are not in it
    (a plural is tried without its "s" by `_is_english_word`)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from contentlint.nlp.lemmatable import english_lemmas

    return frozenset(set(english_lemmas().values()) | set(STOP_WORDS))


def _is_english_word(word: str) -> bool:
    return word.lower() in english_forms() or word.lower().rstrip("s") in english_forms()


def best(candidates: Iterable[Candidate], text: str, title_end: int) -> Candidate | None:
    """The name to use: one named in the title, named twice, or unmistakably a name; the title's first, else the
    most frequent. A trailing version number is not part of the product (Ledgerly 5.0 -> Ledgerly)."""
    found = [(re.sub(r"\s*v?\d+(?:\.\d+)*$", "", name) or name, at, strong) for name, at, strong in candidates]
    counts = Counter({name: text.count(name) for name, _, _ in found})
    # 表单工坊 named twice beats 表单工坊公益机构 named once: the longer one ran into the next words.
    found = [c for c in found if not any(c[0].startswith(o) and o != c[0] and counts[o] > counts[c[0]] for o in counts)]
    sure = [c for c in found if c[1] < title_end or counts[c[0]] >= 2 or c[2]]
    if not sure:
        return None
    return min(sure, key=lambda c: (c[1] >= title_end, -counts[c[0]], c[1]))


def english(doc: Doc, title_end: int) -> list[Candidate]:
    """Capitalised runs (Ledgerly, Excel 2026, QuickBooks Online) that are names, not words."""
    tokens = list(doc)
    headline_case = _headline_case([t for t in tokens if t.idx < title_end])
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while (
            j < len(tokens)
            and j - i < 4
            and (_capitalised(tokens[j]) or _version(tokens[j]))
            and tokens[j].idx == tokens[j - 1].idx + len(tokens[j - 1].text) + 1
        ):
            j += 1
        run = tokens[i:j]
        weak = _weak_position(tokens, i) or (headline_case and run[0].idx < title_end)
        candidate = _english_name(run, weak)
        if candidate is not None:
            out.append(candidate)
        i = j
    return out


def _english_name(run: list[Token], weak: bool) -> Candidate | None:
    if any(t.lower_ in _CALENDAR_WORDS for t in run):
        return None  # April Fools, Black Friday, Prime Day: a date, not a product
    while run and (run[0].lower_ in _FUNCTION_WORDS or (run[0].text.isupper() and _is_english_word(run[0].text))):
        run, weak = run[1:], False if run[1:] and run[1].idx > run[0].idx else weak
    while run and (run[-1].lower_ in _GENERIC_EN or (run[-1].text.isupper() and _is_english_word(run[-1].text))):
        run = run[:-1]
    if not run or _version(run[0]):
        return None
    words = [t for t in run if not _version(t)]
    if any(t.text.isupper() and len(t.text) > 1 and _is_english_word(t.text) for t in words):
        return None  # HALF, FREE, NOW: shouting, not a name
    if len(words) == 1 and (words[0].lower_ in _ACRONYMS or words[0].lower_ in _GENERIC_EN):
        return None
    brand_like = any(not _is_english_word(t.text) or _camel(t.text) for t in words)
    if weak and not brand_like:
        return None
    if not brand_like and all(t.lower_ in _GENERIC_EN for t in words):
        return None
    return run[0].doc[run[0].i : run[-1].i + 1].text, run[0].idx, brand_like


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha()


def _version(token: Token) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)*|v\d+(?:\.\d+)*|Pro|Plus|Max|Mini|Go|Teams?|Cloud", token.text))


def _camel(word: str) -> bool:
    return bool(re.search(r"[a-z][A-Z]", word))


def _weak_position(tokens: list[Token], i: int) -> bool:
    """Where every word is capitalised: a sentence's or a line's first word, after punctuation or a quote."""
    if i == 0:
        return True
    before = tokens[i - 1]
    return (
        "\n" in before.whitespace_
        or "\n" in before.text
        or (not before.text[:1].isalnum() and before.text not in {",", "(", "&"})
    )


def _headline_case(title: list[Token]) -> bool:
    words = [t for t in title if t.is_alpha and len(t.text) > 3]
    return len(words) >= 2 and sum(t.text[:1].isupper() for t in words) / len(words) >= 0.6


# Japanese ---------------------------------------------------------------------------------------------------

_JA_GENERIC = {
    "サービス",
    "キャンペーン",
    "セール",
    "クーポン",
    "バージョン",
    "アプリ",
    "ユーザー",
    "プラン",
    "ポイント",
    "データ",
    "オフ",
    "プレゼント",
    "アップデート",
    "リリース",
    "お知らせ",
    "コンテンツ",
    "システム",
    "ソフト",
    "ツール",
    "ページ",
    "メール",
    "チーム",
    "オンライン",
    "セミナー",
    "イベント",
    "ショップ",
    "ストア",
    "ネット",
    "スマホ",
    "パソコン",
    "カード",
    "プロ",
    "プレミアム",
    "ベーシック",
    "スタンダード",
    "ライト",
    "フリー",
    "メンバー",
    "ビジネス",
    "スタート",
    "ダウンロード",
    "インストール",
    "ログイン",
    "アカウント",
    "サポート",
    "クラウド",
    "モバイル",
    "ウェブ",
    "サイト",
    "ニュース",
    "タイムセール",
    "ポイントアップ",
    "ボーナス",
    "スタッフ",
    "オーナー",
    "マネージャー",
    "レポート",
    "グラフ",
    "テンプレート",
    "マニュアル",
    "ガイド",
    "オプション",
    "パック",
    "セット",
    "コース",
    "レッスン",
    "トライアル",
    "モデル",
    "シリーズ",
    "ブランド",
    "ファン",
    "フォロワー",
    "リツイート",
    "フォロー",
    "シェア",
    "コメント",
    "プライム",
    "ブラック",
    "フライデー",
}
_JA_ONLY_GENERIC = re.compile("(?:" + "|".join(sorted(_JA_GENERIC, key=len, reverse=True)) + ")+")
_JA_LATIN_GENERIC = _ACRONYMS | {
    "rt",
    "dm",
    "ig",
    "fb",
    "tv",
    "pc",
    "sp",
    "pdf",
    "csv",
    "ok",
    "faq",
    "line",
    "x",
    "sns",
    "pr",
    "off",
    "sale",
    "new",
    "app",
    "web",
    "ai",
    "it",
    "pro",
    "plus",
    "no",
    "vip",
    "ios",
    "android",
    "url",
    "qr",
    "dx",
    "sale!",
    "get",
}
_JA_NAME = re.compile(
    r"[ァ-ヴー・]*[A-Za-z][A-Za-z0-9+.\-]*(?: [A-Z0-9][A-Za-z0-9+.\-]*)*[ァ-ヴー]*"
    r"|(?:(?<=^)|(?<=[\s「『【]))[ぁ-ゖ]{2,5}[ァ-ヴー]{3,}|[ァ-ヴー][ァ-ヴー・]{2,}"
)
_JA_QUOTED = re.compile(r"「([^」]{2,24})」")


def japanese(doc: Doc, title_end: int) -> list[Candidate]:
    """Latin and katakana names (Excel, カケイボPro, マネーフォワード), proper nouns and quoted names, never a
    generic noun: a katakana word stands as a name only when Sudachi splits it into words none of which is
    generic, or tags it a proper noun."""
    text = doc_text(doc)
    out: list[Candidate] = []
    for match in _JA_QUOTED.finditer(text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if (
            span is not None
            and not any(t.tag_.startswith(("助詞", "動詞", "助動詞", "補助記号")) for t in span)
            and match.group(1) not in _JA_GENERIC
        ):
            out.append((match.group(1), match.start(1), True))
    for match in _JA_NAME.finditer(text):
        name, start = match.group(0).strip("・"), match.start()
        if start > 0 and text[start - 1] in "全各当弊本新":
            continue  # 全プラン, 新バージョン: a prefix makes it a common noun
        if re.search(r"[A-Za-z]", name):
            if (
                len(name) <= 2
                or name.lower() in _JA_LATIN_GENERIC
                or (name.isupper() and len(name) > 1 and _is_english_word(name))
            ):
                continue
            out.append((name, start, True))
            continue
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None or _JA_ONLY_GENERIC.fullmatch(name) or (start > 0 and text[start - 1] in "%％"):
            continue  # オフセール, ポイントプレゼント: generic words run together
        if _sudachi_unknown(name):  # a coined word (ラクケイ, ヨヤクル): not in Sudachi's dictionary
            out.append((name, start, True))
        elif any("固有名詞" in t.tag_ for t in span) or len(span) >= 2:
            out.append((name, start, False))
    return out


def _sudachi_unknown(word: str) -> bool:
    """Whether Sudachi's dictionary lacks the word (a coined product name rather than a katakana loanword)."""
    from contentlint.nlp import pipeline

    sudachi = getattr(pipeline.load("ja").tokenizer, "tokenizer", None)
    if sudachi is None:
        return False
    return any(m.is_oov() for m in sudachi.tokenize(word))


# Chinese ----------------------------------------------------------------------------------------------------

_ZH_QUOTED = re.compile(r"[《「“【]([^》」”】，。！？、]{2,12})[》」”】]")
_ZH_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*(?: [A-Z0-9][A-Za-z0-9+.\-]*)*")
_ZH_CUES = (
    "新店",
    "首月",
    "首单",
    "新客",
    "新用户",
    "支持",
    "接入",
    "新增",
    "帮你",
    "帮助",
    "让你",
    "开学季",
    "安卓版",
    "苹果版",
    "手机版",
    "电脑版",
    "新版",
    "App",
    "APP",
    "会员",
    "年付",
    "年卡",
    r"\d",
    "双十一",
    "双11",
    "618",
    "限时",
    "秒杀",
    "新品",
    "正式",
    "全新",
    "上市",
    "上线",
    "发布",
    "首发",
    "大促",
    "特惠",
    "优惠",
    "直降",
    "降价",
    "促销",
    "会员日",
    "周年",
    "年中",
    "年终",
    "五折",
    "半价",
    "限量",
    "预售",
    "今日",
    "今天",
    "本周",
    "震撼",
    "重磅",
    "升级",
    "推出",
    "开售",
    "开抢",
    "抢购",
    "福利",
    "狂欢",
    "免费",
    "买一送一",
)
_ZH_NAME_AROUND = re.compile(
    r"(?:^|[\s，。！？：:、|｜【】\]\[!?])(?:全新|新款|新版|重磅|我们的|推出|发布了?|新品)?"
    r"([\u4e00-\u9fffA-Za-z]{2,12}?(?:\s?(?:[0-9]+(?:\.[0-9]+)*|Pro|Plus|Max))?)\s?"
    r"(?=" + "|".join(_ZH_CUES) + r")"
)
_ZH_GENERIC = (
    "全场",
    "全部",
    "所有",
    "会员",
    "产品",
    "商品",
    "店铺",
    "本店",
    "我们",
    "活动",
    "今天",
    "本周",
    "官方",
    "全店",
    "新人",
    "用户",
    "粉丝",
    "大家",
    "年度",
    "限时",
    "品牌",
    "旗舰店",
    "好物",
    "爆款",
    "国庆",
    "春节",
    "中秋",
    "元旦",
    "周末",
    "每天",
    "今年",
    "夏季",
    "冬季",
    "春季",
    "秋季",
    "开学",
)
_ZH_LATIN_GENERIC = _JA_LATIN_GENERIC | {"app", "vip", "pro", "plus"}


def chinese(text: str, title_end: int) -> list[Candidate]:
    """Quoted names (《》「」“”【】), Latin names (WPS, Notion) and the name right before a word of sale or
    launch (智能记账本双十一限时秒杀, 全新智能记账本正式上线)."""
    out: list[Candidate] = []
    for match in _ZH_QUOTED.finditer(text):
        if not any(word in match.group(1) for word in _ZH_GENERIC) and not match.group(1).isdigit():
            out.append((match.group(1), match.start(1), True))
    for match in _ZH_LATIN.finditer(text):
        name = match.group(0)
        if (
            len(name) > 2
            and name.lower() not in _ZH_LATIN_GENERIC
            and not (name.isupper() and len(name) > 1 and _is_english_word(name))
        ):
            out.append((name, match.start(), True))
    for match in _ZH_NAME_AROUND.finditer(text):
        name = match.group(1)
        if not any(word in name for word in (*_ZH_GENERIC, *_ZH_CUES)) and not re.fullmatch(r"[0-9A-Za-z. ]+", name):
            out.append((name, match.start(1), False))
    return out
