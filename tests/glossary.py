"""The glossary of docs/glossary.md as data, for the tests that hold texts to it."""

from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"


@dataclass
class Term:
    bulgarian: list
    english: list
    not_bulgarian: list
    not_english: list

    def avoided_in(self, text, language):
        """The spellings of this term that `text` uses but should not."""
        folded = text.casefold()
        avoided = self.not_bulgarian if language == "bg" else self.not_english
        return [form for form in avoided if form.casefold() in folded]


def _forms(cell):
    return [form.strip() for form in cell.split(";") if form.strip()]


def terms():
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| ---"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "Bulgarian":
            continue
        rows.append(Term(*(_forms(cell) for cell in cells)))
    return rows


def mentions(forms, text):
    folded = text.casefold()
    return any(form.casefold() in folded for form in forms)


def avoided_terms(text, language):
    """Every spelling the glossary rules out that `text` uses."""
    return [form for term in terms() for form in term.avoided_in(text, language)]
