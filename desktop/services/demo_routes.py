"""The demo's records before and beside the referral: 協力事業所, 就労準備度 assessments, routes
other than the Hello Work referral with their activities (and people who move from one to
the referral), 支援費用, and meetings whose decisions stand in the persons' contact logs.

Drawn from a random generator of its own (seeded from the demo's seed), so that the persons
and episodes of a seed stay what they were before these records existed.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from desktop.models import (
    ContactLog,
    Employer,
    Meeting,
    MeetingCase,
    ReadinessAssessment,
    RouteChange,
    SupportActivity,
    SupportCost,
)
from desktop.services.bulk import Batch
from desktop.services.labels import DEFAULT_FUNDING_SOURCES, DEFAULT_READINESS_ITEMS, MEETING_KINDS

# (name, industry, town, contact person, offers). The first nine are the demo's placement
# employers: a placement at one of them picks it from the registry.
EMPLOYERS = [
    ("株式会社ひかり物流", "運輸・倉庫", "新宿区西新宿", "光田 一郎", ("job_offers", "work_experience")),
    ("社会福祉法人みどり会", "介護・福祉", "豊島区池袋", "緑川 節子",
     ("work_experience", "job_offers", "retention_support")),
    ("有限会社さくら清掃", "ビルメンテナンス", "新宿区大久保", "桜井 健",
     ("intermediate_employment", "job_offers")),
    ("株式会社東和フーズ", "食品製造", "足立区千住", "東 和彦", ("work_experience", "job_offers")),
    ("合同会社ミナト警備", "警備", "江戸川区小岩", "湊 隆", ("job_offers",)),
    ("株式会社ニューライフ", "小売", "新宿区高田馬場", "新井 真由美", ("job_offers", "retention_support")),
    ("医療法人けやき会", "医療", "豊島区巣鴨", "欅田 修", ("work_experience", "job_offers")),
    ("株式会社サンライズ製作所", "製造", "足立区西新井", "朝日 学", ("work_experience", "job_offers")),
    ("株式会社まるやま商店", "小売", "江戸川区葛西", "丸山 久美子", ("intermediate_employment",)),
    ("NPO法人つなぎ農園", "農業", "つなぎ市西町", "農田 聡", ("work_experience", "intermediate_employment")),
    ("株式会社リサイクルつなぎ", "リサイクル", "つなぎ市東町", "再田 浩", ("intermediate_employment",)),
    ("社会福祉法人あおば福祉会", "障害福祉", "つなぎ市中央", "青葉 直美", ("work_experience",)),
    ("株式会社つなぎクリーンサービス", "清掃", "つなぎ市南町", "清水 剛", ("work_experience", "job_offers")),
    ("有限会社ベーカリーこむぎ", "食品製造", "つなぎ市北町", "小麦 香織", ("work_experience",)),
    ("株式会社グリーンファーム", "農業", "つなぎ市西町", "緑 勇気", ("intermediate_employment", "job_offers")),
    ("株式会社やまと運輸サービス", "運輸・倉庫", "つなぎ市東町", "大和 進", ("job_offers", "retention_support")),
]
READINESS_PROVIDERS = ["NPO法人あゆみ", "社会福祉法人つなぎ市社会福祉協議会", "株式会社キャリアブリッジ"]
TRAINING = [("public_training", "介護職員初任者研修科", "つなぎ職業能力開発校"),
            ("public_training", "ビル管理科", "東京都立城北職業能力開発センター"),
            ("job_seeker_support", "医療事務科", "つなぎパソコンスクール"),
            ("job_seeker_support", "Webデザイン科", "ネクストキャリア訓練校"),
            ("job_seeker_support", "介護福祉士実務者研修科", "ひまわりケアアカデミー")]
EXPERIENCE_WORK = ["野菜の収穫と袋詰め", "館内清掃", "食品の箱詰め", "介護施設での配膳補助",
                   "倉庫でのピッキング", "パンの包装"]
NOTES = {"生活リズム": ["起床が不規則", "朝の通所は可能", ""], "健康状態・通院": ["月2回の通院", "腰痛あり", ""],
         "就労意欲": ["意欲は高い", "不安が強い", ""], "移動手段": ["自転車のみ", "運転免許なし", ""],
         "債務・家計": ["家計管理に支援が必要", ""], "家族・育児・介護": ["子の保育先が未確保", ""]}
SUMMARIES = ["生活リズムの安定を優先し、段階的に就労へ", "すぐにハローワークでの職業相談が可能",
             "体験を通じて適性を確かめる", "通院と両立できる短時間の仕事から"]
DECISIONS = ["就労準備支援事業を継続し、3か月後に再検討", "ハローワークへの支援要請を進める",
             "職場体験（2週間）を実施する", "公共職業訓練の受講を勧める", "支援プランを継続",
             "面接練習を重ね、次回会議で再検討"]
FARES = [(220, "自宅〜面接先 バス往復"), (440, "自宅〜ハローワーク 往復"), (660, "自宅〜体験先 往復"),
         (1320, "自宅〜訓練校 往復"), (880, "自宅〜面接先 電車往復")]


class RoutesDemo:
    def __init__(self, seed: int, today: date, now: datetime, origin: str, actor: uuid.UUID,
                 organisation: tuple[uuid.UUID, str], staff: dict[uuid.UUID, str],
                 office: tuple[str, str]) -> None:
        self.rng = random.Random(seed * 7919 + 22)
        self.today, self.now, self.origin, self.actor = today, now, origin, actor
        self.organisation, self.staff = organisation, staff
        self.office_name, self.navigator = office
        self.employers: dict[str, uuid.UUID] = {}
        self.experience_hosts: list[uuid.UUID] = []
        self.cases: list[tuple[uuid.UUID, uuid.UUID, date]] = []  # open: episode, caseworker, since

    def stamp(self, who: uuid.UUID) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "version": 1, "created_at": self.now, "created_by": who,
                "updated_at": self.now, "updated_by": who, "origin": self.origin,
                "deleted_at": None}

    def days(self, start: date, lo: int, hi: int) -> date:
        return start + timedelta(days=self.rng.randint(lo, hi))

    # ---------------------------------------------------------------- once

    def register_employers(self, batch: Batch, fold: Callable[[str], str],
                           existing: dict[str, uuid.UUID]) -> None:
        """The registry (once: a second demo run finds it by the folded names)."""
        for name, industry, town, contact, offers in EMPLOYERS:
            found = existing.get(fold(name))
            if found is not None:
                self.employers[name] = found
                if "work_experience" in offers or "intermediate_employment" in offers:
                    self.experience_hosts.append(found)
                continue
            row_id = uuid.uuid4()
            batch.add(Employer, {
                **self.stamp(self.actor), "id": row_id, "name": name, "name_key": fold(name),
                "search_key": " ".join(fold(x) for x in (name, industry, town, contact)),
                "industry": industry, "postal_code": "", "address": f"東京都{town}1-2-3",
                "phone": "", "contact_person": contact, "offers": list(offers), "note": "",
                "registered_on": self.today - timedelta(days=self.rng.randint(0, 1000)),
                "organisation_id": self.organisation[0], "active": True})
            self.employers[name] = row_id
            if "work_experience" in offers or "intermediate_employment" in offers:
                self.experience_hosts.append(row_id)

    def employer_of(self, name: str) -> uuid.UUID | None:
        return self.employers.get(name)

    # ---------------------------------------------------------------- per episode

    def episode(self, batch: Batch, episode: dict[str, Any], reached: dict[str, date],
                cw: uuid.UUID, closed_on: date | None) -> None:
        """The records of one demo episode before and beside its referral. ``reached``: the
        day each state was entered; the episode's decision and route are set here."""
        rng, eid = self.rng, episode["id"]
        screening = reached.get("screening")
        if screening is None:
            return
        end = min(closed_on or self.today, self.today)
        if rng.random() < 0.7:
            self.assessment(batch, eid, cw, min(self.days(screening, 0, 6), end), 1)
            later = self.days(screening, 40, 200)
            if rng.random() < 0.2 and later <= end:
                self.assessment(batch, eid, cw, later, 2)
        consented = reached.get("consented")
        if consented is not None:
            decided = episode["screening_decided_on"]
            if rng.random() < 0.2 and (consented - screening).days >= 6:
                # Not ready at first: 就労準備支援事業, then the referral route.
                decided = self.days(screening, 1, 2)
                episode.update(screening_decided_on=decided, screening_route="work_readiness",
                               route="hello_work")
                self.route(batch, eid, cw, None, "work_readiness", decided)
                self.activity(batch, eid, cw, "work_readiness", decided + timedelta(days=1),
                              consented - timedelta(days=1), "completed")
                self.route(batch, eid, cw, "work_readiness", "hello_work", consented)
            else:
                episode.update(screening_route="hello_work", route="hello_work")
                self.route(batch, eid, cw, None, "hello_work", decided)
            active = reached.get("active")
            if active is not None and rng.random() < 0.12:
                kind = "training" if rng.random() < 0.6 else "work_experience"
                start = self.days(active, 7, 60)
                if start <= end:
                    self.activity(batch, eid, cw, kind, start, end)
            if active is not None and rng.random() < 0.3:
                self.costs(batch, eid, cw, active, end)
        elif rng.random() < 0.6:
            decided = self.days(screening, 2, 8)
            if decided <= end:
                route = rng.choices(["work_readiness", "work_experience", "training"],
                                    [5, 3, 2])[0]
                episode.update(screening_decision="approved", screening_decided_on=decided,
                               screening_meeting="所内協議", screening_route=route, route=route)
                self.route(batch, eid, cw, None, route, decided)
                start = self.days(decided, 3, 20)
                if start <= end:
                    self.activity(batch, eid, cw, route, start, end)
                    if rng.random() < 0.4:
                        self.costs(batch, eid, cw, start, end)
        if closed_on is None:
            self.cases.append((eid, cw, screening))

    def assessment(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, on: date,
                   revision: int) -> None:
        rng = self.rng
        items = []
        for item in DEFAULT_READINESS_ITEMS:
            score = rng.choices([1, 2, 3, 4], [1, 3, 4, 2])[0]
            note = rng.choice(NOTES.get(item, [""])) if score <= 2 else ""
            items.append({"item": item, "score": score + (revision > 1 and score < 4),
                          "note": note})
        batch.add(ReadinessAssessment, {
            **self.stamp(cw), "episode_id": eid, "revision": revision, "assessed_on": on,
            "assessor_id": cw, "items": items, "summary": rng.choice(SUMMARIES)})

    def route(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, frm: str | None, to: str,
              on: date) -> None:
        batch.add(RouteChange, {**self.stamp(cw), "episode_id": eid, "from_route": frm,
                                "to_route": to, "effective_on": on, "actor_id": cw,
                                "note": ""})

    def activity(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, kind: str, start: date,
                 end: date, outcome: str | None = None) -> None:
        """An activity from ``start``; finished by ``end`` if its length allows (or forced
        with ``outcome``), otherwise still going on."""
        rng = self.rng
        row: dict[str, Any] = {**self.stamp(cw), "episode_id": eid, "kind": kind,
                               "subtype": "", "provider": "", "course": "",
                               "employer_id": None, "start_on": start, "note": ""}
        if kind == "work_readiness":
            length = rng.randint(60, 180)
            row["provider"] = rng.choice(READINESS_PROVIDERS)
        elif kind == "work_experience":
            length = rng.randint(5, 30)
            row.update(subtype=rng.choice(["work_experience", "work_experience",
                                           "intermediate_employment"]),
                       employer_id=rng.choice(self.experience_hosts),
                       course=rng.choice(EXPERIENCE_WORK))
        else:
            length = rng.randint(90, 180)
            subtype, course, school = rng.choice(TRAINING)
            row.update(subtype=subtype, course=course, provider=school)
        planned_end = start + timedelta(days=length)
        finished = outcome is not None or planned_end <= end
        end_on = min(planned_end, end) if finished else None
        span = ((end_on or min(end, self.today)) - start).days + 1
        attended = max(0, min(span, round(span * rng.uniform(0.35, 0.7))))
        row.update(planned_end_on=planned_end, planned_days=max(1, round(length * 0.6)),
                   end_on=end_on, days_attended=attended,
                   outcome=(outcome or rng.choices(["completed", "discontinued", "employed"],
                                                   [7, 2, 1])[0]) if finished else None,
                   evaluation=rng.choice(["休まず参加できた", "作業は丁寧。体力面に課題",
                                          "遅刻があったが改善", ""]) if finished else "")
        batch.add(SupportActivity, row)

    def costs(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, start: date,
              end: date) -> None:
        rng = self.rng
        for _ in range(rng.randint(1, 4)):
            on = self.days(start, 0, max(0, (end - start).days))
            if on > end:
                continue
            amount, what = rng.choice(FARES)
            batch.add(SupportCost, {
                **self.stamp(cw), "episode_id": eid, "paid_on": on, "kind": "transport",
                "purpose": rng.choice(["interview", "interview", "work_experience",
                                       "training", "job_search"]),
                "description": what, "amount": amount,
                "funding_source": rng.choice(DEFAULT_FUNDING_SOURCES[:2])})

    # ---------------------------------------------------------------- meetings

    def meetings(self, batch: Batch, count: int, supervisor: uuid.UUID | None) -> None:
        """``count`` meetings over the last two years, each discussing open cases that had
        reached 検討 by then; each decision is also a ケース会議 entry of the case's log."""
        rng = self.rng
        org_id, org_name = self.organisation
        for _ in range(count):
            held = self.today - timedelta(days=rng.randint(0, 700))
            kind = rng.choices(list(MEETING_KINDS), [5, 3, 2])[0]
            pool = [c for c in rng.sample(self.cases, min(len(self.cases), 40)) if c[2] <= held]
            cases = pool[:rng.randint(2, 6)] if kind != "hello_work_liaison" else pool[:2]
            staff = {cw for _, cw, _ in cases} or set(list(self.staff)[:1])
            host = supervisor or next(iter(staff))
            attendees = [{"name": self.staff.get(cw, ""), "organisation": org_name,
                          "role": "ケースワーカー"} for cw in sorted(staff, key=str)]
            if supervisor is not None:
                attendees.insert(0, {"name": self.staff.get(supervisor, ""),
                                     "organisation": org_name, "role": "査察指導員"})
            attendees.append({"name": self.navigator, "organisation": self.office_name,
                              "role": "就職支援ナビゲーター"})
            meeting_id = uuid.uuid4()
            title = f"{held.month}月{'定例' if kind != 'case_conference' else 'ケース検討'}"
            batch.add(Meeting, {
                **self.stamp(host), "id": meeting_id, "organisation_id": org_id,
                "held_on": held, "kind": kind, "title": title, "place": "つなぎ市役所 第2会議室",
                "organisations": [{"name": org_name, "side": "own"},
                                  {"name": self.office_name, "side": "hello_work"}],
                "attendees": attendees, "note": "各ケースの支援状況を共有し、今後の方針を確認した。"})
            welfare = "、".join(f"{a['name']}（{a['organisation']}）" for a in attendees
                               if a["organisation"] == org_name)
            hello_work = f"{self.navigator}（{self.office_name}）"
            for eid, _cw, _since in cases:
                decision = rng.choice(DECISIONS)
                review = held + timedelta(days=rng.choice([30, 60, 90]))
                contact_id = uuid.uuid4()
                batch.add(ContactLog, {
                    **self.stamp(host), "id": contact_id, "episode_id": eid,
                    "contact_on": held, "kind": "case_conference", "staff_id": host,
                    "content": f"{MEETING_KINDS[kind]}「{title}」（つなぎ市役所 第2会議室）で検討",
                    "next_action": "", "next_action_due": None, "next_action_done_on": None,
                    "attendees_welfare": welfare, "attendees_hello_work": hello_work,
                    "decisions": decision, "next_review_on": review})
                batch.add(MeetingCase, {
                    **self.stamp(host), "meeting_id": meeting_id, "episode_id": eid,
                    "contact_id": contact_id, "decision": decision, "next_review_on": review})
