from contentlint.cli import run

run()
