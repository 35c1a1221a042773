"""The English catalogue: complete, compiled by pyside6-lrelease, and its checker catches what
it must (a shown Japanese text outside tr, an f-string given to tr, an untranslated message)."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from desktop import i18n

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
assert spec is not None and spec.loader is not None
translations = importlib.util.module_from_spec(spec)
sys.modules["translations"] = translations
spec.loader.exec_module(translations)
# The source tree does not change during a run: it is scanned once for the tests that read it
# (check() and extract() each scan every module, a few seconds a time).
translations.extract = functools.cache(translations.extract)


def test_every_shown_text_has_an_english_translation() -> None:
    problems = translations.check()
    assert problems == [], "\n".join(problems[:40])


def test_the_catalogue_holds_no_text_the_code_no_longer_shows() -> None:
    found = set(translations.extract().messages)
    stale = set(translations.read_catalogue()) - found
    assert stale == set(), sorted(stale)[:20]


def _scan(tmp_path: Path, rel: str, source: str) -> translations.Extracted:
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    out = translations.Extracted()
    translations._scan(path, rel, out, frozenset({"InvalidInput", "ValueError"}))
    return out


def test_the_checker_refuses_a_japanese_label_outside_tr_in_the_ui(tmp_path: Path) -> None:
    out = _scan(tmp_path, "desktop/ui/example.py",
                'from desktop.i18n import translator\n_t = translator("Example")\n'
                'a = _t("保存")\nb = "印刷"\nc = "日本語"  # i18n: ja\n')
    assert out.messages == {("Example", "保存"): "desktop/ui/example.py:3"}
    assert len(out.problems) == 1 and "印刷" in out.problems[0]


def test_the_checker_refuses_an_f_string_and_an_untranslated_message(tmp_path: Path) -> None:
    out = _scan(tmp_path, "desktop/services/example.py",
                'from desktop.i18n import translator\n_t = translator("Example")\n'
                'def f(n):\n'
                '    x = _t(f"{n}件")\n'
                '    raise InvalidInput("n", "数字で入力してください")\n'
                'note = "台帳取込"  # stored data, not a message: not flagged\n')
    assert any("f-string" in p for p in out.problems)
    assert any("数字で入力してください" in p for p in out.problems)
    assert len(out.problems) == 2


def test_a_missing_or_still_japanese_translation_is_reported(tmp_path: Path) -> None:
    catalogue = translations.read_catalogue()
    catalogue[("App", "予期しない問題")] = translations.Entry("予期しない problem", True)
    catalogue[("Labels", "支援中")] = translations.Entry("", False)
    catalogue[("Text", "{text}（{note}）")] = translations.Entry("{text} ({comment})", True)
    del catalogue[("App", "つなぎ")]
    broken = tmp_path / "broken.ts"
    translations.write_catalogue(catalogue, broken)
    problems = translations.check(broken)
    assert len(problems) == 4, problems
    assert any("'つなぎ'" in p and "not in" in p for p in problems)
    assert any("予期しない問題" in p and "still has Japanese" in p for p in problems)
    assert any("支援中" in p and "no English translation" in p for p in problems)
    assert any("placeholder" in p for p in problems)


def test_lrelease_compiles_the_catalogue_and_qt_translates_with_it(tmp_path: Path) -> None:
    qm = translations.compile_catalogue(tmp_path)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("App", "つなぎ") == "Tsunagi"
    assert translator.translate("Labels", "支援中") == "In support"
    assert translator.translate("MainWindow", "ファイル(&F)") == "&File"
    template = translator.translate("PersonView", "就労支援プラン 第{revision}版")
    assert template.format(revision=3) == "Employment support plan, revision 3"


def test_the_language_is_saved_per_pc_and_bad_values_fall_back_to_japanese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TSUNAGI_LANG", raising=False)
    assert i18n.saved_language(tmp_path) == "ja"
    (tmp_path / "preferences.json").write_text(json.dumps({"other": 1}), encoding="utf-8")
    i18n.save_language(tmp_path, "en")
    prefs = json.loads((tmp_path / "preferences.json").read_text(encoding="utf-8"))
    assert prefs == {"other": 1, "language": "en"}  # other preferences are kept
    assert i18n.saved_language(tmp_path) == "en"
    monkeypatch.setenv("TSUNAGI_LANG", "ja")
    assert i18n.saved_language(tmp_path) == "ja"
    monkeypatch.setenv("TSUNAGI_LANG", "fr")
    assert i18n.saved_language(tmp_path) == "ja"
    monkeypatch.delenv("TSUNAGI_LANG")
    (tmp_path / "preferences.json").write_text("{not json", encoding="utf-8")
    assert i18n.saved_language(tmp_path) == "ja"
    with pytest.raises(ValueError):
        i18n.save_language(tmp_path, "fr")


def test_dates_and_lists_follow_the_language() -> None:
    from datetime import date

    try:
        assert i18n.shown_date(date(2025, 4, 1)) == "令和7年4月1日"
        assert i18n.shown_fiscal_year(2025) == "令和7年度（2025年度）"
        assert i18n.listing(["a", "b"]) == "a、b"
        i18n.install(lambda context, text: {"、": ", "}.get(text, ""), "en")
        assert i18n.shown_date(date(2025, 4, 1)) == "2025-04-01"
        assert i18n.shown_fiscal_year(2025) == "FY2025"
        assert i18n.shown_month(2026, 1) == "2026-01"
        assert i18n.listing(["a", "b"]) == "a, b"
        assert i18n.translate("X", "未登録") == "未登録"  # unknown text: the source, never ""
    finally:
        i18n.install(None)
