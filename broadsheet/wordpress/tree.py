"""Where new children go in Wagtail's page tree, worked out before they are written.

Wagtail keeps pages in a materialised path tree (django-treebeard's ``MP_Node``): a page's
``path`` is its parent's path followed by one *step* of ``steplen`` characters in
``alphabet`` (``Page.steplen`` = 4, ``Page.alphabet`` = digits then capitals), and its
``depth`` is the number of steps. Children are ordered by path; treebeard's ``add_child``
gives a new child the step after its parent's last child, or the first step (``0001``) to a
parent without children. :func:`child_paths` gives the same paths for several children at once.
"""


def child_paths(
    parent_path: str, last_child_path: str | None, count: int, *, steplen: int, alphabet: str
) -> list[str]:
    """The paths of ``count`` new children appended after ``last_child_path`` (None when the
    parent has no children yet), as treebeard's ``add_child`` would give them one by one."""
    base = len(alphabet)
    first = 1
    if last_child_path is not None:
        step = last_child_path[len(parent_path) :]
        first = sum(alphabet.index(c) * base**i for i, c in enumerate(reversed(step))) + 1
    if first + count > base**steplen:
        raise ValueError(f"no room for {count} more children under {parent_path}")
    return [parent_path + _step(n, steplen, alphabet) for n in range(first, first + count)]


def _step(number: int, steplen: int, alphabet: str) -> str:
    digits = []
    for _ in range(steplen):
        number, digit = divmod(number, len(alphabet))
        digits.append(alphabet[digit])
    return "".join(reversed(digits))
