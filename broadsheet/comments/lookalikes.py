"""Characters spammers write in place of Latin letters: the one table comment text is folded by.

The word lists (``text.normalise``) and the spam filter's features (``spamfilter.features``)
both undo these, so a banned word and a learned one are recognised in the same disguises.
"""

# Cyrillic and Greek letters that look like Latin ones.
LETTERS: dict[str, str] = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",  # Cyrillic
    "ј": "j", "ѕ": "s", "ԁ": "d", "ӏ": "l", "к": "k", "м": "m", "н": "h", "т": "t", "в": "b",
    "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",  # Greek
    "υ": "u", "χ": "x", "ω": "w",
}  # fmt: skip

# Leetspeak: digits read as letters, and symbols that stand for a letter inside a word.
DIGITS: dict[str, str] = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"}
SYMBOLS: dict[str, str] = {"@": "a", "$": "s", "!": "i", "|": "l", "€": "e"}
