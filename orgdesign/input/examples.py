"""The bundled example org files and a one-line summary of each."""

from __future__ import annotations

from pathlib import Path

from orgdesign.resources import data_dir


def bundled() -> list[tuple[str, str]]:
    """(path, summary) for each example; the summary is its first comment line."""
    folder = data_dir("examples")
    out = []
    for path in sorted(folder.glob("*")):
        if path.suffix in (".yaml", ".yml", ".json"):
            out.append((_shown(path), _summary(path)))
    return out


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _summary(path: Path) -> str:
    """The first sentence of the file's header comment."""
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        header.append(stripped.lstrip("#").strip())
    sentence = " ".join(part for part in header if part).split(". ")[0].rstrip(".")
    if sentence:
        return sentence
    import json

    if path.suffix == ".json":
        org = json.loads(text).get("organization", {})
        return (
            f"{org.get('name', path.stem)}: {org.get('industry', '')}, {org.get('region', '')}, {org.get('size', '')}"
        )
    return path.stem
