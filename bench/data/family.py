"""Parse the compact family notation used by ham_families.py and spam_families.py.

A family is written as text: groups of lines separated by blank lines. Each group is one part
of a comment and each line in it an interchangeable alternative; "-" means "leave this part
out". A comment takes one alternative from every group, in order, joined by spaces.
"""


def families(raw: dict[str, str]) -> dict[str, list[list[str]]]:
    """Turn {"topic/variant": text} into {"topic/variant": [[alternative, ...], ...]}."""
    parsed: dict[str, list[list[str]]] = {}
    for name, text in raw.items():
        groups = [group for group in text.strip().split("\n\n") if group.strip()]
        parsed[name] = [[line.strip() for line in g.splitlines() if line.strip()] for g in groups]
    return parsed
