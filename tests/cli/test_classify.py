from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from contentlint.taxonomy import GROUP_OF, LABELS, STAGES
from tests.helpers import REPO, run

SALE_JA = (
    "---\ntitle: オフィス全品30%オフセール\n---\n"
    "今だけ、オフィス製品が全品30%オフ！クーポンコードを使うとさらに500円引き。セールは日曜日まで。\n"
)
HOWTO_EN = (
    "---\ntitle: How to set up scheduled exports in Ledgerly\n---\n"
    "If you already use Ledgerly, you can stop exporting reports by hand.\n\n"
    "1. Open **Settings > Exports**.\n2. Choose a schedule.\n3. Sign in to your storage account.\n\n"
    "If the export fails with an error, check the troubleshooting page.\n"
)


def test_json_contract(write: Callable[..., Path], tmp_path: Path) -> None:
    sale, howto = write("sale.md", SALE_JA), write("howto.md", HOWTO_EN)
    code, out, _ = run(["classify", "--format", "json", str(sale), str(howto)])
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "contentlint.classify/1"
    assert [p["path"] for p in data["posts"]] == [str(sale), str(howto)]
    for post in data["posts"]:
        assert set(post) == {"path", "line", "title", "lang", "label", "group", "stage", "confidence", "evidence"}
        assert post["label"] in LABELS and post["stage"] in STAGES and post["group"] == GROUP_OF[post["label"]]
        assert 0 < post["confidence"] <= 1 and post["line"] == 2
        lines = Path(post["path"]).read_text(encoding="utf-8").splitlines()
        for evidence in post["evidence"]:
            assert set(evidence) == {"text", "line", "column", "cue"}
            at = lines[evidence["line"] - 1][evidence["column"] - 1 :]
            assert at.startswith(evidence["text"]), (evidence, at)
    first, second = data["posts"]
    assert (first["label"], first["stage"], first["lang"]) == ("sale", "at", "ja")
    assert (second["label"], second["stage"], second["lang"]) == ("howto", "post", "en")
    assert any(e["cue"] == "sale" for e in first["evidence"])


def test_text_output_and_input_errors(write: Callable[..., Path]) -> None:
    good = write("sale.md", SALE_JA)
    bad = write("bad.md", "---\ntitle: [x\n---\n")
    code, out, err = run(["classify", str(good), str(bad)])
    assert code == 2
    assert out.startswith(f"{good}:2: sale/at (promotional, ")
    assert "evidence: " in out
    assert f"{bad}:3:1: error [input-error] invalid YAML" in err


def test_samples_get_sensible_labels() -> None:
    code, out, _ = run(["classify", "--format", "json", str(REPO / "samples")])
    assert code == 0
    by_name = {Path(p["path"]).name + ":" + p["lang"]: p for p in json.loads(out)["posts"]}
    for lang in ("en", "ja"):
        assert by_name[f"office-sale.md:{lang}"]["label"] == "sale"
        assert by_name[f"pivot-table{'s' if lang == 'en' else ''}-monthly-report.md:{lang}"]["stage"] == "post"
        assert by_name[f"excel-statistics-user-behaviour.md:{lang}"]["group"] == "insight"
    assert by_name["new-version-on-sale.md:en"]["group"] == "promotional"
    assert by_name["new-version-release.md:ja"]["group"] == "promotional"


def test_eval_prints_metrics_for_a_labelled_file(write: Callable[..., Path]) -> None:
    rows = [
        {
            "lang": "ja",
            "label": "sale",
            "stage": "at",
            "title": "オフィス全品30%オフセール",
            "body": SALE_JA.split("---\n")[-1],
            "channel": "campaign",
            "source": "shop/site@1:sale.md",
        },
        {
            "lang": "en",
            "label": "howto",
            "stage": "post",
            "title": "Scheduled exports",
            "body": HOWTO_EN.split("---\n")[-1],
            "channel": "docs",
            "source": "acme/docs@2:docs/exports.md",
            "meta": {"path": "docs/exports.md"},
        },
    ]
    path = write("labelled.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    code, out, _ = run(["eval", str(path)])
    assert code == 0
    assert "== all ==" in out and "== en ==" in out and "== ja ==" in out
    assert "label: n=2" in out and "confusion" in out
    assert "ECE (10 bins)" in out and "insight posts called promotional" in out and "mean conf" in out
    assert "== per source type ==" in out and "campaign" in out and "docs" in out
    assert "== per repository ==" in out and "acme/docs" in out and "shop/site" in out
    data = json.loads(run(["eval", "--format", "json", str(path)])[1])
    assert data["schema"] == "contentlint.eval/2"
    report = data["report"]
    assert report["all"]["metrics"]["group"]["n"] == 2 and set(report["languages"]) == {"en", "ja"}
    assert report["all"]["alarms"]["insight_posts"] == 1 and 0 <= report["all"]["ece"] <= 1
    assert sum(row["n"] for row in report["all"]["reliability"]) == 2
    assert set(report["channels"]) == {"campaign", "docs"} and report["repositories"]["acme/docs"]["n"] == 1


def test_text_lines_in_the_interface_language(write: Callable[..., Path]) -> None:
    sale = write("sale.md", SALE_JA)
    code, out, _ = run(["classify", str(sale), "--ui-lang", "ja"])
    assert code == 0
    head, evidence = out.splitlines()
    assert head.startswith(f"{sale}:2: セール/購入時 (販促, ") and evidence.startswith("    根拠：“")
    code, out, _ = run(["classify", str(sale), "--ui-lang", "zh"])
    assert out.splitlines()[0].startswith(f"{sale}:2: 优惠/购买时 (促销, ")
    _, out, _ = run(["classify", str(sale), "--format", "json", "--ui-lang", "ja"])
    assert json.loads(out)["posts"][0]["label"] == "sale"  # JSON keeps the codes
