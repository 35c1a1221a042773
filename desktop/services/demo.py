"""A realistic synthetic caseload for demonstrations, training and benchmarks.

Names with readings, addresses with 〒, valid phone numbers, and episodes spread across every
state with the records each state implies (transitions, consents, referrals, plans,
placements, retention checkpoints, protection outcomes, ~9 contact-log entries each).
Deterministic for a given seed. Written with Core bulk inserts in one transaction, so that
100,000 persons take well under three minutes, and either all of it lands or none.

The organisation is a fictional city's 福祉事務所 (つなぎ市福祉事務所, with its head, address,
phone, FAX and 文書記号), the Hello Work offices carry official names, heads' titles and
navigators, and the demo staff must change their initial password at the first sign-in.
A database holding records that the demo did not make (a real office's) is refused unless
``force``: fake persons must never mix into real ones by accident.
"""

from __future__ import annotations

import random
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.i18n import translator
from desktop.japanese.kana import fold
from desktop.japanese.wareki import add_months
from desktop.models import (
    AuditEntry,
    CaseAssignment,
    Consent,
    ContactLog,
    Employer,
    HelloWorkActivity,
    HelloWorkOffice,
    Organisation,
    Person,
    Placement,
    Plan,
    ProtectionOutcome,
    Referral,
    RetentionCheckpoint,
    User,
)
from desktop.models.db import refresh_statistics
from desktop.services import audit
from desktop.services.auth import hash_password
from desktop.services.builder import (
    History,
    Stamps,
    add_episode,
    support_end,
)
from desktop.services.bulk import Batch
from desktop.services.consent import WORDING_VERSION, WORDINGS, wording_hash
from desktop.services.context import Actor, ServiceContext
from desktop.services.demo_routes import RoutesDemo
from desktop.services.errors import DomainError, InvalidInput
from desktop.services.labels import CONSENT_SCOPE, SUPPORT_MENU
from desktop.services.organisations import PLACEHOLDER_NAME
from desktop.services.permissions import require
from desktop.services.persons import PersonInput, actor_organisation, search_keys
from desktop.services.settings import read_setting

_t = translator("Demo")
FAMILY = [
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"),
    ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"),
    ("小林", "コバヤシ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"),
    ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"), ("井上", "イノウエ"),
    ("木村", "キムラ"), ("林", "ハヤシ"), ("斎藤", "サイトウ"), ("清水", "シミズ"),
    ("山崎", "ヤマザキ"), ("森", "モリ"), ("池田", "イケダ"), ("橋本", "ハシモト"),
    ("阿部", "アベ"), ("石川", "イシカワ"), ("山下", "ヤマシタ"), ("中島", "ナカジマ"),
    ("石井", "イシイ"), ("小川", "オガワ"), ("前田", "マエダ"), ("岡田", "オカダ"),
    ("長谷川", "ハセガワ"), ("藤田", "フジタ"), ("後藤", "ゴトウ"), ("近藤", "コンドウ"),
    ("村上", "ムラカミ"), ("遠藤", "エンドウ"), ("青木", "アオキ"), ("坂本", "サカモト"),
    ("斉藤", "サイトウ"), ("福田", "フクダ"), ("太田", "オオタ"), ("西村", "ニシムラ"),
    ("藤井", "フジイ"), ("金子", "カネコ"), ("岡本", "オカモト"), ("藤原", "フジワラ"),
    ("中野", "ナカノ"), ("三浦", "ミウラ"), ("原田", "ハラダ"), ("中川", "ナカガワ"),
    ("松田", "マツダ"), ("竹内", "タケウチ"), ("小野", "オノ"), ("田村", "タムラ"),
    ("中山", "ナカヤマ"), ("和田", "ワダ"), ("石田", "イシダ"), ("森田", "モリタ"),
    ("上田", "ウエダ"), ("原", "ハラ"), ("内田", "ウチダ"), ("柴田", "シバタ"),
    ("酒井", "サカイ"), ("宮崎", "ミヤザキ"), ("横山", "ヨコヤマ"), ("高木", "タカギ"),
    ("安藤", "アンドウ"), ("宮本", "ミヤモト"), ("大野", "オオノ"), ("小島", "コジマ"),
    ("谷口", "タニグチ"), ("今井", "イマイ"), ("工藤", "クドウ"), ("高田", "タカダ"),
    ("増田", "マスダ"), ("丸山", "マルヤマ"), ("杉山", "スギヤマ"), ("村田", "ムラタ"),
    ("大塚", "オオツカ"), ("新井", "アライ"), ("小山", "コヤマ"), ("平野", "ヒラノ"),
    ("藤本", "フジモト"), ("河野", "コウノ"), ("上野", "ウエノ"), ("野口", "ノグチ"),
    ("武田", "タケダ"), ("松井", "マツイ"), ("千葉", "チバ"), ("岩崎", "イワサキ"),
    ("菅原", "スガワラ"), ("木下", "キノシタ"), ("久保", "クボ"), ("佐野", "サノ"),
    ("野村", "ノムラ"), ("松尾", "マツオ"), ("市川", "イチカワ"), ("菊地", "キクチ"),
    ("代田", "シロタ"), ("東", "ヒガシ"), ("関", "セキ"), ("堀", "ホリ"),
]
MALE = [
    ("太郎", "タロウ"), ("大輔", "ダイスケ"), ("誠", "マコト"), ("健一", "ケンイチ"),
    ("翔太", "ショウタ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"), ("和也", "カズヤ"),
    ("達也", "タツヤ"), ("浩", "ヒロシ"), ("隆", "タカシ"), ("健太", "ケンタ"),
    ("亮", "リョウ"), ("蓮", "レン"), ("悠真", "ユウマ"), ("大翔", "ヒロト"),
    ("修", "オサム"), ("茂", "シゲル"), ("博之", "ヒロユキ"), ("正樹", "マサキ"),
    ("雄一", "ユウイチ"), ("光", "ヒカル"), ("剛", "ツヨシ"), ("勇気", "ユウキ"),
    ("一郎", "イチロウ"), ("進", "ススム"), ("聡", "サトシ"), ("学", "マナブ"),
]
FEMALE = [
    ("花子", "ハナコ"), ("陽子", "ヨウコ"), ("恵子", "ケイコ"), ("美香", "ミカ"),
    ("由美", "ユミ"), ("真由美", "マユミ"), ("愛", "アイ"), ("彩", "アヤ"),
    ("さくら", "サクラ"), ("陽菜", "ヒナ"), ("結衣", "ユイ"), ("美咲", "ミサキ"),
    ("明美", "アケミ"), ("直美", "ナオミ"), ("智子", "トモコ"), ("久美子", "クミコ"),
    ("裕子", "ユウコ"), ("幸子", "サチコ"), ("舞", "マイ"), ("優子", "ユウコ"),
    ("千尋", "チヒロ"), ("麻衣", "マイ"), ("香織", "カオリ"), ("奈々", "ナナ"),
    ("葵", "アオイ"), ("凛", "リン"), ("純子", "ジュンコ"), ("文子", "フミコ"),
]
AREAS = [
    ("160", "東京都新宿区", ["西新宿", "高田馬場", "大久保", "百人町", "北新宿"], "03"),
    ("170", "東京都豊島区", ["池袋", "巣鴨", "駒込", "南大塚"], "03"),
    ("120", "東京都足立区", ["千住", "西新井", "竹の塚", "綾瀬"], "03"),
    ("133", "東京都江戸川区", ["小岩", "葛西", "瑞江", "平井"], "03"),
    ("530", "大阪府大阪市北区", ["梅田", "天満", "中津", "長柄"], "06"),
    ("557", "大阪府大阪市西成区", ["萩之茶屋", "天下茶屋", "岸里", "玉出"], "06"),
    ("231", "神奈川県横浜市中区", ["寿町", "松影町", "山下町", "本牧"], "045"),
    ("810", "福岡県福岡市中央区", ["天神", "大名", "薬院", "赤坂"], "092"),
    ("060", "北海道札幌市中央区", ["南一条西", "北三条西", "大通西", "宮の森"], "011"),
    ("460", "愛知県名古屋市中区", ["栄", "大須", "丸の内", "金山"], "052"),
]
# A fictional city's welfare office: the issuer printed on every demo form.
ORGANISATION = {
    "kind": "welfare_office", "name": "つなぎ市福祉事務所", "head_title": "つなぎ市福祉事務所長",
    "head_name": "森本 和夫", "postal_code": "198-0001", "address": "東京都つなぎ市中央一丁目1番1号",
    "phone": "042-555-0110", "fax": "042-555-0119", "doc_symbol": "つ福", "seal_omitted": True,
    "section": "生活支援課 就労支援担当",
}
# (name, official name, head's title, 〒, address, phone, navigators); the referrals go to
# these three.
OFFICES = [
    ("ハローワーク新宿", "新宿公共職業安定所", "新宿公共職業安定所長", "160-8489",
     "東京都新宿区西新宿1-3-1", "03-3347-8609", [("田島 聡子", "03-3347-8620")]),
    ("ハローワーク池袋", "池袋公共職業安定所", "池袋公共職業安定所長", "170-8409",
     "東京都豊島区東池袋3-5-13", "03-3987-8609", [("小松 宏", "03-3987-8620")]),
    ("ハローワーク梅田", "梅田公共職業安定所", "梅田公共職業安定所長", "530-0001",
     "大阪府大阪市北区角田町8-47", "06-6361-8609", [("西岡 恵", "06-6361-8620"),
                                             ("堀内 誠", "06-6361-8621")]),
]
# The 常設窓口 Hello Work keeps inside the demo welfare office (listed, not referred to).
SATELLITE = ("つなぎ市福祉事務所内ハローワーク常設窓口", "新宿公共職業安定所つなぎ市常設窓口",
             "新宿公共職業安定所長", "198-0001", "東京都つなぎ市中央一丁目1番1号 つなぎ市役所2階",
             "042-555-0180", [("川村 直子", "042-555-0181")])
STAFF = [
    ("cw01", "青山 里美", "caseworker"), ("cw02", "石原 正人", "caseworker"),
    ("cw03", "上村 由紀", "caseworker"), ("cw04", "江口 浩二", "caseworker"),
    ("cw05", "大西 真理", "caseworker"), ("cw06", "加納 俊介", "caseworker"),
    ("cw07", "北川 美和", "caseworker"), ("cw08", "久我 英樹", "caseworker"),
    ("sv01", "小池 信夫", "supervisor"),
]
CATEGORY_WEIGHTS = [("public_assistance", 62), ("child_rearing", 12), ("housing_benefit", 6),
                    ("needy", 12), ("disability", 5), ("other", 3)]
FINAL_STATE_WEIGHTS = [("candidate", 8), ("screening", 7), ("consented", 6), ("referred", 8),
                       ("active", 26), ("retention", 20), ("closed", 25)]
PATH = ["candidate", "screening", "consented", "referred", "active", "placed", "retention"]
JOBS = ["介護職員", "清掃スタッフ", "倉庫内軽作業", "調理補助", "事務補助", "警備員",
        "配送ドライバー", "販売スタッフ", "製造ライン作業", "ホテル客室清掃", "コールセンター",
        "建設作業員", "保育補助", "データ入力"]
EMPLOYERS = ["株式会社ひかり物流", "社会福祉法人みどり会", "有限会社さくら清掃",
             "株式会社東和フーズ", "合同会社ミナト警備", "株式会社ニューライフ",
             "医療法人けやき会", "株式会社サンライズ製作所", "株式会社まるやま商店"]
BARRIERS = ["長期離職によるブランク", "腰痛の持病", "子どもの保育先が未確保",
            "通院が月2回ある", "パソコン操作に不安", "対人関係への不安", "運転免許なし",
            "生活リズムが不規則", "特になし"]
LICENCES = ["普通自動車第一種運転免許", "介護職員初任者研修", "フォークリフト運転技能講習",
            "日商簿記3級", "調理師", "なし"]
CONTACT_TEXT = [
    ("interview", "本人と面談。求職活動の状況を確認し、応募書類の書き方を助言した。"),
    ("phone", "本人へ電話。体調は安定しているとのこと。次回面談の日程を調整した。"),
    ("home_visit", "家庭訪問。生活状況を確認。就労意欲は高いが、朝の起床に課題がある。"),
    ("accompany", "ハローワークへ同行。ナビゲーターとの職業相談に同席し、求人3件を検討した。"),
    ("hello_work", "ハローワークの就職支援ナビゲーターと連絡。面接結果の見込みを共有した。"),
    ("case_conference", "支援調整会議。支援プランの進捗を確認し、次回見直し日を決定した。"),
]
SEMINARS = ["応募書類の書き方セミナー", "面接対策セミナー", "パソコン基礎講座",
            "職業訓練（介護職員初任者研修）", "職業訓練（ビジネスPC科）"]
NEXT_ACTIONS = ["応募書類の確認", "面接練習", "求人票の持参", "体調の確認", "次回面談",
                "ハローワーク同行"]


@dataclass(frozen=True)
class DemoResult:
    persons: int
    episodes: int
    contacts: int
    staff_password: str | None


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> Callable[[], str]:
    keys = [k for k, _ in pairs]
    cum: list[int] = []
    total = 0
    for _, w in pairs:
        total += w
        cum.append(total)

    def pick() -> str:
        return rng.choices(keys, cum_weights=cum)[0]

    return pick


class DemoService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def generate(self, actor: Actor, persons: int, seed: int = 1,
                 progress: Callable[[int, int], None] | None = None,
                 force: bool = False) -> DemoResult:
        require(actor, "demo")
        if not 1 <= persons <= 1_000_000:
            raise InvalidInput("persons", _t("人数は1〜1,000,000で指定してください"))
        rng = random.Random(seed)
        now = self.ctx.now()
        today = self.ctx.today()
        with self.ctx.db.write() as s:
            if not force:
                self._refuse_real_records(s, actor)
            if self.ctx.db.is_sqlite:
                s.connection().exec_driver_sql("PRAGMA cache_size=-262144")
            organisation = self._organisation(s, actor)
            staff_ids, password = self._staff(s, actor, organisation)
            office_ids = self._offices(s, actor)
            routes = self._routes(s, actor, seed, organisation)
            batch = Batch(s)
            routes.register_employers(batch, fold, dict(s.execute(
                select(Employer.name_key, Employer.id)).all()))
            gen = _Generator(rng, now, today, actor, self.ctx.device_id, staff_ids, office_ids,
                             organisation, int(read_setting(s, "support_period_months")),
                             routes)
            # The plan's team by name: the caseworker and the office's navigator.
            gen.names = {uid: name for uid, name in s.execute(
                select(User.id, User.display_name).where(User.id.in_(staff_ids)))}
            start_no = (s.scalar(select(func.max(Person.search_no))) or 0) + 1
            case_base = s.scalar(select(func.count(Person.id))) or 0
            for i in range(persons):
                gen.person(batch, start_no + i, case_base + i + 1)
                if (i + 1) % 2000 == 0:
                    batch.flush()
                    if progress:
                        progress(i + 1, persons)
            routes.meetings(batch, max(3, persons // 250), s.scalar(
                select(User.id).where(User.username == "sv01")))
            batch.flush()
            if progress:
                progress(persons, persons)
            counts = batch.counts
            audit.append(s, self.ctx, actor, "demo_generate", seed=seed, rows=dict(counts))
        refresh_statistics(self.ctx.db.engine)
        return DemoResult(counts.get("persons", 0), counts.get("episodes", 0),
                          counts.get("contact_logs", 0), password)

    def _routes(self, s: Session, actor: Actor, seed: int,
                organisation: uuid.UUID) -> RoutesDemo:
        org = s.get(Organisation, organisation)
        assert org is not None
        staff = dict(s.execute(select(User.id, User.display_name)).all())
        office, navigators = OFFICES[0][0], OFFICES[0][6]
        return RoutesDemo(seed, self.ctx.today(), self.ctx.now(), self.ctx.device_id,
                          actor.user_id, (org.id, org.name), staff, (office, navigators[0][0]))

    def _refuse_real_records(self, s: Session, actor: Actor) -> None:
        """Records the demo did not make: persons entered, imported or brought back from a
        kit; staff other than the administrator and the demo's; other Hello Work offices."""
        entered = s.scalar(select(func.count(AuditEntry.id)).where(or_(
            (AuditEntry.action == "create") & (AuditEntry.entity == "person"),
            AuditEntry.action.in_(("import", "outreach_import")))))
        staff = s.scalar(select(func.count(User.id)).where(
            User.id != actor.user_id, User.username.not_in([u for u, _, _ in STAFF])))
        offices = s.scalar(select(func.count(HelloWorkOffice.id)).where(
            HelloWorkOffice.name.not_in([o[0] for o in (*OFFICES, SATELLITE)])))
        if entered or staff or offices:
            raise DomainError(_t(
                "このデータベースにはデモ以外の記録があります（対象者の登録・取込 {entered} 回、"
                "職員 {staff} 人、ハローワーク {offices} か所）。架空の対象者が実際の記録に混ざらない"
                "よう、デモデータは作りません。それでも作る場合は --force を付けてください").format(
                    entered=entered, staff=staff, offices=offices))

    def _organisation(self, s: Session, actor: Actor) -> uuid.UUID:
        """The administrator's organisation; named as the fictional city's welfare office
        while it still has the name it got at set-up."""
        org = s.get(Organisation, actor_organisation(s, actor))
        assert org is not None
        taken = s.scalar(select(Organisation.id).where(Organisation.name == ORGANISATION["name"]))
        if org.name == PLACEHOLDER_NAME and taken is None:
            for key, value in ORGANISATION.items():
                setattr(org, key, value)
            org.updated_by = actor.user_id
            s.flush()
            audit.append(s, self.ctx, actor, "update", "organisation", org.id, demo=True)
        return org.id

    def _staff(self, s: Session, actor: Actor,
               organisation: uuid.UUID) -> tuple[list[uuid.UUID], str | None]:
        existing = {u.username: u for u in s.scalars(select(User))}
        password = None
        ids: list[uuid.UUID] = []
        for username, name, role in STAFF:
            user = existing.get(username)
            if user is None:
                password = password or secrets.token_urlsafe(9)
                # An initial password: each must choose their own at the first sign-in.
                user = User(username=username, display_name=name, role=role,
                            organisation_id=organisation, must_change_password=True,
                            phone_extension="2150" if role == "supervisor" else f"21{username[-2:]}",
                            password_hash=hash_password(password), created_by=actor.user_id,
                            updated_by=actor.user_id, origin=self.ctx.device_id)
                s.add(user)
                s.flush()
                audit.append(s, self.ctx, actor, "user_create", "user", user.id, role=role,
                             demo=True)
            if role == "caseworker":
                ids.append(user.id)
        return ids, password

    def _offices(self, s: Session, actor: Actor) -> list[tuple[uuid.UUID, str]]:
        existing = {o.name: o for o in s.scalars(select(HelloWorkOffice))}
        result = []
        for index, (name, official, head, postal, address, phone, navigators) in enumerate(
                (*OFFICES, SATELLITE)):
            office = existing.get(name)
            if office is None:
                office = HelloWorkOffice(
                    name=name, official_name=official, head_title=head, postal_code=postal,
                    address=address, phone=phone, active=True,
                    kind="satellite" if index == len(OFFICES) else "main",
                    navigators=[{"name": n, "phone": p} for n, p in navigators],
                    created_by=actor.user_id, updated_by=actor.user_id,
                    origin=self.ctx.device_id)
                s.add(office)
                s.flush()
            if index < len(OFFICES):
                result.append((office.id, office.name))
        return result


class _Generator:
    """Episodes made through the domain builder (builder.History: every move checked as the
    services check it; the office's support period), like the ledger import's. Referrals
    get their number when their 支援要請書 is issued."""

    def __init__(self, rng: random.Random, now: datetime, today: date, actor: Actor,
                 origin: str, staff: list[uuid.UUID],
                 offices: list[tuple[uuid.UUID, str]], organisation: uuid.UUID,
                 support_months: int, routes: RoutesDemo) -> None:
        self.rng, self.now, self.today, self.origin = rng, now, today, origin
        self.stamps = Stamps(now, origin)
        self.support_months = support_months
        self.routes = routes
        self.actor = actor.user_id
        self.staff, self.offices = staff, offices
        self.organisation = organisation
        self.last_episode, self.last_intake = uuid.UUID(int=0), today
        self.category = _weighted(rng, CATEGORY_WEIGHTS)
        self.final_state = _weighted(rng, FINAL_STATE_WEIGHTS)
        self.earliest = today - timedelta(days=365 * 3 + 180)
        self.last_office = offices[0][1]
        self.names: dict[uuid.UUID, str] = {}
        self.navigators = {name: navigators[0][0] for name, *_, navigators in OFFICES}

    @staticmethod
    def uid() -> uuid.UUID:
        # Content is reproducible from the seed; identities are not, so that a second run
        # with the same seed adds new records instead of colliding with the first.
        return uuid.uuid4()

    def stamp(self, who: uuid.UUID) -> dict[str, Any]:
        return self.stamps(who)

    def days_after(self, d: date, lo: int, hi: int) -> date:
        return d + timedelta(days=self.rng.randint(lo, hi))

    def person(self, batch: Batch, search_no: int, serial: int) -> None:
        rng = self.rng
        female = rng.random() < 0.48
        family, fkana = rng.choice(FAMILY)
        given, gkana = rng.choice(FEMALE if female else MALE)
        birth = date(1955, 1, 1) + timedelta(days=rng.randint(0, 365 * 47))
        postal3, city, towns, area_code = rng.choice(AREAS)
        town = rng.choice(towns)
        address = (f"{city}{town}{rng.randint(1, 5)}丁目{rng.randint(1, 30)}番"
                   f"{rng.randint(1, 20)}号")
        if rng.random() < 0.4:
            address += f" {rng.choice(['コーポ', 'ハイツ', 'メゾン'])}{town}{rng.randint(1, 3)}0{rng.randint(1, 9)}"
        local = 10 - len(area_code)
        home = f"{area_code}-{rng.randint(10 ** (local - 5), 10 ** (local - 4) - 1)}-{rng.randint(1000, 9999)}"
        mobile = f"0{rng.choice('789')}0-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
        caseworker = rng.choice(self.staff)
        data = PersonInput(
            case_number=f"{serial:07d}", family_name=family, given_name=given,
            family_kana=fkana, given_kana=gkana, birth_date=birth, category=self.category(),
            sex="female" if female else "male",
            postal_code=f"{postal3}-{rng.randint(0, 9999):04d}", address=address,
            phone_home=home if rng.random() < 0.3 else "",
            phone_mobile=mobile if rng.random() < 0.85 else "",
            household=rng.choice(["単身世帯", "母子世帯（子2人）", "夫婦世帯", "母子世帯（子1人）",
                                  "高齢の親と同居"]),
            barriers=rng.choice(BARRIERS),
            education=rng.choice(["中学校卒業", "高等学校卒業", "高等学校中退", "専門学校卒業",
                                  "大学卒業"]),
            work_history=f"{rng.choice(JOBS)}（{rng.randint(1, 12)}年）",
            licences=rng.choice(LICENCES), desired_job=rng.choice(JOBS),
            desired_hours=rng.choice(["日勤のみ", "週20時間程度", "フルタイム", "9時〜15時"]),
            desired_wage=rng.choice(["時給1,100円以上", "月給18万円以上", "時給1,050円以上"]),
            desired_area=city,
        )
        pid = self.uid()
        row = {**self.stamp(self.actor), "id": pid, **{k: getattr(data, k) for k in (
            "case_number", "family_name", "given_name", "family_kana", "given_kana",
            "birth_date", "category", "sex", "postal_code", "address", "phone_home",
            "phone_mobile", "household", "barriers", "education", "work_history", "licences",
            "desired_job", "desired_hours", "desired_wage", "desired_area")},
            **search_keys(data), "caseworker_id": caseworker,
            "organisation_id": self.organisation, "search_no": search_no}
        batch.add(Person, row)
        not_before = self.earliest
        first: tuple[uuid.UUID, date] | None = None
        if rng.random() < 0.2:  # an earlier, closed episode
            not_before = self.episode(batch, pid, caseworker, data.category, "closed",
                                      self.today - timedelta(days=400), not_before)
            first = self.last_episode, self.last_intake
        self.episode(batch, pid, caseworker, data.category, self.final_state(), self.today,
                     not_before + timedelta(days=1))
        episode_id, intake_on = first or (self.last_episode, self.last_intake)
        batch.add(CaseAssignment, {
            **self.stamp(caseworker), "person_id": pid, "episode_id": episode_id,
            "caseworker_id": caseworker, "previous_caseworker_id": None,
            "organisation_id": self.organisation, "effective_on": intake_on,
            "reason": "intake"})

    def episode(self, batch: Batch, pid: uuid.UUID, cw: uuid.UUID, category: str, final: str,
                span_end: date, not_before: date) -> date:
        """One episode that reaches ``final`` (or as far as time allows); returns its last day."""
        rng = self.rng
        closes = final == "closed"
        target = rng.choice(PATH) if closes else final
        reach = PATH.index(target)
        # Closed episodes spread over the past years; open ones started recently enough to
        # still be where they are (nobody waits two years for Hello Work's answer).
        lookback = 900 if closes else 25 * reach + (150 if target == "retention" else 40)
        start_window = max(not_before, span_end - timedelta(days=lookback))
        room = max(1, (span_end - start_window).days - 18 * reach)
        intake = start_window + timedelta(days=rng.randint(0, room))
        eid = self.uid()
        self.last_episode, self.last_intake = eid, intake
        history = History(intake, self.today)
        values: dict[str, Any] = {"note": "", "organisation_id": self.organisation}
        day = intake
        placement_start: date | None = None
        accepted_on: date | None = None
        job: tuple[uuid.UUID, str, str, str] | None = None
        referral: dict[str, Any] | None = None
        for nxt in PATH[1:reach + 1]:
            if nxt == "retention":
                break  # entered automatically together with placed
            step = self.days_after(day, 3, 20 if not closes else 35)
            if step > span_end:
                break
            day = step
            if nxt == "consented":
                values.update(screening_decision="approved", screening_decided_on=day,
                              screening_meeting="所内協議")
                self.consents(batch, eid, cw, day)
            elif nxt == "referred":
                referral = self.referral(batch, eid, cw, day)
                # 区分 and 担当 frozen at the referral (the demo never reassigns).
                values.update(category_at_referral=category, caseworker_at_referral=cw,
                              organisation_at_referral=self.organisation)
            elif nxt == "active":
                if referral is not None:
                    referral.update(status="accepted", status_on=day)
                values.update(support_start_on=day,
                              planned_end_on=support_end(day, self.support_months))
                self.plan(batch, eid, cw, day)
                accepted_on = day
            elif nxt == "placed":
                placement_start = day
                job = self.placement(batch, eid, cw, day)
            history.move(nxt, day)
            if nxt == "placed":
                history.move("retention", day, note="就職により定着支援へ自動移行")
        if closes:
            state = history.state
            day = min(self.days_after(day, 10, 200), span_end)
            reason = (rng.choice(["就職(定着確認)", "就職(定着確認)", "保護廃止(就労収入増)"])
                      if state == "retention" else
                      rng.choice(["辞退", "連絡不能", "支援期間満了", "傷病等で就労困難",
                                  "転居・移管", "他事業へ移行"]))
            if state == "screening" and rng.random() < 0.5:
                reason = "同意なし"
            history.move("closed", day, reason)
            if state == "referred" and referral is not None:
                # closed while waiting: the referral was withdrawn
                referral.update(status="withdrawn", status_on=day)
        if accepted_on is not None and referral is not None:
            # Hello Work's support until the job, the closure, or today.
            latest = self.activities(batch, eid, cw, referral["office_id"], accepted_on,
                                     placement_start or (day if closes else span_end), job)
            if history.state == "active":  # still in support: Hello Work's news clock runs
                referral["last_news_on"] = latest
            office = next(o for o in OFFICES if o[0] == self.last_office)
            values.update(
                job_seeker_number=f"{13000 + rng.randint(1, 99)}-{rng.randint(0, 99999999):08d}",
                navigator=office[6][0][0])
        if placement_start and rng.random() < 0.35:
            out_on = self.days_after(placement_start, 60, 300)
            if out_on <= self.today:
                batch.add(ProtectionOutcome, {**self.stamp(cw), "episode_id": eid,
                                              "placement_id": job[0] if job else None,
                                              "kind": rng.choice(["abolished", "reduced"]),
                                              "decided_on": out_on,
                                              "independence_benefit": rng.random() < 0.5})
        # The decision's route, readiness, other routes, costs (demo_routes): the day each
        # state was (last) entered, and the episode's values, which it completes.
        reached = {m.to_state: m.on for m in history.moves}
        episode: dict[str, Any] = {"id": eid, "screening_decided_on": None, **values}
        self.routes.episode(batch, episode, reached, cw, day if closes else None)
        del episode["id"]
        add_episode(batch, self.stamps, eid, pid, history, cw, **episode)
        self.contacts(batch, eid, cw, intake, day if closes else span_end)
        return day

    def consents(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, day: date) -> None:
        office = self.rng.choice(self.offices)[1]
        for kind in ("participation", "information_sharing"):
            text = WORDINGS[kind]
            batch.add(Consent, {
                **self.stamp(cw), "episode_id": eid, "kind": kind,
                "recipients": [office] if kind == "information_sharing" else [],
                "scope": list(CONSENT_SCOPE) if kind == "information_sharing" else [],
                "signed_on": day, "valid_until": add_months(day, 24), "withdrawn_on": None,
                "withdrawal_note": "", "wording_version": WORDING_VERSION,
                "wording_text": text, "wording_hash": wording_hash(text), "scan": None,
                "scan_mime": None})
        self.last_office = office

    def referral(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID,
                 day: date) -> dict[str, Any]:
        office_id = next(o for o, n in self.offices if n == self.last_office)
        # Numbered from the organisation's register when the 支援要請書 is issued.
        referral = {**self.stamp(cw), "episode_id": eid, "number": None,
                    "referred_on": day, "office_id": office_id, "sent_by": cw,
                    "status": "sent", "status_on": day, "return_reason": "",
                    "printed_at": None, "last_news_on": None}
        batch.add(Referral, referral)  # the dict is inserted when the batch is flushed
        return referral

    def plan(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, day: date) -> None:
        rng = self.rng
        batch.add(Plan, {
            **self.stamp(cw), "episode_id": eid, "revision": 1,
            "team": [{"name": self.names.get(cw, "担当ケースワーカー"), "side": "welfare",
                      "role": "地区担当員"},
                     {"name": self.navigators.get(self.last_office, "就職支援ナビゲーター"),
                      "side": "hello_work", "role": "就職支援ナビゲーター"}],
            "planned_on": day,
            "goal_job": rng.choice(JOBS), "goal_employment_type": rng.choice(["パート", "正社員", "契約社員"]),
            "goal_hours": "週20〜30時間", "goal_wage": "時給1,100円以上", "goal_area": "自宅から30分以内",
            "goal_target_on": add_months(day, 3), "barriers": rng.choice(BARRIERS),
            "menu": rng.sample(list(SUPPORT_MENU), 3),
            "role_hello_work": "職業相談・職業紹介、面接対策", "role_welfare": "生活面の支援、同行支援"})

    def activities(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, office: uuid.UUID,
                   accepted: date, until: date,
                   job: tuple[uuid.UUID, str, str, str] | None) -> date:
        """Hello Work's support between the acceptance and the job (or the last day): a
        consultation, sometimes a seminar, a few referrals with interviews and answers, and
        the 採用 the placement confirms. Returns the day of the latest one."""
        rng = self.rng
        end = min(until, self.today)
        span = max(1, (end - accepted).days)

        latest = accepted

        def add(kind: str, on: date, **values: Any) -> None:
            nonlocal latest
            day = max(accepted, min(on, end))
            latest = max(latest, day)
            batch.add(HelloWorkActivity, {
                **self.stamp(cw), "episode_id": eid, "office_id": office, "kind": kind,
                "activity_on": day, "end_on": None, "company": "", "job_title": "",
                "title": "", "result": None, "note": "", "source": "manual",
                "placement_id": None, "dismissed_on": None, **values})

        add("consultation", accepted + timedelta(days=rng.randint(0, min(7, span))))
        if rng.random() < 0.3:
            start = accepted + timedelta(days=rng.randint(0, span))
            add("seminar", start, title=rng.choice(SEMINARS),
                end_on=min(start + timedelta(days=rng.randint(0, 4)), end))
        tries = rng.randint(0, 2) if job else rng.randint(0, 3)
        for _ in range(tries):
            on = accepted + timedelta(days=rng.randint(0, span))
            company, title = rng.choice(EMPLOYERS), rng.choice(JOBS)
            add("job_referral", on, company=company, job_title=title)
            if rng.random() < 0.6:
                add("interview", on + timedelta(days=rng.randint(3, 10)), company=company)
                add("outcome", on + timedelta(days=rng.randint(11, 20)), company=company,
                    result=rng.choice(["rejected", "rejected", "declined"]))
        if job is not None and job[3] == "hello_work":  # found through Hello Work
            pid, company, title, _ = job
            add("job_referral", end - timedelta(days=12), company=company, job_title=title)
            add("interview", end - timedelta(days=6), company=company)
            add("outcome", end - timedelta(days=3), company=company, job_title=title,
                result="hired", placement_id=pid)
        return latest

    def placement(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID,
                  day: date) -> tuple[uuid.UUID, str, str, str]:
        """The placement's id, employer, job and route."""
        rng = self.rng
        hourly = rng.random() < 0.6
        pid = self.uid()
        employer, title = rng.choice(EMPLOYERS), rng.choice(JOBS)
        route = rng.choice(["hello_work", "hello_work", "self", "other"])
        batch.add(Placement, {
            **self.stamp(cw), "id": pid, "episode_id": eid, "start_on": day,
            "employer": employer, "employer_address": "",
            "employer_id": self.routes.employer_of(employer),
            "job_title": title, "employment_type": "パート" if hourly else "正社員",
            "term_category": rng.choice(["indefinite", "indefinite", "over_4m", "1_to_4m",
                                         "under_1m"]),
            "weekly_hours": float(rng.choice([20, 25, 30, 40])),
            "wage_amount": rng.choice([1080, 1120, 1200]) if hourly else rng.choice(
                [180000, 200000, 220000]),
            "wage_unit": "hourly" if hourly else "monthly",
            "employment_insurance": rng.random() < 0.7,
            "route": route,
            "end_on": None, "end_reason": ""})
        for months in (1, 3, 6):
            due = add_months(day, months)
            done = due + timedelta(days=rng.randint(0, 10)) if due <= self.today else None
            result = None
            if done and done <= self.today:
                result = rng.choices(["employed", "left", "unreachable"], [80, 12, 8])[0]
            else:
                done = None
            batch.add(RetentionCheckpoint, {**self.stamp(cw), "placement_id": pid,
                                            "episode_id": eid, "months": months, "due_on": due,
                                            "done_on": done, "result": result, "note": ""})
        return pid, employer, title, route

    def contacts(self, batch: Batch, eid: uuid.UUID, cw: uuid.UUID, start: date,
                 end: date) -> None:
        rng = self.rng
        count = rng.randint(6, 12)
        span = max(1, (end - start).days)
        for _ in range(count):
            on = start + timedelta(days=rng.randint(0, span))
            kind, text = rng.choice(CONTACT_TEXT)
            due = on + timedelta(days=rng.randint(3, 21)) if rng.random() < 0.5 else None
            batch.add(ContactLog, {
                **self.stamp(cw), "episode_id": eid, "contact_on": on, "kind": kind, "staff_id": cw,
                "content": text, "next_action": rng.choice(NEXT_ACTIONS) if due else "",
                "next_action_due": due,
                # Caseworkers finish their next actions; a few recent ones stay open.
                "next_action_done_on": (due + timedelta(days=rng.randint(0, 5))
                                        if due and (due < self.today - timedelta(days=30)
                                                    or rng.random() < 0.8) else None),
                "attendees_welfare": "担当CW、査察指導員" if kind == "case_conference" else "",
                "attendees_hello_work": "就職支援ナビゲーター" if kind == "case_conference" else "",
                "decisions": "支援プランを継続" if kind == "case_conference" else "",
                "next_review_on": on + timedelta(days=30) if kind == "case_conference" else None})

