"""The apps form one stack: each imports only apps beneath it (docs/architecture.md, "Layers").

Read from the source with ``ast``, so an import hidden inside a function counts as much as one at
the top of a module. The only imports allowed inside functions are those in an ``AppConfig``'s
``ready()``, where Django wants signal wiring done.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "broadsheet"

# Bottom first. An app may import the ones before it and none after it.
LAYERS = [
    "settings",  # configuration, and the pure functions that build it from the environment
    "core",  # site settings, absolute URLs, pagination, scheduling
    "images",
    "accounts",
    "caching",  # cache headers, generations, fragments: infrastructure, no content
    "articles",  # the page models and their reads
    "comments",
    "site",  # reader-facing: pages, search, navigation
    "feeds",
    "metadata",
    "live",  # live blogs and their entries
    "api",  # the content API v1 and its OpenAPI document
    "newsletters",  # subscribers, editions, the send ledger, bounces
    "wire",  # agency and partner feeds in, the wire desk
    "wordpress",  # the WordPress (WXR) import
    "webhooks",  # events sent to subscribers' receivers
    "freshness",  # every app's changes wired to generations and purges
    "ops",  # serving, health, logging
    "demo",
]
TOP_LEVEL = {"cli", "urls", "wsgi", "__init__"}  # broadsheet/*.py: may import any app


def _app_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "broadsheet" else None


def _imports(tree: ast.Module):
    """(imported module, line, whether inside a function, the function's name) for each import."""
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.module, child.lineno, function))
            visit(child, function)

    visit(tree, None)
    return found


def _sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        owner = relative.parts[0] if len(relative.parts) > 1 else relative.stem
        yield path, relative, owner


def test_every_app_has_a_place_in_the_stack():
    apps = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert apps == set(LAYERS), "place each new app in LAYERS and in docs/architecture.md"


def test_apps_import_only_what_lies_beneath_them():
    upward = []
    for path, relative, owner in _sources():
        if owner in TOP_LEVEL:
            continue
        rank = LAYERS.index(owner)
        for module, line, _function in _imports(ast.parse(path.read_text())):
            target = _app_of(module)
            if target is not None and target != owner and LAYERS.index(target) > rank:
                upward.append(f"broadsheet/{relative}:{line}: {owner} imports {module}")
    assert upward == []


def test_no_import_of_our_own_code_hides_inside_a_function():
    hidden = []
    for path, relative, _owner in _sources():
        for module, line, function in _imports(ast.parse(path.read_text())):
            if function is None or _app_of(module) is None and module != "broadsheet":
                continue
            if relative.name == "apps.py" and function == "ready":
                continue
            hidden.append(f"broadsheet/{relative}:{line}: {module} inside {function}()")
    assert hidden == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import broadsheet.site.views\n", [("broadsheet.site.views", 1, None)]),
        (
            "def f():\n    from broadsheet.comments import actions\n",
            [("broadsheet.comments", 2, "f")],
        ),
        ("from . import sibling\n", []),
    ],
)
def test_the_walk_sees_imports_wherever_they_are(source, expected):
    assert _imports(ast.parse(source)) == expected
