"""Where the shipped data is: the rule packs in the wheel (and the YAML files of a pack path given in config), and
the trained models."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent / "models"  # one folder per language, and the card of them all


def default_pack_files() -> list[Path]:
    """The YAML packs shipped inside the package (the repo's top-level rules/ folder)."""
    root = resources.files("contentlint.packs")
    return sorted(Path(str(entry)) for entry in root.iterdir() if entry.name.endswith((".yaml", ".yml")))


def pack_files(path: Path) -> list[Path]:
    """The YAML files of a pack path given in config: a folder's *.yaml and *.yml, or the file itself."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]
