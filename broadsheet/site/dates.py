"""How readers type dates: in the site's own date format, or as ISO 8601.

A browser's ``<input type="date">`` shows the format of the reader's browser locale, whatever the
site's (a site showing 06.12.2025 offered mm/dd/yyyy). The search form uses text inputs instead,
which take dates the way the site writes them.

Terms:

- *date format*: a Django date format string (``SiteSettings.date_format``), e.g. ``d.m.Y``.
- *entry format*: how a reader types a date on that site, as a ``strptime`` pattern and a
  placeholder. It is the date format itself when that is made only of day, month and year
  numbers (``d j m n Y y``) and separators; otherwise (month or weekday names, ``N j, Y``,
  whose spelling depends on the language) it is ISO 8601, ``yyyy-mm-dd``.

ISO 8601 is always accepted as well, so links written with ``2025-12-06`` keep working.
"""

from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

ISO = "%Y-%m-%d"

# Django date-format characters a reader can type as digits: strptime directive, placeholder.
_NUMBERS = {
    "d": ("%d", pgettext_lazy("date placeholder: day, two digits", "dd")),
    "j": ("%d", pgettext_lazy("date placeholder: day", "d")),
    "m": ("%m", pgettext_lazy("date placeholder: month, two digits", "mm")),
    "n": ("%m", pgettext_lazy("date placeholder: month", "m")),
    "Y": ("%Y", pgettext_lazy("date placeholder: year, four digits", "yyyy")),
    "y": ("%y", pgettext_lazy("date placeholder: year, two digits", "yy")),
}
_PARTS = ({"d", "j"}, {"m", "n"}, {"Y", "y"})


@dataclass(frozen=True)
class EntryFormat:
    pattern: str  # for strptime and strftime, e.g. "%d.%m.%Y"
    placeholder: str  # e.g. "dd.mm.yyyy"


def entry_format(date_format: str) -> EntryFormat:
    """The entry format for a site whose dates read as ``date_format`` (placeholder translated)."""
    pattern, placeholder, used = [], [], []
    chars = iter(date_format)
    for char in chars:
        if char == "\\":
            literal = next(chars, "")
        elif char in _NUMBERS:
            directive, letters = _NUMBERS[char]
            pattern.append(directive)
            placeholder.append(str(letters))
            used.append(char)
            continue
        elif char.isalpha():
            return entry_format("Y-m-d")
        else:
            literal = char
        pattern.append(literal.replace("%", "%%"))
        placeholder.append(literal)
    if any(sum(char in part for char in used) != 1 for part in _PARTS):
        return entry_format("Y-m-d")
    return EntryFormat("".join(pattern).strip(), "".join(placeholder).strip())
