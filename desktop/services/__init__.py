"""Use cases of Tsunagi. No Qt here: every write checks permission, validates, audits, and
runs in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from desktop.models.db import Database
from desktop.models.keystore import KeyInfo
from desktop.services import audit, hygiene
from desktop.services.auth import AuthService
from desktop.services.caseload import CaseloadService
from desktop.services.consent import ConsentService
from desktop.services.context import ServiceContext
from desktop.services.costs import CostService
from desktop.services.employers import EmployerService
from desktop.services.hello_work import HelloWorkService
from desktop.services.ledger import LedgerService
from desktop.services.maintenance import MaintenanceService
from desktop.services.meetings import MeetingService
from desktop.services.offices import OfficeService
from desktop.services.organisations import OrganisationService
from desktop.services.outreach import OutreachService
from desktop.services.persons import PersonService
from desktop.services.printing import PrintService
from desktop.services.records import EpisodeRecords
from desktop.services.reports import ReportService
from desktop.services.retention import RetentionService
from desktop.services.routes import RouteService
from desktop.services.search import SearchService
from desktop.services.settings import SettingsService
from desktop.services.workflow import WorkflowService


@dataclass(frozen=True)
class Services:
    ctx: ServiceContext
    auth: AuthService
    persons: PersonService
    workflow: WorkflowService
    consent: ConsentService
    search: SearchService
    settings: SettingsService
    offices: OfficeService
    organisations: OrganisationService
    maintenance: MaintenanceService
    caseload: CaseloadService
    records: EpisodeRecords
    printing: PrintService
    reports: ReportService
    ledger: LedgerService
    retention: RetentionService
    outreach: OutreachService
    routes: RouteService
    employers: EmployerService
    costs: CostService
    meetings: MeetingService
    hello_work: HelloWorkService


def build_services(db: Database, device_id: str, *, engine: Engine | None = None,
                   key_info: KeyInfo | None = None,
                   now: Callable[[], datetime] | None = None,
                   defer_views: bool = False) -> Services:
    """``defer_views``: the desktop's runner flushes view audits (see viewlog)."""
    hygiene.install()
    audit.install()
    ctx = (ServiceContext(db, device_id, now, defer_views) if now
           else ServiceContext(db, device_id, defer_views=defer_views))
    return Services(
        ctx=ctx, auth=AuthService(ctx), persons=PersonService(ctx),
        workflow=WorkflowService(ctx), consent=ConsentService(ctx),
        search=SearchService(ctx), settings=SettingsService(ctx), offices=OfficeService(ctx),
        organisations=OrganisationService(ctx),
        maintenance=MaintenanceService(ctx, engine or db.engine, key_info),
        caseload=CaseloadService(ctx), records=EpisodeRecords(ctx), printing=PrintService(ctx),
        reports=ReportService(ctx), ledger=LedgerService(ctx),
        retention=RetentionService(ctx), outreach=OutreachService(ctx),
        routes=RouteService(ctx), employers=EmployerService(ctx), costs=CostService(ctx),
        meetings=MeetingService(ctx),
        hello_work=HelloWorkService(ctx),
    )
