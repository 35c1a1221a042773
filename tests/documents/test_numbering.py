"""Document numbers: 文書記号 + 第n号, one register per organisation and fiscal year (和暦
年度: it starts again at 1 on 4月1日), taken only when a document is issued."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop.models import AuditEntry, IssuedDocument, Referral, Setting
from desktop.services.errors import ConsentMissing, DomainError
from desktop.services.organisations import OrganisationInput
from desktop.services.workflow import PlanInput, TeamMember
from tests.conftest import PASSWORD, Clock, World, accept_initial_passwords
from tests.documents.test_printing import text_of
from tests.services.helpers import to_state


def _symbol(world: World, symbol: str) -> None:
    orgs = world.services.organisations
    (home,) = orgs.organisations()
    orgs.update(world.admin, home.id, home.version, OrganisationInput(
        "横浜市中区福祉保健センター", head_title="中区福祉保健センター長", doc_symbol=symbol))


def _set_day(clock: Clock, day: date) -> None:
    clock.current = datetime(day.year, day.month, day.day, 3, 0, tzinfo=clock.current.tzinfo)


def _register(world: World) -> list[tuple[int, int, str, str]]:
    with world.services.ctx.db.read() as s:
        return [(r.fiscal_year, r.serial, r.number, r.kind) for r in s.scalars(
            select(IssuedDocument).order_by(IssuedDocument.issued_on, IssuedDocument.serial))]


def test_numbers_run_per_fiscal_year_and_start_again_on_the_first_of_april(
        world: World, clock: Clock) -> None:
    _symbol(world, "中福")
    printing = world.services.printing
    first, second = (to_state(world, world.person(), "retention") for _ in range(2))
    _set_day(clock, date(2027, 3, 31))  # the last day of 令和8年度
    printing.draft(world.cw_a, "referral", first)  # shown, not issued: no number
    a = printing.issue(world.cw_a, "referral", first)
    b = printing.issue(world.cw_a, "followup", first)
    assert (a.number, b.number) == ("中福第1号", "中福第2号")
    assert "中福第1号令和9年3月31日" in text_of(a.pdf)
    _set_day(clock, date(2027, 4, 1))  # 令和9年度
    c = printing.issue(world.cw_a, "referral", second)
    d = printing.issue(world.cw_a, "followup", first)
    assert (c.number, d.number) == ("中福第1号", "中福第2号")
    assert "中福第1号令和9年4月1日" in text_of(c.pdf)
    assert "令和9年3月31日付け中福第1号で支援を要請した" in text_of(d.pdf)
    assert _register(world) == [(2026, 1, "中福第1号", "referral"),
                                (2026, 2, "中福第2号", "followup"),
                                (2027, 1, "中福第1号", "referral"),
                                (2027, 2, "中福第2号", "followup")]
    # Printing an issued 支援要請書 again takes nothing and prints it as issued.
    again = printing.print_document(world.cw_a, "referral", first)
    assert again.number == "中福第1号" and "令和9年3月31日" in text_of(again.pdf)
    assert len(_register(world)) == 4


def test_each_organisation_keeps_its_own_register(world: World, clock: Clock) -> None:
    _symbol(world, "中福")
    orgs, auth = world.services.organisations, world.services.auth
    west = orgs.add(world.admin, OrganisationInput(
        "横浜市西区福祉保健センター", head_title="西区福祉保健センター長", doc_symbol="西福"))
    auth.add_user(world.admin, "cwwest", "西 太郎", "caseworker", PASSWORD,
                  organisation_id=west.id)
    accept_initial_passwords(world.services)
    west_cw = auth.login("cwwest", PASSWORD)
    printing = world.services.printing
    home_case = to_state(world, world.person(), "referred")
    west_case = to_state(world, world.person(by=west_cw), "referred", by=west_cw)
    assert printing.issue(world.cw_a, "referral", home_case).number == "中福第1号"
    assert printing.issue(west_cw, "referral", west_case).number == "西福第1号"
    assert printing.issue(world.cw_a, "followup", home_case).number == "中福第2号"
    assert "横浜市西区福祉保健センター" in text_of(
        printing.print_document(west_cw, "referral", west_case).pdf)


def test_a_laptop_issues_nothing(world: World) -> None:
    """An outreach laptop's copy has no register: numbers are taken at the office."""
    ep = to_state(world, world.person(), "referred")
    from desktop.services.context import stamp_new

    with world.services.ctx.db.write() as s:
        s.add(stamp_new(world.services.ctx, None, Setting(key="outreach_manifest",
                                                          value={"kit_id": "k"})))
    with pytest.raises(DomainError, match="出張用のパソコン"):
        world.services.printing.issue(world.cw_a, "referral", ep)
    world.services.printing.draft(world.cw_a, "referral", ep)  # looking is fine
    assert _register(world) == []


def test_a_returned_referral_sent_again_takes_a_new_number(world: World) -> None:
    wf, printing = world.services.workflow, world.services.printing
    ep = to_state(world, world.person(), "referred")
    assert printing.issue(world.cw_a, "referral", ep).number == "第1号"
    wf.return_referral(world.cw_a, ep, date(2026, 4, 20), "書類の不足")
    wf.refer_to_hello_work(world.cw_a, ep, world.office_id, date(2026, 4, 22))
    assert printing.issue(world.cw_a, "referral", ep).number == "第2号"
    wf.accept_referral(world.cw_a, ep, date(2026, 4, 30), PlanInput(
        team=[TeamMember("青山 里美", "welfare")], goal_job="事務"))
    assert printing.print_document(world.cw_a, "referral", ep).number == "第2号"


# ---------------------------------------------------------------- drawing outside the write


class _Drawing:
    """Watches the PrintService's database while documents are drawn: how many write
    transactions are open at each drawing, whether another PC's write gets the lock then,
    and something to do (once) in the middle of the next drawing, as another PC would."""

    def __init__(self, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
        from desktop.documents import forms

        self.db = world.services.printing.ctx.db
        self.open_writes = 0
        self.seen: list[int] = []
        self.meanwhile: Callable[[], object] | None = None
        write, render = self.db.write, forms.render

        @contextlib.contextmanager
        def counted(wait: bool = True) -> Iterator[object]:
            with write(wait) as s:
                self.open_writes += 1
                try:
                    yield s
                finally:
                    self.open_writes -= 1

        def drawing(*args: object, **kwargs: object) -> bytes:
            self.seen.append(self.open_writes)
            with write(wait=False) as s:  # another PC's write, refused at once if locked
                s.execute(select(1))
            task, self.meanwhile = self.meanwhile, None
            if task is not None:
                task()
            return render(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(self.db, "write", counted)
        monkeypatch.setattr(forms, "render", drawing)


@pytest.mark.backends("sqlite", "postgresql")
def test_documents_are_drawn_outside_the_write_transaction(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The number is taken in a short write after the drawing: while a packet is drawn,
    another PC can write (in office mode one write lock serves every PC)."""
    _symbol(world, "中福")
    printing = world.services.printing
    ep = to_state(world, world.person(), "active")
    watch = _Drawing(world, monkeypatch)
    printing.draft(world.cw_a, "packet", ep)
    packet = printing.issue(world.cw_a, "packet", ep)
    again = printing.print_document(world.cw_a, "referral", ep)
    followup = printing.issue(world.cw_a, "followup", ep)
    assert watch.seen == [0, 0, 0, 0]  # each drawn with no write transaction open
    assert (packet.number, again.number, followup.number) == ("中福第1号", "中福第1号", "中福第2号")
    assert "支援要請書（中福第1号）" in text_of(packet.pdf)
    with world.services.ctx.db.read() as s:
        register = {r.number: r.sha256 for r in s.scalars(select(IssuedDocument))}
    assert register == {"中福第1号": packet.sha256, "中福第2号": followup.sha256}


def test_a_number_taken_elsewhere_while_drawing_is_not_printed_twice(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another PC issues while this one draws: the number drawn is gone, so the document is
    drawn again with the next one; each number is printed once, none is skipped."""
    printing = world.services.printing
    mine, theirs = (to_state(world, world.person(), "referred") for _ in range(2))
    watch = _Drawing(world, monkeypatch)
    watch.meanwhile = lambda: printing.issue(world.cw_a, "referral", theirs)
    doc = printing.issue(world.cw_a, "packet", mine)
    assert len(watch.seen) == 3  # mine, theirs, mine again
    assert doc.number == "第2号"
    assert "支援要請書（第2号）" in text_of(doc.pdf) and "第1号" not in text_of(doc.pdf)
    with world.services.ctx.db.read() as s:
        rows = {(r.serial, r.episode_id, r.sha256) for r in s.scalars(select(IssuedDocument))}
    assert {(serial, ep) for serial, ep, _ in rows} == {(1, theirs), (2, mine)}
    assert doc.sha256 in {sha for _, _, sha in rows}


def test_a_referral_issued_elsewhere_while_drawing_is_printed_as_issued(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same 支援要請書 issued on another PC meanwhile: this one prints it again under that
    number (a 支援要請書 is issued once)."""
    printing = world.services.printing
    ep = to_state(world, world.person(), "referred")
    watch = _Drawing(world, monkeypatch)
    watch.meanwhile = lambda: printing.issue(world.cw_a, "referral", ep)
    doc = printing.issue(world.cw_a, "referral", ep)
    assert doc.number == "第1号" and "第1号" in text_of(doc.pdf)
    assert _register(world) == [(2026, 1, "第1号", "referral")]
    with world.services.ctx.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(
            AuditEntry.action.in_(("issue", "print")))))
    assert sorted(actions) == ["issue", "print"]


def test_a_consent_withdrawn_while_drawing_issues_nothing(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    printing = world.services.printing
    ep = to_state(world, world.person(), "referred")
    sharing = next(c for c in world.services.consent.consents(world.cw_a, ep)
                   if c.kind == "information_sharing")
    watch = _Drawing(world, monkeypatch)
    watch.meanwhile = lambda: world.services.consent.withdraw_consent(
        world.cw_a, sharing.id, world.services.ctx.today())
    with pytest.raises(ConsentMissing):
        printing.issue(world.cw_a, "packet", ep)
    assert _register(world) == []
    with world.services.ctx.db.read() as s:
        assert s.scalar(select(Referral.number)) is None
        assert s.scalar(select(AuditEntry.id).where(AuditEntry.action == "issue")) is None


def test_a_drawing_that_fails_takes_no_number(world: World, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    from desktop.documents import forms

    ep = to_state(world, world.person(), "referred")

    def broken(*args: object, **kwargs: object) -> bytes:
        raise OSError("no space left for the drawing")

    monkeypatch.setattr(forms, "render", broken)
    with pytest.raises(OSError):
        world.services.printing.issue(world.cw_a, "packet", ep)
    assert _register(world) == []


def test_an_issue_that_keeps_losing_its_number_gives_up_and_takes_none(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another PC issuing during every drawing: after ISSUE_ATTEMPTS tries, a message to
    issue again, and nothing of this episode issued."""
    from desktop.services import printing as printing_module

    monkeypatch.setattr(printing_module, "ISSUE_ATTEMPTS", 2)
    printing = world.services.printing
    mine = to_state(world, world.person(), "referred")
    others = [to_state(world, world.person(), "referred") for _ in range(2)]
    watch = _Drawing(world, monkeypatch)

    def another_pc_issues() -> None:
        if others:
            printing.issue(world.cw_a, "referral", others.pop())
            watch.meanwhile = another_pc_issues  # and again during the next drawing

    watch.meanwhile = another_pc_issues
    with pytest.raises(DomainError, match="ほかのパソコンで同時に"):
        printing.issue(world.cw_a, "referral", mine)
    with world.services.ctx.db.read() as s:
        assert set(s.scalars(select(IssuedDocument.episode_id))).isdisjoint({mine})
        assert len(list(s.scalars(select(IssuedDocument.id)))) == 2
