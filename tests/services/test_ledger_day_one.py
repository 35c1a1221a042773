"""A real office's ledger on day one: the spellings of its fixed lists (the table in
docs/LEDGER.md, tested row by row), its 支援要請先 column and its 担当者 column."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import CaseAssignment, Consent, Episode, HelloWorkOffice, Person, Referral
from desktop.services.errors import DomainError
from desktop.services.labels import CATEGORIES, CHECKPOINT_RESULTS, SEXES, TERM_CATEGORIES
from desktop.services.ledger import SPELLINGS, spelled, spelling_key
from desktop.services.organisations import OrganisationInput
from tests.conftest import PASSWORD, World, accept_initial_passwords

DOC = Path(__file__).resolve().parents[2] / "docs" / "LEDGER.md"
COLUMN_KIND = {"性別": "sex", "対象者区分": "category", "雇用期間区分": "term",
               "1・3・6か月定着": "check"}
LABELS = {"sex": SEXES, "category": CATEGORIES, "term": TERM_CATEGORIES,
          "check": CHECKPOINT_RESULTS}


def _documented_rows() -> list[tuple[str, str, str]]:
    """(kind, spelling, label) for every spelling in the documented table."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("### 一覧から選ぶ列の表記", 1)[1].split("\n### ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in COLUMN_KIND:
            for spelling in cells[1].split("・"):
                rows.append((COLUMN_KIND[cells[0]], spelling, cells[2]))
    return rows


DOCUMENTED = _documented_rows()


@pytest.mark.parametrize(("kind", "spelling", "label"), DOCUMENTED,
                         ids=[f"{k}:{s}" for k, s, _ in DOCUMENTED])
def test_each_documented_spelling_reads_as_its_label(kind: str, spelling: str,
                                                     label: str) -> None:
    code = next(c for c, text in LABELS[kind].items() if text == label)
    assert spelled(kind, spelling) == code
    # The folds the document promises: width, spaces, the counter of 月, the range mark.
    assert spelled(kind, f" {spelling.translate(str.maketrans('0123456789', '０１２３４５６７８９'))}　") == code
    for counter in "ヶヵカケ箇":
        assert spelled(kind, spelling.replace("か月", f"{counter}月")) == code
    for mark in "~～":
        assert spelled(kind, spelling.replace("〜", mark)) == code


def test_the_document_lists_the_whole_table() -> None:
    documented = {(k, spelling_key(s)) for k, s, _ in DOCUMENTED}
    for kind, table in SPELLINGS.items():
        for spelling, code in table.items():
            assert spelling == code or (kind, spelling) in documented, (kind, spelling)


@pytest.mark.parametrize(("kind", "text"), [
    ("term", "半年"), ("term", "4か月未満"), ("sex", "M"), ("check", "△"),
    ("category", "生活"), ("term", "")])
def test_unknown_spellings_are_not_guessed(kind: str, text: str) -> None:
    assert spelled(kind, text) is None


HEADER = ("ケース番号,氏名,フリガナ,生年月日,対象者区分,担当者,受付日,同意日,支援要請日,"
          "支援要請先,支援開始日,就職日,事業所名,雇用期間区分,3か月定着\n")


def _ledger(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "ledger.csv"
    path.write_text(header + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _count(world: World, model: type) -> int:
    with world.services.ctx.db.read() as s:
        return s.scalar(select(func.count(model.id))) or 0  # type: ignore[attr-defined]


def test_unknown_spellings_are_rejected_with_the_accepted_ones(world: World,
                                                               tmp_path: Path) -> None:
    path = _ledger(tmp_path, "B-1,代田 花子,シロタ ハナコ,S60.5.1,生保,,R7.4.1,R7.4.3,R7.4.8,"
                             "ハローワーク新宿,R7.4.15,R7.5.1,株式会社ひかり物流,半年,済")
    (error,) = world.services.ledger.preview(world.admin, path).errors
    assert error.column == "雇用期間区分" and "「半年」" in error.reason
    for accepted in ("定めなし", "4か月以上", "1か月以上4か月未満", "1か月未満", "無期", "1〜4か月"):
        assert accepted in error.reason


def test_the_hello_work_column_names_each_rows_office(world: World, tmp_path: Path) -> None:
    ledger = world.services.ledger
    path = _ledger(
        tmp_path,
        "H-1,代田 花子,シロタ ハナコ,S60.5.1,生活保護,石原 正人,R7.4.1,R7.4.3,R7.4.8,"
        "ﾊﾛｰﾜｰｸ新宿,R7.4.15,R7.5.1,株式会社ひかり物流,無期,○ R7.8.1",
        "H-2,森 一郎,モリ イチロウ,S55.1.2,生活保護受給者,,R7.4.2,R7.4.4,R7.4.9,"
        "ハローワーク横浜,,,,,",
        "H-3,関 陽子,セキ ヨウコ,S49.7.1,困窮者,cwa,R7.4.3,,,,,,,,")
    preview = ledger.preview(world.admin, path)
    assert (preview.count("new"), preview.unknown_offices) == (3, ["ハローワーク横浜"])
    with pytest.raises(DomainError, match="ハローワーク横浜"):
        ledger.import_file(world.admin, path)
    assert _count(world, Person) == 0 and _count(world, HelloWorkOffice) == 1

    result = ledger.import_file(world.admin, path, create_offices=True)
    assert (result.imported, result.rejected) == (3, 0)
    with world.services.ctx.db.read() as s:
        offices = dict(s.execute(select(HelloWorkOffice.name, HelloWorkOffice.id)).all())
        assert set(offices) == {"ハローワーク新宿", "ハローワーク横浜"}
        rows = s.execute(select(Person.case_number, Referral.office_id, Consent.recipients)
                         .select_from(Referral)
                         .join(Episode, Episode.id == Referral.episode_id)
                         .join(Person, Person.id == Episode.person_id)
                         .join(Consent, Consent.episode_id == Referral.episode_id)
                         .where(Consent.kind == "information_sharing")).all()
        assert {r.case_number: (r.office_id, r.recipients) for r in rows} == {
            "H-1": (offices["ハローワーク新宿"], ["ハローワーク新宿"]),
            "H-2": (offices["ハローワーク横浜"], ["ハローワーク横浜"])}
        owners = dict(s.execute(select(Person.case_number, Person.caseworker_id)).all())
        assert owners == {"H-1": world.cw_b.user_id, "H-2": None, "H-3": world.cw_a.user_id}
        lines = s.execute(select(CaseAssignment.reason, CaseAssignment.effective_on)
                          .order_by(CaseAssignment.effective_on)).all()
        assert [(r.reason, r.effective_on.isoformat()) for r in lines] == [
            ("import", "2025-04-01"), ("import", "2025-04-03")]
    assert world.services.persons.get_person(world.cw_b, _id(world, "H-1")).case_number == "H-1"


def _id(world: World, case_number: str):  # type: ignore[no-untyped-def]
    with world.services.ctx.db.read() as s:
        return s.scalar(select(Person.id).where(Person.case_number == case_number))


def test_without_the_column_the_office_must_be_unambiguous(world: World, tmp_path: Path) -> None:
    ledger, offices = world.services.ledger, world.services.offices
    header = "ケース番号,氏名,フリガナ,生年月日,対象者区分,受付日,同意日,支援要請日\n"
    path = _ledger(tmp_path, "U-1,代田 花子,シロタ ハナコ,S60.5.1,生活保護,R7.4.1,R7.4.3,R7.4.8",
                   header=header)
    assert ledger.import_file(world.admin, path).imported == 1  # the only office
    second = offices.add_office(world.admin, "ハローワーク池袋")
    path = _ledger(tmp_path, "U-2,森 一郎,モリ イチロウ,S55.1.2,生活保護,R7.4.2,R7.4.4,R7.4.9",
                   header=header)
    with pytest.raises(DomainError, match="--office"):
        ledger.import_file(world.admin, path)
    assert ledger.import_file(world.admin, path, office_id=second.id).imported == 1
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.office_id)
                        .join(Episode, Episode.id == Referral.episode_id)
                        .join(Person, Person.id == Episode.person_id)
                        .where(Person.case_number == "U-2")) == second.id


def test_a_supervisor_assigns_only_their_organisations_staff(world: World,
                                                            tmp_path: Path) -> None:
    west = world.services.organisations.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長"))
    world.services.auth.add_user(world.admin, "cw9", "西区 担当", "caseworker", PASSWORD,
                                 west.id)
    accept_initial_passwords(world.services)
    path = _ledger(tmp_path, "W-1,関 陽子,セキ ヨウコ,S49.7.1,生活困窮者,cw9,R7.4.3,,,,,,,,")
    (error,) = world.services.ledger.preview(world.supervisor, path).errors
    assert error.column == "担当者" and re.search("cw9", error.reason)
    assert world.services.ledger.import_file(world.admin, path).imported == 1
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Person.organisation_id).where(
            Person.case_number == "W-1")) == west.id
