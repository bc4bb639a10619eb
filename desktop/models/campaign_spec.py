"""What a campaign is: its kind, offer, validity, limits and automatic trigger, as a frozen
value with JSON conversion and validation that names every problem by field.

``CampaignSpec.from_json`` accepts what a file, the sync feed or a form gives (dates as ISO text
or ``date``; the multiplier as ``"multiplier": 2`` / ``1.5`` or as ``multiplier_tenths``) and
raises ``DomainError("campaign_spec_invalid", problems=[{"field": …, "reason": …}, …])`` listing
every problem at once, so a form can mark all its fields in one go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, Literal

from desktop.models.errors import DomainError

CampaignKind = Literal["amount_off", "percent_off", "spend_save", "gift", "points_multiplier"]
Trigger = Literal["welcome", "birthday", "winback", "nth_visit", "spend_over"]

KINDS = ("amount_off", "percent_off", "spend_save", "gift", "points_multiplier")
COUPON_KINDS = ("amount_off", "percent_off", "spend_save", "gift")
TRIGGERS = ("welcome", "birthday", "winback", "nth_visit", "spend_over")
SCOPES = ("shop", "alliance")

MAX_FEN = 100_000_000  # ¥1,000,000, the largest sale the counter takes
MAX_DAYS = 3650
MAX_LIMIT = 1000
MAX_QUOTA = 10_000_000
LAST_DAY = dt.date(2199, 12, 31)  # coupon codes carry days since 2020 in 16 bits
FIRST_DAY = dt.date(2020, 1, 1)

Problem = dict[str, str]


@dataclass(frozen=True)
class CampaignSpec:
    name: str
    kind: str  # CampaignKind
    value_fen: int = 0  # amount_off: the amount; spend_save: the saving Y
    percent: int = 0  # percent_off: 1..100
    cap_fen: int = 0  # percent_off: the most it takes off (0 = no cap)
    min_spend_fen: int = 0  # spend_save: X; any kind: least bill to use it
    gift: str = ""  # gift: what the customer gets
    multiplier_tenths: int = 10  # points_multiplier: 20 = ×2.0 (JSON "multiplier": 2)
    valid_from: dt.date | None = None  # fixed window ...
    valid_to: dt.date | None = None
    valid_days: int | None = None  # ... or N days from issue (issue day counts as day 1)
    quota: int | None = None  # total coupons that may be issued (None = no limit)
    per_member_limit: int = 1
    scope: str = "shop"  # "shop" | "alliance"
    offline_redeemable: bool = True
    holdout_pct: int = 0  # 0..50
    terms: str = ""  # printed small print
    trigger: str | None = None  # automatic rule, else None
    trigger_days: int = 0  # winback: days without a visit
    trigger_visits: int = 0  # nth_visit: N (stamp card)
    trigger_spend_fen: int = 0  # spend_over: X

    @property
    def is_coupon(self) -> bool:
        """Issued as coupons (every kind except the points multiplier period)."""
        return self.kind in COUPON_KINDS

    def problems(self) -> list[Problem]:
        """Every problem with this spec, by field; empty when it can be saved."""
        return _problems(self)

    def validate(self) -> CampaignSpec:
        problems = self.problems()
        if problems:
            raise DomainError("campaign_spec_invalid", problems=problems)
        return self

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CampaignSpec:
        """Parse and validate; raises ``campaign_spec_invalid`` with every problem found."""
        if not isinstance(data, dict):
            raise DomainError("campaign_spec_invalid", problems=[_p("spec", "invalid")])
        values, problems = _parse(data)
        spec = cls(**{"name": "", "kind": "", **values})
        seen = {p["field"] for p in problems}
        if "multiplier" in seen:
            seen.add("multiplier_tenths")
        problems += [p for p in spec.problems() if p["field"] not in seen]
        if problems:
            raise DomainError("campaign_spec_invalid", problems=problems)
        return spec

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types; ``from_json(spec.to_json()) == spec``."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "multiplier_tenths":
                out["multiplier"] = value // 10 if value % 10 == 0 else value / 10
            elif isinstance(value, dt.date):
                out[f.name] = value.isoformat()
            else:
                out[f.name] = value
        return out


def _p(field: str, reason: str) -> Problem:
    return {"field": field, "reason": reason}


# -- parsing ------------------------------------------------------------------------------

_INT_FIELDS = {
    "value_fen",
    "percent",
    "cap_fen",
    "min_spend_fen",
    "multiplier_tenths",
    "per_member_limit",
    "holdout_pct",
    "trigger_days",
    "trigger_visits",
    "trigger_spend_fen",
}
_OPTIONAL_INT_FIELDS = {"valid_days", "quota"}
_STR_FIELDS = {"name", "kind", "gift", "scope", "terms"}
_DATE_FIELDS = {"valid_from", "valid_to"}
_FIELD_NAMES = {f.name for f in fields(CampaignSpec)}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _parse_multiplier(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    tenths = round(value * 10)
    return tenths if abs(value * 10 - tenths) < 1e-9 else None


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _parse_value(key: str, value: Any) -> tuple[Any, str | None]:
    """(parsed value, problem reason or None) for one known key."""
    if key in _INT_FIELDS:
        return (value, None) if _is_int(value) else (None, "invalid")
    if key in _OPTIONAL_INT_FIELDS:
        return (value, None) if value is None or _is_int(value) else (None, "invalid")
    if key in _STR_FIELDS:
        return (value, None) if isinstance(value, str) else (None, "invalid")
    if key in _DATE_FIELDS:
        if value is None or value == "":
            return None, None
        day = _parse_date(value)
        return (day, None) if day is not None else (None, "invalid")
    if key == "offline_redeemable":
        return (value, None) if isinstance(value, bool) else (None, "invalid")
    if key == "trigger":
        if value is None or value == "":
            return None, None
        return (value, None) if isinstance(value, str) else (None, "invalid")
    raise AssertionError(key)


def _parse(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, raw in data.items():
        if key == "multiplier":
            tenths = _parse_multiplier(raw)
            if tenths is None:
                problems.append(_p("multiplier", "invalid"))
            else:
                values["multiplier_tenths"] = tenths
            continue
        if key not in _FIELD_NAMES:
            problems.append(_p(str(key), "unknown"))
            continue
        if key == "multiplier_tenths" and "multiplier" in data:
            continue  # the JSON key wins; both say the same in a round trip
        value, reason = _parse_value(key, raw)
        if reason is not None:
            problems.append(_p(key, reason))
        else:
            values[key] = value
    for required in ("name", "kind"):
        if required not in data:
            problems.append(_p(required, "required"))
    return values, problems


# -- validation ---------------------------------------------------------------------------


def _amount(problems: list[Problem], field: str, value: int, *, required: bool) -> None:
    if value < 0:
        problems.append(_p(field, "negative"))
    elif value > MAX_FEN:
        problems.append(_p(field, "too_large"))
    elif required and value == 0:
        problems.append(_p(field, "required"))


def _offer_problems(spec: CampaignSpec, problems: list[Problem]) -> None:
    kind = spec.kind
    _amount(problems, "value_fen", spec.value_fen, required=kind in ("amount_off", "spend_save"))
    _amount(problems, "cap_fen", spec.cap_fen, required=False)
    _amount(problems, "min_spend_fen", spec.min_spend_fen, required=kind == "spend_save")
    if spec.percent < 0:
        problems.append(_p("percent", "negative"))
    elif spec.percent > 100:
        problems.append(_p("percent", "above_100"))
    elif kind == "percent_off" and spec.percent == 0:
        problems.append(_p("percent", "required"))
    if kind == "spend_save" and 0 < spec.min_spend_fen < spec.value_fen:
        problems.append(_p("value_fen", "too_large"))  # saving more than the bill it needs
    gift = spec.gift.strip()
    if kind == "gift" and not gift:
        problems.append(_p("gift", "required"))
    elif len(gift) > 100:
        problems.append(_p("gift", "too_long"))
    if spec.multiplier_tenths < 0:
        problems.append(_p("multiplier_tenths", "negative"))
    elif kind == "points_multiplier" and not 11 <= spec.multiplier_tenths <= 100:
        problems.append(_p("multiplier_tenths", "out_of_range"))


def _validity_problems(spec: CampaignSpec, problems: list[Problem]) -> None:
    start, end, days = spec.valid_from, spec.valid_to, spec.valid_days
    fixed = start is not None or end is not None
    if spec.kind == "points_multiplier" and days is not None:
        problems.append(_p("valid_days", "not_for_kind"))
    elif fixed and days is not None:
        problems.append(_p("valid_days", "both"))
    elif not fixed and days is None:
        if spec.kind == "points_multiplier":
            problems.extend([_p("valid_from", "required"), _p("valid_to", "required")])
        else:
            problems.append(_p("valid_days", "neither"))
    if fixed:
        for field, day in (("valid_from", start), ("valid_to", end)):
            if day is None:
                problems.append(_p(field, "required"))
            elif not FIRST_DAY <= day <= LAST_DAY:
                problems.append(_p(field, "out_of_range"))
        if start is not None and end is not None and end < start:
            problems.append(_p("valid_to", "before_valid_from"))
    if days is not None:
        if days < 0:
            problems.append(_p("valid_days", "negative"))
        elif days == 0:
            problems.append(_p("valid_days", "zero"))
        elif days > MAX_DAYS:
            problems.append(_p("valid_days", "too_large"))


def _count(problems: list[Problem], field: str, value: int, high: int) -> None:
    if value < 0:
        problems.append(_p(field, "negative"))
    elif value == 0:
        problems.append(_p(field, "zero"))
    elif value > high:
        problems.append(_p(field, "too_large"))


def _limit_problems(spec: CampaignSpec, problems: list[Problem]) -> None:
    if spec.quota is not None:
        _count(problems, "quota", spec.quota, MAX_QUOTA)
    _count(problems, "per_member_limit", spec.per_member_limit, MAX_LIMIT)
    if spec.scope not in SCOPES:
        problems.append(_p("scope", "invalid"))
    if spec.holdout_pct < 0:
        problems.append(_p("holdout_pct", "negative"))
    elif spec.holdout_pct > 50:
        problems.append(_p("holdout_pct", "out_of_range"))
    if len(spec.terms) > 500:
        problems.append(_p("terms", "too_long"))


def _trigger_problems(spec: CampaignSpec, problems: list[Problem]) -> None:
    trigger = spec.trigger
    if trigger is not None and trigger not in TRIGGERS:
        problems.append(_p("trigger", "invalid"))
    elif trigger is not None and spec.kind == "points_multiplier":
        problems.append(_p("trigger", "not_for_kind"))
    needs = {
        "trigger_days": ("winback", spec.trigger_days, MAX_DAYS),
        "trigger_visits": ("nth_visit", spec.trigger_visits, 1000),
        "trigger_spend_fen": ("spend_over", spec.trigger_spend_fen, MAX_FEN),
    }
    for field, (needed_by, value, high) in needs.items():
        if value < 0:
            problems.append(_p(field, "negative"))
        elif value > high:
            problems.append(_p(field, "too_large"))
        elif trigger == needed_by and value == 0:
            problems.append(_p(field, "required"))


def _problems(spec: CampaignSpec) -> list[Problem]:
    problems: list[Problem] = []
    for f in fields(spec):
        value = getattr(spec, f.name)
        if f.name in _INT_FIELDS and not _is_int(value):
            return [_p(f.name, "invalid")]
    name = " ".join(spec.name.split())
    if not name:
        problems.append(_p("name", "required"))
    elif len(name) > 100:
        problems.append(_p("name", "too_long"))
    if spec.kind not in KINDS:
        problems.append(_p("kind", "invalid"))
        return problems
    _offer_problems(spec, problems)
    _validity_problems(spec, problems)
    _limit_problems(spec, problems)
    _trigger_problems(spec, problems)
    return problems
