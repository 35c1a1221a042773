"""協力事業所: the registry kept across cases (validation, search whatever the kana and width,
permissions, audit), picked in placements and 職場体験, and its history of persons placed or
hosted, which names only the persons the reader may read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.services.employers import EmployerInput
from desktop.services.errors import InvalidInput, PermissionDenied, StaleRecord
from tests.conftest import World
from tests.services.helpers import placement, to_state
from tests.services.route_helpers import audit_rows, employer, experience, screened

FARM = EmployerInput("株式会社 みどり農園", industry="農業", postal_code="１９８－０００２",
                     address="東京都つなぎ市西町2-3", phone="042-555-0123",
                     contact_person="緑川 一郎", offers=("job_offers", "work_experience"))


def test_an_employer_is_registered_once_whatever_the_width(world: World) -> None:
    employers = world.services.employers
    record = employers.register(world.cw_a, FARM)
    assert (record.name, record.postal_code, record.offers, record.registered_on) == (
        "株式会社 みどり農園", "198-0002", ("work_experience", "job_offers"), date(2026, 6, 15))
    with pytest.raises(InvalidInput, match="既に協力事業所") as err:
        employers.register(world.cw_b, replace(FARM, name="株式会社みどり農園"))
    assert err.value.field == "name"
    assert [r.entity_id for r in audit_rows(world, "employer", "create")] == [str(record.id)]


@pytest.mark.parametrize(("change", "field"), [
    ({"name": "  "}, "name"), ({"postal_code": "1980"}, "postal_code"),
    ({"phone": "12"}, "phone"), ({"offers": ("catering",)}, "offers"),
])
def test_bad_employer_details_are_refused_beside_their_field(
        world: World, change: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as err:
        world.services.employers.register(world.cw_a, replace(FARM, **change))  # type: ignore[arg-type]
    assert err.value.field == field
    assert world.services.employers.search(world.cw_a) == []


def test_the_registry_is_searched_by_name_industry_address_and_contact(world: World) -> None:
    employers = world.services.employers
    employers.register(world.cw_a, FARM)
    employers.register(world.cw_a, EmployerInput("有限会社さくら清掃", industry="ビルメンテナンス",
                                                 address="東京都新宿区大久保1-1",
                                                 offers=("intermediate_employment",)))
    names = lambda text, **kw: [e.name for e in employers.search(world.viewer, text, **kw)]  # noqa: E731
    assert names("みどり") == ["株式会社 みどり農園"]
    assert names("ﾐﾄﾞﾘ") == ["株式会社 みどり農園"]  # half-width katakana finds ひらがな
    assert names("緑川") == ["株式会社 みどり農園"]
    assert names("新宿 清掃") == ["有限会社さくら清掃"]
    assert names("", offer="intermediate_employment") == ["有限会社さくら清掃"]
    assert len(names("")) == 2
    with pytest.raises(InvalidInput):
        employers.search(world.viewer, "", offer="catering")


def test_an_employer_is_corrected_disabled_and_never_deleted(world: World) -> None:
    employers = world.services.employers
    record = employers.register(world.cw_a, FARM)
    updated = employers.update(world.cw_b, record.id, record.version,
                               replace(FARM, contact_person="緑川 次郎"))
    assert updated.contact_person == "緑川 次郎"
    with pytest.raises(StaleRecord):
        employers.update(world.cw_a, record.id, record.version, FARM)
    employers.set_active(world.cw_a, record.id, False)
    assert employers.search(world.cw_a) == []
    assert [e.active for e in employers.search(world.cw_a, include_inactive=True)] == [False]
    assert [r.action for r in audit_rows(world, "employer")] == ["create", "update", "disable"]
    assert world.services.maintenance.verify(world.admin).ok


def test_a_viewer_reads_the_registry_but_changes_nothing(world: World) -> None:
    employers = world.services.employers
    record = employers.register(world.supervisor, FARM)
    for call in (lambda: employers.register(world.viewer, replace(FARM, name="別会社")),
                 lambda: employers.update(world.viewer, record.id, 1, FARM),
                 lambda: employers.set_active(world.viewer, record.id, False)):
        with pytest.raises(PermissionDenied):
            call()
    assert employers.get(world.viewer, record.id).name == FARM.name


def test_a_placement_picks_an_employer_and_its_history_names_only_readable_persons(
        world: World) -> None:
    farm = employer(world)
    wf = world.services.workflow
    mine = to_state(world, world.person(given_name="一郎"), "active")
    wf.record_placement(world.cw_a, mine, replace(placement(date(2026, 6, 1)), employer="",
                                                  employer_id=farm))
    [placed] = world.services.records.placements(world.cw_a, mine)
    assert (placed.employer, placed.employer_id) == ("株式会社みどり農園", farm)
    theirs = screened(world, world.person(by=world.cw_b, given_name="二郎"), by=world.cw_b)
    world.services.routes.start_activity(world.cw_b, theirs, experience(farm))
    history = world.services.employers.history(world.cw_a, farm)
    assert [(r.kind, r.person_name) for r in history.rows] == [("placement", "山田 一郎")]
    assert history.hidden == 1
    assert (history.employer.placed, history.employer.hosted) == (1, 1)
    everyone = world.services.employers.history(world.supervisor, farm)
    assert [(r.kind, r.person_name, r.detail) for r in everyone.rows] == [
        ("placement", "山田 一郎", "倉庫内軽作業"), ("work_experience", "山田 二郎", "野菜の袋詰め")]
    assert everyone.hidden == 0
    assert len(audit_rows(world, "employer", "view")) == 2
    counts = {e.name: (e.placed, e.hosted) for e in world.services.employers.search(world.cw_a)}
    assert counts == {"株式会社みどり農園": (1, 1)}


def test_a_placement_refuses_a_disabled_employer(world: World) -> None:
    farm = employer(world)
    world.services.employers.set_active(world.cw_a, farm, False)
    ep = to_state(world, world.person(), "active")
    with pytest.raises(InvalidInput, match="無効"):
        world.services.workflow.record_placement(world.cw_a, ep, replace(
            placement(date(2026, 6, 1)), employer_id=farm))
