from contentlint.cli import run; run()  # noqa: E702
