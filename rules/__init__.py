"""The default rule packs (YAML). Shipped inside the wheel as the package `contentlint.packs`."""
