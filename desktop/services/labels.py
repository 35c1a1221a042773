"""Keys used in code and the Japanese labels people see, for states and code lists.

The desktop UI passes these through Qt's translation layer (Japanese is the source language);
the CLI and messages from services use them directly.
"""

from __future__ import annotations

from desktop.i18n import translate

STATES: dict[str, str] = {
    "candidate": "候補",
    "screening": "検討",
    "consented": "同意取得",
    "referred": "支援要請済",
    "active": "支援中",
    "placed": "就職",
    "retention": "定着支援",
    "closed": "終了",
}

CATEGORIES: dict[str, str] = {
    "public_assistance": "生活保護受給者",
    "child_rearing": "児童扶養手当受給者",
    "housing_benefit": "住居確保給付金受給者",
    "needy": "生活困窮者",
    "disability": "障害者",
    "other": "その他",
}

CONSENT_KINDS: dict[str, str] = {
    "participation": "参加同意",
    "information_sharing": "情報提供同意",
}

CONSENT_SCOPE: dict[str, str] = {
    "identity_contact": "氏名・連絡先等の本人確認情報",
    "health_barriers": "健康状態・就労阻害要因",
    "education_work_history": "学歴・職歴",
    "job_search_status": "求職活動の状況",
    "placement_retention": "就職・定着の状況",
}

# What each scope item covers, as the 同意書 explains it (printed beside the item's box, and
# the fields that follow it in services/printing.py).
CONSENT_SCOPE_COVERS: dict[str, str] = {
    "identity_contact": "氏名、フリガナ、生年月日、性別、住所、電話番号",
    "health_barriers": "健康状態、世帯の状況、就労を妨げている事情（就労阻害要因）とその対応",
    "education_work_history": "学歴、職歴、資格・免許",
    "job_search_status": "希望する仕事と条件、就労支援プランの目標と内容、これまでの支援の経過、"
                         "求職活動の状況、支援の終了",
    "placement_retention": "就職先、就職日、雇用条件、雇用保険、就職経路、職場定着の確認の結果、"
                           "就労による保護の廃止・減額と就労自立給付金の申請の有無",
}

# 希望する支援: what a 支援要請書 asks of Hello Work (ticked in the print dialog).
REQUESTED_SUPPORT: dict[str, str] = {
    "job_placement": "職業相談・職業紹介",
    "application_documents": "応募書類作成",
    "interview": "面接対策",
    "seminar": "セミナー",
    "training": "職業訓練",
    "work_experience": "職場体験",
    "retention": "定着支援",
}

DEFAULT_CLOSURE_REASONS: list[str] = [
    "就職(定着確認)",
    "保護廃止(就労収入増)",
    "辞退",
    "同意撤回",
    "傷病等で就労困難",
    "転居・移管",
    "連絡不能",
    "支援期間満了",
    "他事業へ移行",
    "同意なし",
]
CLOSURE_NO_CONSENT = "同意なし"
# The closure that comes with a withdrawn 参加同意 (used even if removed from the settings).
CLOSURE_WITHDRAWN = "同意撤回"

CONTACT_KINDS: dict[str, str] = {
    "interview": "面談",
    "phone": "電話",
    "home_visit": "家庭訪問",
    "accompany": "同行",
    "case_conference": "ケース会議",
    "hello_work": "HW連絡",
}

SUPPORT_MENU: dict[str, str] = {
    "navigator": "ナビゲーター職業相談・紹介",
    "readiness_program": "職業準備プログラム",
    "seminar": "セミナー",
    "trial_employment": "トライアル雇用",
    "public_training": "公共職業訓練",
    "work_experience": "職場体験",
    "accompanied": "同行支援",
}

TERM_CATEGORIES: dict[str, str] = {
    "indefinite": "定めなし",
    "over_4m": "4か月以上",
    "1_to_4m": "1か月以上4か月未満",
    "under_1m": "1か月未満",
}

PLACEMENT_ROUTES: dict[str, str] = {
    "hello_work": "HW紹介",
    "self": "自己開拓",
    "other": "その他",
}

CHECKPOINT_RESULTS: dict[str, str] = {
    "employed": "継続就労",
    "left": "離職",
    "unreachable": "連絡不能",
    # Settled without a check: the episode was closed and the check cancelled with it.
    "cancelled": "中止",
}
# What a caseworker records after a check (中止 comes only with closing the episode).
CHECKPOINT_OBSERVED = ("employed", "left", "unreachable")

PROTECTION_OUTCOMES: dict[str, str] = {"abolished": "保護廃止", "reduced": "減額"}

# ハローワークの支援 on a referred case (HelloWorkActivity.kind), in the order they happen.
HELLO_WORK_ACTIVITIES: dict[str, str] = {
    "consultation": "職業相談",
    "job_referral": "職業紹介",
    "application": "応募",
    "interview": "面接",
    "outcome": "採否",
    "seminar": "セミナー・訓練",
}

# 採否: the employer's answer (HelloWorkActivity.result of an "outcome").
HIRING_RESULTS: dict[str, str] = {"hired": "採用", "rejected": "不採用", "declined": "辞退"}

ROLES: dict[str, str] = {
    "admin": "管理者",
    "supervisor": "査察指導員",
    "caseworker": "ケースワーカー",
    "consultant": "相談支援員",
    "job_support": "就労支援員",
    "viewer": "閲覧のみ",
}
# Roles with a caseload of their own (the caseworker's rules): 相談支援員 and 就労支援員 are
# the 自立相談支援機関's, and only its staff may hold them.
CASELOAD_ROLES = ("caseworker", "consultant", "job_support")
INDEPENDENT_SUPPORT_ROLES = ("consultant", "job_support")

SEXES: dict[str, str] = {"male": "男性", "female": "女性", "other": "その他"}

ORGANISATION_KINDS: dict[str, str] = {
    "welfare_office": "福祉事務所",
    "independent_support_direct": "自立相談支援機関（直営）",
    "independent_support_contracted": "自立相談支援機関（委託）",
    "other": "その他",
}

OFFICE_KINDS: dict[str, str] = {
    "main": "本所・出張所",
    "satellite": "常設窓口（福祉事務所内など）",
}

INDEPENDENT_SUPPORT_KINDS = ("independent_support_direct", "independent_support_contracted")

# 就労準備度: the items of the readiness check at 検討 (the default set; configurable in the
# setting readiness_items), each scored on this scale with a short note.
DEFAULT_READINESS_ITEMS: list[str] = [
    "生活リズム",
    "健康状態・通院",
    "就労意欲",
    "基本的なコミュニケーション",
    "職歴",
    "家族・育児・介護",
    "移動手段",
    "債務・家計",
    "求職活動の経験",
]
READINESS_SCORES: dict[int, str] = {
    1: "課題が大きい",
    2: "課題がある",
    3: "おおむね良好",
    4: "良好",
}

# 支援の経路: where the screening decision leads, and where a person can move later.
ROUTES: dict[str, str] = {
    "hello_work": "ハローワークへの支援要請",
    "work_readiness": "就労準備支援事業",
    "work_experience": "職場体験・中間的就労",
    "training": "職業訓練",
}
# The routes that are support activities of their own on the episode.
ACTIVITY_KINDS: dict[str, str] = {k: v for k, v in ROUTES.items() if k != "hello_work"}
EXPERIENCE_TYPES: dict[str, str] = {
    "work_experience": "職場体験",
    "intermediate_employment": "中間的就労",
}
TRAINING_TYPES: dict[str, str] = {
    "job_seeker_support": "求職者支援訓練",
    "public_training": "公共職業訓練",
}
ACTIVITY_OUTCOMES: dict[str, str] = {
    "completed": "修了",
    "discontinued": "中断",
    "employed": "就職により終了",
}

# 協力事業所: what a cooperating employer offers.
EMPLOYER_OFFERS: dict[str, str] = {
    "work_experience": "職場体験",
    "intermediate_employment": "中間的就労",
    "job_offers": "求人",
    "retention_support": "定着支援への協力",
}

# 支援費用: 交通費 and other costs paid to a person, by purpose.
COST_KINDS: dict[str, str] = {"transport": "交通費", "other": "その他の費用"}
COST_PURPOSES: dict[str, str] = {
    "interview": "面接",
    "work_experience": "職場体験",
    "training": "訓練",
    "job_search": "求職活動",
    "other": "その他",
}
DEFAULT_FUNDING_SOURCES: list[str] = [
    "就労準備支援事業費",
    "被保護者就労支援事業費",
    "生活保護費（一時扶助）",
    "市単独事業費",
]

# 会議: the meetings whose decisions go into the persons' histories.
MEETING_KINDS: dict[str, str] = {
    "coordination": "支援調整会議",
    "case_conference": "ケース会議",
    "hello_work_liaison": "ハローワーク連絡会議",
}
ATTENDEE_SIDES: dict[str, str] = {
    "own": "当機関",
    "hello_work": "ハローワーク",
    "other": "関係機関",
}

ASSIGNMENT_REASONS: dict[str, str] = {
    "intake": "受付",
    "reassign": "担当変更",
    "transfer": "担当の一括変更（人事異動）",
    "import": "台帳取込",
}


# Notes the application itself writes on the state history (stored in Japanese, shown in the
# language of the reader like the labels above).
SYSTEM_NOTES: list[str] = [
    "就職により定着支援へ自動移行",
    "離職",
    "台帳から取込",
    "台帳取込: 次の就職の前に離職",
    "経路の変更により支援要請を取下げ",
]


def shown(text: str) -> str:
    """A label above in the language chosen on this PC (for messages built by services)."""
    return translate("Labels", text)
