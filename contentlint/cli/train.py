"""`contentlint train CORPUS...`: train and ship the per-language classifiers."""

from __future__ import annotations

from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import ui_lang_option
from contentlint.i18n import N_
from contentlint.lang import SUPPORTED
from contentlint.nlp import pipeline

# The training settings' defaults, repeated here so that starting the CLI does not import the training code.
ARCHITECTURES = ("bow", "bow2", "ensemble", "reduce")
DEFAULT_ARCH, DEFAULT_EPOCHS, DEFAULT_SEED, DEFAULT_FOLDS = "bow", 5, 0, 5


@click.command(
    "train",
    cls=TranslatedCommand,
    help=N_("Train the classifier from labelled JSONL corpora (files or folders of *.jsonl)."),
)
@click.argument(
    "corpora", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar=N_("CORPUS...")
)
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=click.Choice(list(SUPPORTED)),
    help=N_("Languages to train (default: all; the card keeps the others)."),
)
@click.option(
    "--arch",
    type=click.Choice(ARCHITECTURES),
    default=DEFAULT_ARCH,
    show_default=True,
    help=N_("spaCy textcat architecture."),
)
@click.option("--epochs", type=click.IntRange(1, 200), default=DEFAULT_EPOCHS, show_default=True)
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True)
@click.option(
    "--folds",
    type=click.IntRange(2, 20),
    default=DEFAULT_FOLDS,
    show_default=True,
    help=N_("Cross-validation folds (by source) for the card's metrics, the calibration and the threshold."),
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    metavar=N_("DIRECTORY"),
    default=pipeline.MODELS_DIR,
    show_default=True,
    help=N_("Where the models and MODEL_CARD.md are written."),
)
@click.option("--dry-run", is_flag=True, help=N_("Cross-validate only; write nothing."))
@click.option(
    "--oof",
    type=click.Path(file_okay=False, path_type=Path),
    metavar=N_("DIRECTORY"),
    help=N_("Also write the out-of-fold text-model scores here (for comparing combiners)."),
)
@ui_lang_option
def command(
    corpora: tuple[Path, ...],
    langs: tuple[str, ...],
    arch: str,
    epochs: int,
    seed: int,
    folds: int,
    output: Path,
    dry_run: bool,
    oof: Path | None,
    ui_lang: str | None,
) -> int:
    from contentlint.nlp.corpus import read_corpora
    from contentlint.nlp.modelbuild import BuildPlan, build, command_line
    from contentlint.nlp.modelcard import write_card
    from contentlint.nlp.training import TrainSettings

    records = read_corpora(corpora)
    settings = TrainSettings(arch=arch, epochs=epochs, seed=seed)
    plan = BuildPlan(
        corpora=tuple(str(c) for c in corpora),
        langs=langs or SUPPORTED,
        settings=settings,
        folds=folds,
        output=None if dry_run else output,
        oof=oof,
    )
    language = i18n.resolve(ui_lang)
    catalogue = i18n.translations(language)
    # the progress lines are `i18n.Text`s, made where the training runs: read here in the interface language
    card = build(plan, records, lambda msg: click.echo(i18n.localise(msg, language), err=True))
    for lang, entry in card["languages"].items():
        cv = entry["cv"]["all"]
        m, a = cv["metrics"], cv["alarms"]
        click.echo(
            catalogue.gettext(
                "{lang}: grouped CV on {n} real posts: label macro-F1 {label_f1:.3f}, group macro-F1 "
                "{group_f1:.3f}, stage macro-F1 {stage_f1:.3f}, ECE {ece:.3f}; P(promotional) threshold "
                "{threshold:.3f}: insight posts warned {warned}, warning precision {precision}"
            ).format(
                lang=lang,
                n=cv["n"],
                label_f1=m["label"]["macro_f1"],
                group_f1=m["group"]["macro_f1"],
                stage_f1=m["stage"]["macro_f1"],
                ece=cv["ece"],
                threshold=entry["promo_threshold"],
                warned=_pct(a["insight_warned"]),
                precision=_pct(a["warning_precision"]),
            )
        )
        if "cv_entries" not in entry:
            continue
        e = entry["cv_entries"]["all"]
        click.echo(
            catalogue.gettext(
                "{lang}: the same posts as calendar entries: label macro-F1 {label_f1:.3f}, group macro-F1 "
                "{group_f1:.3f}, ECE {ece:.3f}, insight entries warned {warned}"
            ).format(
                lang=lang,
                label_f1=e["metrics"]["label"]["macro_f1"],
                group_f1=e["metrics"]["group"]["macro_f1"],
                ece=e["ece"],
                warned=_pct(e["alarms"]["insight_warned"]),
            )
        )
    if not dry_run:
        write_card(card, output, command_line())
        click.echo(catalogue.gettext("models and MODEL_CARD.md written to {output}").format(output=output))
    return 0


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"
