"""The owner's numbers: weekly figures, cohorts, RFM segments and campaign results.

Pure functions over a SQLAlchemy session that return frozen dataclasses (no Qt). Figures are
read from rollup tables kept up to date incrementally (:mod:`.rollup`); DESIGN §10 has the
definitions, restated where each is computed.
"""

from __future__ import annotations

from desktop.models.analytics.campaign_results import CampaignResult, Uplift, campaign_results
from desktop.models.analytics.cohorts import Cohort, CohortTable, cohort_table
from desktop.models.analytics.dashboard import (
    KPI_KEYS,
    CampaignRedemption,
    Dashboard,
    Kpi,
    Period,
    build_dashboard,
    coupon_redemption,
)
from desktop.models.analytics.rfm import (
    SEGMENTS,
    MemberScore,
    RfmSummary,
    SegmentMembers,
    SegmentRow,
    member_scores,
    segment_member_ids,
)
from desktop.models.analytics.rollup import RefreshResult
from desktop.models.analytics.weekly import CampaignWeek, WeekFigures, weekly_figures
from desktop.models.analytics.weeks import week_label, week_start

__all__ = [
    "KPI_KEYS",
    "SEGMENTS",
    "CampaignRedemption",
    "CampaignResult",
    "CampaignWeek",
    "Cohort",
    "CohortTable",
    "Dashboard",
    "Kpi",
    "MemberScore",
    "Period",
    "RefreshResult",
    "RfmSummary",
    "SegmentMembers",
    "SegmentRow",
    "Uplift",
    "WeekFigures",
    "build_dashboard",
    "campaign_results",
    "cohort_table",
    "coupon_redemption",
    "member_scores",
    "segment_member_ids",
    "week_label",
    "week_start",
    "weekly_figures",
]
