"""The English catalogue: extract every shown text from the code, keep the .ts up to date, check it.

    python scripts/translations.py update   # add new texts (unfinished), drop vanished ones
    python scripts/translations.py check    # exit 1 on any untranslated or unmarked text
    python scripts/translations.py compile OUT_DIR   # .ts → .qm with pyside6-lrelease

What counts as a shown text (Japanese is the source language):
- ``_t("…")`` and ``N_("…")`` in a module that declares ``_t = translator("Context")``;
- ``translate("Context", "…")`` anywhere;
- the labels of the code lists in desktop/services/labels.py (context "Labels").

What the check refuses:
- in the UI (desktop/ui, desktop/app.py): a Japanese literal outside those calls, unless its line
  says ``# i18n: ja`` (the language's own name, for instance) — docstrings are not shown;
- anywhere in desktop/: a Japanese literal given to an exception (its message is shown), unless
  wrapped; and an f-string given to ``_t`` (the catalogue needs the template: use .format);
- a catalogue entry that is missing, unfinished, still Japanese (other than words quoted from
  the source, such as 令和7年4月1日 in an example), or with a {placeholder} the source has not.
Printed forms, exports, demo data and the audit trail stay Japanese and are not scanned for
literals (desktop/documents, demo, ledger columns), but their error messages are.
"""

from __future__ import annotations

import ast
import builtins
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desktop"
TS_FILE = ROOT / "resources" / "translations" / "tsunagi_en.ts"
UI_SCOPE = ("desktop/ui/", "desktop/app.py")
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]+")
# Japanese an English text may keep, quoted from its source: what a person types or finds in
# a Japanese file (a 和暦 date, the ledger's column names and values), the menu's own name.
QUOTED = frozenset({"令和", "年", "月", "日", "山田", "太郎", "ケース番号", "氏名", "受付日",
                    "男性", "女性", "その他", "継続就労", "離職", "連絡不能", "（", "）",
                    "表示言語"})
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?:![rsa])?(?::[^{}]*)?\}")
BUILTIN_EXCEPTIONS = frozenset(n for n, v in vars(builtins).items()
                               if isinstance(v, type) and issubclass(v, BaseException))
MARK = "# i18n: ja"

Key = tuple[str, str]


@dataclass
class Extracted:
    messages: dict[Key, str] = field(default_factory=dict)  # (context, source) → "file:line"
    problems: list[str] = field(default_factory=list)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _module_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "_t"
                and isinstance(node.value, ast.Call) and _name(node.value.func) == "translator"
                and node.value.args and isinstance(node.value.args[0], ast.Constant)):
            return str(node.value.args[0].value)
    return None


def _docstrings(tree: ast.Module) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def exception_classes(trees: list[ast.Module]) -> frozenset[str]:
    """The names of the exceptions defined in desktop/ (their messages are shown to people)."""
    names = set(BUILTIN_EXCEPTIONS)
    classes = [n for t in trees for n in ast.walk(t) if isinstance(n, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for c in classes:
            if c.name not in names and any(_name(b) in names for b in c.bases):
                names.add(c.name)
                grew = True
    return frozenset(names)


def _scan(path: Path, rel: str, out: Extracted, exceptions: frozenset[str]) -> None:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, rel)
    context = _module_context(tree)
    covered: set[int] = _docstrings(tree)
    in_ui = rel.startswith(UI_SCOPE)

    def add(ctx: str, node: ast.expr, where: int) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.messages.setdefault((ctx, node.value), f"{rel}:{where}")
            covered.add(id(node))
        elif isinstance(node, ast.JoinedStr):
            out.problems.append(f"{rel}:{where}: an f-string given to a translation; "
                                "translate the template and use .format()")

    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in ("_t", "N_") and node.args:
            if context is None:
                out.problems.append(f"{rel}:{node.lineno}: {name}() without "
                                    "_t = translator(...) in the module")
                continue
            add(context, node.args[0], node.lineno)
        elif (name == "translate" and len(node.args) == 2
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            add(node.args[0].value, node.args[1], node.lineno)

    def marked(lineno: int, end: int | None) -> bool:
        return any(MARK in lines[i - 1] for i in range(lineno, (end or lineno) + 1))

    def japanese_literals(node: ast.AST) -> list[ast.Constant]:
        return [n for n in ast.walk(node) if isinstance(n, ast.Constant)
                and isinstance(n.value, str) and JAPANESE.search(n.value)
                and id(n) not in covered]

    if in_ui:
        for lit in japanese_literals(tree):
            if not marked(lit.lineno, lit.end_lineno):
                out.problems.append(f"{rel}:{lit.lineno}: Japanese text not translated: "
                                    f"{lit.value[:30]!r}")
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in exceptions:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                for lit in japanese_literals(arg):
                    if not marked(lit.lineno, lit.end_lineno):
                        out.problems.append(f"{rel}:{lit.lineno}: message not translated: "
                                            f"{lit.value[:30]!r}")


def _labels(out: Extracted) -> None:
    sys.path.insert(0, str(ROOT))
    from desktop.services import labels

    for name, value in vars(labels).items():
        if not name.isupper() or not isinstance(value, (dict, list)):
            continue
        for text in (value.values() if isinstance(value, dict) else value):
            if isinstance(text, str) and text:
                out.messages.setdefault(("Labels", text), "desktop/services/labels.py")


def extract() -> Extracted:
    out = Extracted()
    paths = [p for p in sorted(SOURCE.rglob("*.py")) if "migrations" not in p.parts]
    exceptions = exception_classes([ast.parse(p.read_text(encoding="utf-8")) for p in paths])
    for path in paths:
        _scan(path, path.relative_to(ROOT).as_posix(), out, exceptions)
    _labels(out)
    return out


@dataclass
class Entry:
    translation: str
    finished: bool


def read_catalogue(path: Path = TS_FILE) -> dict[Key, Entry]:
    if not path.exists():
        return {}
    entries: dict[Key, Entry] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = (tr.text or "") if tr is not None else ""
            kind = tr.get("type", "") if tr is not None else "unfinished"
            entries[(name, msg.findtext("source") or "")] = Entry(text, kind == "")
    return entries


def write_catalogue(entries: dict[Key, Entry], path: Path = TS_FILE) -> None:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="ja_JP")
    for name in sorted({k[0] for k in entries}):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for (c, source), entry in sorted(entries.items()):
            if c != name:
                continue
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            tr = ET.SubElement(msg, "translation")
            tr.text = entry.translation
            if not entry.finished:
                tr.set("type", "unfinished")
    ET.indent(root, space="    ")
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def update() -> dict[Key, Entry]:
    found = extract()
    old = read_catalogue()
    merged = {key: old.get(key, Entry("", False)) for key in found.messages}
    write_catalogue(merged)
    return merged


def check(catalogue_path: Path = TS_FILE) -> list[str]:
    found = extract()
    problems = list(found.problems)
    catalogue = read_catalogue(catalogue_path)
    for key, where in sorted(found.messages.items(), key=lambda kv: kv[1]):
        entry = catalogue.get(key)
        label = f"{where}: [{key[0]}] {key[1][:40]!r}"
        if entry is None:
            problems.append(f"{label}: not in {TS_FILE.name} (run scripts/translations.py update)")
        elif not entry.finished or not entry.translation.strip():
            problems.append(f"{label}: no English translation yet")
        elif any(run not in QUOTED or run not in key[1]
                 for run in JAPANESE_RUN.findall(entry.translation)):
            problems.append(f"{label}: the English text still has Japanese in it")
        elif not set(PLACEHOLDER.findall(entry.translation)) <= set(PLACEHOLDER.findall(key[1])):
            problems.append(f"{label}: the English text has a placeholder the source has not")
    return problems


def compile_catalogue(out_dir: Path) -> Path:
    """pyside6-lrelease at build time; the .qm is not kept in git."""
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent
                                                       / "pyside6-lrelease")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / TS_FILE.with_suffix(".qm").name
    subprocess.run([lrelease, "-silent", str(TS_FILE), "-qm", str(target)], check=True)
    return target


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        entries = update()
        todo = sum(1 for e in entries.values() if not e.finished)
        print(f"{len(entries)} texts, {todo} without an English translation")
        return 0
    if command == "check":
        problems = check()
        for p in problems:
            print(p)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    if command == "compile":
        print(compile_catalogue(Path(argv[1]) if len(argv) > 1 else TS_FILE.parent))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
