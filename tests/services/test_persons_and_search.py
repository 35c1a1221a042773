"""Intake validation, optimistic locking, duplicate warning and incremental search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.services.caseload import CaseloadFilter, CaseloadService
from desktop.services.errors import InvalidInput, PermissionDenied, StaleRecord
from desktop.services.persons import CaseNumberHint, PersonInput
from tests.conftest import Clock, World
from tests.services.helpers import to_state

# Search on every back end, including PostgreSQL without pg_trgm (the gram table).
ALL_SEARCH_BACKENDS = pytest.mark.backends("sqlite", "postgresql", "postgresql_no_trgm")

BASE = PersonInput("C-1", "山田", "太郎", "やまだ", "ﾀﾛｳ", date(1980, 4, 1), "public_assistance",
                   postal_code="１６０－００２３", phone_mobile="09012345678")


def test_intake_normalises_kana_postal_code_and_phone(world: World) -> None:
    record = world.services.persons.create_person(world.cw_a, BASE)
    assert (record.family_kana, record.given_kana) == ("ヤマダ", "タロウ")
    assert record.postal_code == "160-0023"
    assert record.phone_mobile == "09012345678"
    assert record.caseworker_id == world.cw_a.user_id


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"family_kana": "山田"}, "family_kana", "カタカナ"),
        ({"postal_code": "160"}, "postal_code", "郵便番号"),
        ({"phone_home": "03-123"}, "phone_home", "桁数"),
        ({"family_name": " "}, "family_name", "氏を入力"),
        ({"birth_date": date(2030, 1, 1)}, "birth_date", "未来"),
        ({"category": "vip"}, "category", "対象者区分"),
    ],
)
def test_bad_input_is_refused_with_field_and_message(
        world: World, change: dict[str, object], field: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as err:
        world.services.persons.create_person(world.cw_a, replace(BASE, **change))
    assert err.value.field == field and fragment in err.value.message
    assert world.services.search.search(world.admin, "ヤマダ") == []


def test_case_number_is_unique(world: World) -> None:
    world.services.persons.create_person(world.cw_a, BASE)
    with pytest.raises(InvalidInput, match="既に使われています"):
        world.services.persons.create_person(world.cw_a, replace(BASE, given_name="次郎",
                                                                 given_kana="ジロウ"))


def test_duplicate_warning_on_same_reading_and_birth_date(world: World) -> None:
    world.services.persons.create_person(world.cw_b, BASE)
    dupes = world.services.persons.possible_duplicates(world.cw_a, "ヤマダ", "たろう",
                                                       date(1980, 4, 1))
    assert [d.case_number for d in dupes] == ["C-1"]
    assert world.services.persons.possible_duplicates(world.cw_a, "ヤマダ", "タロウ",
                                                      date(1980, 4, 2)) == []


def test_second_save_of_a_stale_copy_is_refused(world: World) -> None:
    persons = world.services.persons
    record = persons.create_person(world.cw_a, BASE)
    persons.update_person(world.cw_a, record.id, record.version,
                          replace(BASE, address="東京都新宿区西新宿1-1"))
    with pytest.raises(StaleRecord, match="他の利用者"):
        persons.update_person(world.supervisor, record.id, record.version,
                              replace(BASE, address="東京都新宿区大久保2-2"))
    assert persons.get_person(world.cw_a, record.id).address == "東京都新宿区西新宿1-1"


@ALL_SEARCH_BACKENDS
def test_update_refreshes_search_keys(world: World) -> None:
    persons = world.services.persons
    record = persons.create_person(world.cw_a, BASE)
    persons.update_person(world.cw_a, record.id, record.version,
                          replace(BASE, family_name="佐藤", family_kana="サトウ"))
    assert world.services.search.search(world.cw_a, "やまだ") == []
    assert [h.family_name for h in world.services.search.search(world.cw_a, "さとう")] == ["佐藤"]


@pytest.fixture
def people(world: World) -> World:
    for i, (fam, giv, fk, gk) in enumerate([
        ("代田", "花子", "シロタ", "ハナコ"), ("山田", "太郎", "ヤマダ", "タロウ"),
        ("山本", "一郎", "ヤマモト", "イチロウ"), ("田中", "陽子", "タナカ", "ヨウコ"),
        ("林", "誠", "ハヤシ", "マコト"), ("東", "葵", "ヒガシ", "アオイ"),
        ("小山田", "太郎", "オヤマダ", "タロウ"),
    ]):
        world.person(family_name=fam, given_name=giv, family_kana=fk, given_kana=gk,
                     case_number=f"2024-{i + 1:04d}")
    return world


def _names(world: World, query: str) -> list[str]:
    return [h.family_name + h.given_name for h in world.services.search.search(world.cw_a, query)]


@ALL_SEARCH_BACKENDS
def test_one_and_two_character_names_are_found(people: World) -> None:
    assert _names(people, "林") == ["林誠"]
    assert _names(people, "東") == ["東葵"]
    assert _names(people, "代田") == ["代田花子"]
    assert set(_names(people, "山")) == {"山田太郎", "山本一郎"}


@ALL_SEARCH_BACKENDS
def test_reading_in_hiragana_katakana_and_half_width(people: World) -> None:
    for query in ("やまだ", "ヤマダ", "ﾔﾏﾀﾞ", "ヤマダ　タロウ"):
        assert _names(people, query)[0] == "山田太郎", query
    assert _names(people, "しろ") == ["代田花子"]


@ALL_SEARCH_BACKENDS
def test_three_or_more_characters_match_inside_names(people: World) -> None:
    assert set(_names(people, "田太郎")) == {"山田太郎", "小山田太郎"}
    # Prefix matches rank before substring matches.
    assert _names(people, "ヤマダ") == ["山田太郎", "小山田太郎"]


@ALL_SEARCH_BACKENDS
def test_given_name_and_case_number(people: World) -> None:
    assert set(_names(people, "タロウ")) == {"山田太郎", "小山田太郎"}
    assert _names(people, "2024-0005") == ["林誠"]
    assert _names(people, "２０２４－０００５") == ["林誠"]


@ALL_SEARCH_BACKENDS
def test_a_case_number_is_found_from_any_part_of_it(people: World) -> None:
    """Caseworkers quote the last digits: 「05」 or 「4-000」 find 2024-0005 and friends; a
    prefix still ranks first."""
    assert _names(people, "05") == ["林誠"]
    assert _names(people, "5") == ["林誠"]
    assert _names(people, "０５") == ["林誠"]
    assert set(_names(people, "4-000")) == {
        "代田花子", "山田太郎", "山本一郎", "田中陽子", "林誠", "東葵", "小山田太郎"}
    assert _names(people, "0005") == ["林誠"]
    assert _names(people, "やまだ 07") == ["小山田太郎"]
    assert _names(people, "山 03") == ["山本一郎"]
    assert _names(people, "20")[:1] and set(_names(people, "20")) == set(_names(people, "2024"))
    assert _names(people, "99") == []


@ALL_SEARCH_BACKENDS
def test_multi_term_queries_must_all_match(people: World) -> None:
    assert _names(people, "山 タロウ") == ["山田太郎"]
    assert _names(people, "ヤマ イチ") == ["山本一郎"]


@ALL_SEARCH_BACKENDS
def test_no_match_and_blank(people: World) -> None:
    assert _names(people, "鈴木") == []
    assert _names(people, "   ") == []
    assert _names(people, '"') == []


@ALL_SEARCH_BACKENDS
def test_results_are_limited(people: World) -> None:
    assert len(people.services.search.search(people.cw_a, "タ", limit=2)) == 2


@pytest.fixture
def filtered(world: World) -> dict[str, object]:
    """Four 山田 in different states: one still a candidate, one 支援中, one whose only
    episode is closed, and one closed once and taken on again (a 候補 now); and one of
    cw_b's (a different category)."""
    wf = world.services.workflow
    candidate = world.person(given_name="一郎", given_kana="イチロウ")
    to_state(world, candidate, "candidate")
    active = world.person(given_name="二郎", given_kana="ジロウ", category="needy")
    to_state(world, active, "active")
    closed = world.person(given_name="三郎", given_kana="サブロウ")
    wf.close_episode(world.cw_a, to_state(world, closed, "candidate"), date(2026, 5, 1),
                     "辞退")
    again = world.person(given_name="四郎", given_kana="シロウ")
    wf.close_episode(world.cw_a, to_state(world, again, "candidate"), date(2026, 4, 20),
                     "辞退")
    wf.open_episode(world.cw_a, again, date(2026, 5, 10))
    theirs = world.person(by=world.cw_b, given_name="五郎", given_kana="ゴロウ")
    to_state(world, theirs, "candidate", by=world.cw_b)
    return {"candidate": candidate, "active": active, "closed": closed, "again": again,
            "theirs": theirs}


def _found(world: World, query: str, filters: CaseloadFilter | None,
           actor: str = "supervisor") -> dict[str, str | None]:
    """Given name → the state the hit shows."""
    hits = world.services.search.search(getattr(world, actor), query, filters=filters)
    return {h.given_name: h.state for h in hits}


# A long term (the FTS5 / trigram / gram path), a short one (the key prefixes) and both.
@ALL_SEARCH_BACKENDS
@pytest.mark.parametrize("query", ["ヤマダ", "山田", "やま", "ヤマダ やま"])
def test_search_holds_only_what_the_list_would_under_its_filters(
        world: World, filtered: dict[str, object], query: str) -> None:
    everyone = {"一郎": "candidate", "二郎": "active", "三郎": "closed", "四郎": "candidate",
                "五郎": "candidate"}
    assert _found(world, query, None) == everyone  # no filter: every person, latest episode
    # 終了以外のすべて (the list's default): the closed one is not found.
    assert _found(world, query, CaseloadFilter()) == {
        k: v for k, v in everyone.items() if k != "三郎"}
    # 終了 only: the one taken on again shows their closed episode, as the list does.
    closed_only = CaseloadFilter(states=("closed",))
    assert _found(world, query, closed_only) == {"三郎": "closed", "四郎": "closed"}
    assert _found(world, query, CaseloadFilter(states=("active",))) == {"二郎": "active"}
    assert _found(world, query, CaseloadFilter(category="needy")) == {"二郎": "active"}
    assert _found(world, query, CaseloadFilter(caseworker_id=world.cw_b.user_id)) == {
        "五郎": "candidate"}
    # The caseworker's own scope still applies under a filter.
    assert set(_found(world, query, CaseloadFilter(), "cw_a")) == {"一郎", "二郎", "四郎"}


@ALL_SEARCH_BACKENDS
def test_search_with_overdue_only_finds_what_the_list_marks_overdue(
        world: World, clock: Clock) -> None:
    late = world.person(given_name="一郎", given_kana="イチロウ")
    ep = to_state(world, late, "retention")  # 1-month check due 2026-06-01: overdue today
    on_time = world.person(given_name="二郎", given_kana="ジロウ")
    to_state(world, on_time, "candidate")
    overdue_only = CaseloadFilter(overdue_only=True)
    for query in ("ヤマダ", "山"):
        assert _found(world, query, overdue_only) == {"一郎": "retention"}
    # Closed with the check kept open: still overdue, so still found (as in the list).
    world.services.workflow.close_episode(world.cw_a, ep, date(2026, 6, 10), "辞退",
                                          open_checkpoints="keep")
    assert _found(world, "ヤマダ", overdue_only) == {"一郎": "closed"}
    assert _found(world, "ヤマダ", CaseloadFilter()) == {"二郎": "candidate"}
    assert CaseloadService(world.services.ctx).count(world.supervisor, overdue_only) == 1


@pytest.mark.parametrize(("latest", "taken", "expected"), [
    ("2026-0042", ["2026-0007", "2026-0041"], "2026-0043"),
    ("2026-0042", ["2026-0100", "2025-0999"], "2026-0101"),  # the highest, not the last
    ("0000831", ["0000999", "12"], "0001000"),
    ("A-99", ["A-7"], "A-100"),  # one digit wider when the width runs out
    ("ケース-3", [], "ケース-4"),
    ("2026-A", ["2026-0001"], ""),  # no digits at the end: nothing to count on from
])
def test_the_next_case_number_follows_the_form_of_the_last(
        latest: str, taken: list[str], expected: str) -> None:
    from desktop.services.persons import next_in_series

    assert next_in_series(latest, taken) == expected


def test_case_number_hint_reads_the_office_form_and_the_next_free_number(
        world: World) -> None:
    persons = world.services.persons
    assert persons.case_number_hint(world.cw_a) == CaseNumberHint("", "")
    world.person(case_number="0000831")  # an older form
    world.person(by=world.cw_b, case_number="2026-0100", family_kana="タナカ")
    world.person(case_number="2026-0042", family_kana="サトウ")  # the last registered
    hint = persons.case_number_hint(world.cw_a)
    # cw_b's 2026-0100 is not cw_a's to read, but its number is taken all the same.
    assert hint == CaseNumberHint("2026-0042", "2026-0101")
    with pytest.raises(PermissionDenied):
        persons.case_number_hint(world.viewer)
