"""The language registry: detection (which may answer "unsupported") and each profile's facts."""

from __future__ import annotations

import pytest

from contentlint import languages
from contentlint.lang import SUPPORTED
from tests.helpers import post_from

SHORT_EN = "Big sale\n\nBuy now."
CODE_HEAVY = (
    "---\ntitle: Parse logs with jq\n---\nRun this:\n\n```bash\ncat app.log | jq -r '.level' | sort | uniq -c\n"
    "for f in *.log; do gzip \"$f\"; done\n```\n\nThen `jq '.msg'` prints de la le les des messages.\n\n"
    '```python\nimport json\nfor line in open("app.log"):\n    print(json.loads(line)["msg"])\n```\n'
)
MIXED_JA_EN = (
    "---\ntitle: ExcelのPivot Tableで月次レポートを自動化する方法\n---\nPivot Table を使えば、月次レポートの集計が"
    "数分で終わります。Excel の Data Model と Power Query を組み合わせて、売上データを部門別に集計してみましょう。"
    "Step 1: Insert > PivotTable を選びます。\n"
)
EN_QUOTING_FRENCH = (
    "Why your French customers say « c'est la vie » about late invoices, and how you can help them "
    "get paid on time with a reminder that goes out the day after the due date."
)
FRENCH = (
    "Comprendre le comportement des utilisateurs avec Excel. Les tableaux croisés dynamiques d'Excel permettent "
    "de préparer un rapport mensuel en quelques minutes. Analysez les données de vos clients pour savoir "
    "quelles fonctions ils utilisent le plus souvent, et pourquoi."
)
GERMAN = (
    "Wie Sie mit Excel und Pivot-Tabellen den Monatsbericht in zehn Minuten erstellen, und warum das für Ihr "
    "Team wichtig ist, auch wenn Sie nur wenig Zeit haben."
)


@pytest.mark.parametrize(
    "text, expected",
    [
        (SHORT_EN, "en"),
        ("Buy now!", "en"),
        ("", "en"),
        ("🎉🎉🎉 50% 🎉", "en"),
        ("今すぐ購入。", "ja"),
        ("立即购买。", "zh"),
        ("新バージョン発売：Office全品30%オフ", "ja"),
        (EN_QUOTING_FRENCH, "en"),
        ("We opened our Tokyo office (東京オフィス) this week.", "en"),
        (FRENCH, "fr"),
        (GERMAN, "de"),
        ("엑셀 통계로 사용자 행동 이해하기", "ko"),
        ("Как понять поведение пользователей с помощью Excel", "und"),
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert languages.detect(text) == expected


@pytest.mark.parametrize("text, expected", [(CODE_HEAVY, "en"), (MIXED_JA_EN, "ja")])
def test_detection_reads_the_prose_of_a_post(text: str, expected: str) -> None:
    """Code blocks and inline code are not prose: a code-heavy post is detected from its few words."""
    post = post_from(text)
    assert (post.lang, post.lang_source) == (expected, "detected")


def test_the_registry_is_the_list_of_supported_languages() -> None:
    assert SUPPORTED == languages.codes() == ("en", "ja", "zh")
    assert all(languages.is_supported(code) for code in SUPPORTED) and not languages.is_supported("ko")
    assert languages.find("ko") is None
    with pytest.raises(KeyError):
        languages.get("fr")


@pytest.mark.parametrize("code, unspaced, separator", [("en", False, ", "), ("ja", True, "、"), ("zh", True, "、")])
def test_segmentation_facts(code: str, unspaced: bool, separator: str) -> None:
    profile = languages.get(code)
    assert (profile.unspaced, profile.list_separator) == (unspaced, separator)
