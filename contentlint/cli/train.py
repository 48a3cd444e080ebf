"""`contentlint train CORPUS...`: train and ship the per-language classifiers."""
from __future__ import annotations

from pathlib import Path

import click

from contentlint.lang import SUPPORTED
from contentlint.nlp import pipeline

# The training settings' defaults, repeated here so that starting the CLI does not import the training code.
ARCHITECTURES = ("bow", "bow2", "ensemble", "reduce")
DEFAULT_ARCH, DEFAULT_EPOCHS, DEFAULT_SEED = "bow", 5, 0


@click.command("train")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path),
                metavar="CORPUS...")
@click.option("--lang", "langs", multiple=True, type=click.Choice(list(SUPPORTED)),
              help="Languages to train (default: all; the card keeps the others).")
@click.option("--arch", type=click.Choice(ARCHITECTURES), default=DEFAULT_ARCH, show_default=True,
              help="spaCy textcat architecture.")
@click.option("--epochs", type=click.IntRange(1, 200), default=DEFAULT_EPOCHS, show_default=True)
@click.option("--seed", type=int, default=DEFAULT_SEED, show_default=True)
@click.option("--holdout", type=click.FloatRange(0.05, 0.5), default=0.2, show_default=True,
              help="Share of records held out for the card's metrics and the cue weight.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=pipeline.MODELS_DIR,
              show_default=True, help="Where the models and MODEL_CARD.md are written.")
@click.option("--dry-run", is_flag=True, help="Measure on the held-out split only; write nothing.")
def command(corpora: tuple[Path, ...], langs: tuple[str, ...], arch: str, epochs: int, seed: int,
            holdout: float, output: Path, dry_run: bool) -> int:
    """Train the classifier from labelled JSONL corpora (files or folders of *.jsonl)."""
    from contentlint.corpus import read_corpora
    from contentlint.nlp.modelbuild import BuildPlan, build, command_line, write_card
    from contentlint.nlp.training import TrainSettings

    records = read_corpora(corpora)
    settings = TrainSettings(arch=arch, epochs=epochs, seed=seed)
    plan = BuildPlan(corpora=tuple(str(c) for c in corpora), langs=langs or SUPPORTED, settings=settings,
                     holdout=holdout, output=None if dry_run else output)
    card = build(plan, records, lambda msg: click.echo(msg, err=True))
    for lang, entry in card["languages"].items():
        held = entry["heldout"]
        click.echo(f"{lang}: held-out label acc {held['label']['accuracy']:.3f}, label macro-F1 "
                   f"{held['label']['macro_f1']:.3f}, group macro-F1 {held['group']['macro_f1']:.3f}, stage "
                   f"macro-F1 {held['stage']['macro_f1']:.3f} (n={held['label']['n']}, cue weight "
                   f"{entry['cue_weight']})")
    if not dry_run:
        write_card(card, output, command_line())
        click.echo(f"models and MODEL_CARD.md written to {output}")
    return 0
