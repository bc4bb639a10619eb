"""Which column holds which field: guessed from Chinese and English headers, or given.

A header is compared after normalising (full-width → ASCII, lower case, no spaces, no unit in
brackets: ``消费金额（元）`` → ``消费金额``). An exact synonym beats a header that merely
contains one, and earlier synonyms beat later ones, so ``日期`` + ``时间`` become date + time
while a lone ``消费时间`` is the date. An explicit mapping ``{"field": "header"}`` wins over
the guess; a header may also be given as a column letter (``"C"``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.models.importing.report import MEMBERS, SALES, ImportFailed
from desktop.models.importing.sources import Row, column_index
from desktop.models.importing.values import cell_text


@dataclass(frozen=True)
class FieldSpec:
    name: str
    required: bool
    synonyms: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.replace("_", " ").replace(" ", "") for word in text.split("|"))


NAME = FieldSpec(
    "name",
    True,
    _words(
        "姓名|名字|会员姓名|客户姓名|顾客姓名|会员名称|客户名称|会员名|客户名|称呼|联系人|"
        "name|member_name|customer_name|full_name|customer"
    ),
)
PHONE = FieldSpec(
    "phone",
    True,
    _words(
        "手机|手机号|手机号码|会员手机|会员手机号|电话|电话号码|联系电话|联系方式|移动电话|"
        "phone|mobile|mobile_phone|phone_number|cell|cellphone|telephone|tel"
    ),
)
BIRTHDAY = FieldSpec(
    "birthday", False, _words("生日|出生日期|出生年月日|birthday|date_of_birth|dob|birth_date")
)
ENROLLED = FieldSpec(
    "enrolled",
    False,
    _words(
        "入会日期|入会时间|注册时间|注册日期|开卡日期|开卡时间|办卡日期|办卡时间|加入日期|"
        "加入时间|创建时间|创建日期|join_date|joined|joined_on|registration_date|registered|"
        "registered_at|enrolment_date|enrollment_date|member_since|signup_date|created_at|created"
    ),
)
POINTS = FieldSpec(
    "points",
    False,
    _words("积分|积分余额|当前积分|可用积分|剩余积分|会员积分|points|point_balance|points_balance"),
)
MARKETING = FieldSpec(
    "marketing",
    False,
    _words(
        "营销同意|同意营销|接收营销|营销短信|接收营销信息|是否接收营销信息|营销消息|短信订阅|"
        "marketing|marketing_consent|accepts_marketing|opt_in|optin|sms_opt_in"
    ),
)
AMOUNT = FieldSpec(
    "amount",
    True,
    _words(
        "金额|消费金额|实收金额|实付金额|实收|实付|支付金额|交易金额|订单金额|销售金额|应收金额|"
        "amount|total|sale_amount|paid|amount_paid|total_amount|order_total"
    ),
)
DATE = FieldSpec(
    "date",
    True,
    _words(
        "日期|消费日期|交易日期|销售日期|订单日期|下单日期|date|sale_date|order_date|"
        "purchase_date|transaction_date|消费时间|交易时间|下单时间|支付时间|销售时间|时间|"
        "datetime|date_time|time|created_at"
    ),
)
TIME = FieldSpec("time", False, _words("时间|消费时间|交易时间|time|sale_time"))
REF = FieldSpec(
    "ref",
    False,
    _words(
        "单号|订单号|流水号|小票号|交易号|订单编号|单据号|交易流水号|order_no|order_number|"
        "order_id|receipt|receipt_no|ticket|ticket_no|transaction_id|reference|ref"
    ),
)

# Guessing order: a field earlier in the list picks its column first.
FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    MEMBERS: (PHONE, NAME, BIRTHDAY, ENROLLED, POINTS, MARKETING),
    SALES: (AMOUNT, DATE, TIME, PHONE, REF),
}
DISPLAY_ORDER: dict[str, tuple[str, ...]] = {
    MEMBERS: ("name", "phone", "birthday", "enrolled", "points", "marketing"),
    SALES: ("phone", "amount", "date", "time", "ref"),
}


def field_specs(kind: str) -> tuple[FieldSpec, ...]:
    return FIELDS[kind]


def required_fields(kind: str) -> tuple[str, ...]:
    required = {spec.name for spec in FIELDS[kind] if spec.required}
    if kind == SALES:
        required.discard("phone")  # no phone column: every sale is a walk-in sale
    return tuple(name for name in DISPLAY_ORDER[kind] if name in required)


def normalise_header(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[(\[{【（].*?[)\]}】）]", "", text)
    return re.sub(r"[\s_\-:：*#./、]+", "", text)


def _score(header: str, spec: FieldSpec) -> tuple[int, int] | None:
    """How well a normalised header fits a field: (exact or contained, synonym rank)."""
    if not header:
        return None
    best: tuple[int, int] | None = None
    for rank, word in enumerate(spec.synonyms):
        if header == word:
            score = (2, -rank)
        elif len(word) >= 2 and word in header and (not word.isascii() or len(word) >= 4):
            score = (1, -rank)
        else:
            continue
        if best is None or score > best:
            best = score
    return best


def guess_mapping(
    kind: str, headers: tuple[str, ...], *, taken: frozenset[int] = frozenset()
) -> dict[str, int]:
    """field → 0-based column index, from the headers alone."""
    normal = [normalise_header(h) for h in headers]
    used = set(taken)
    found: dict[str, int] = {}
    for spec in FIELDS[kind]:
        best: tuple[tuple[int, int], int] | None = None
        for index, header in enumerate(normal):
            if index in used:
                continue
            score = _score(header, spec)
            if score is not None and (best is None or score > best[0]):
                best = (score, index)
        if best is not None:
            found[spec.name] = best[1]
            used.add(best[1])
    return found


def header_score(kind: str, row: Row) -> int:
    """How many fields a row would supply if it were the header (to find the header row)."""
    headers = tuple(cell_text(cell) for cell in row)
    return len(guess_mapping(kind, headers))


def resolve_mapping(
    kind: str, headers: tuple[str, ...], explicit: Mapping[str, str | None] | None
) -> dict[str, int]:
    """The final field → column index: the explicit choices, the guess for the rest
    (``None`` or ``""`` leaves a field out). ``ImportFailed`` for an unknown field name or a
    header that is not in the file; see :func:`check_required` for missing fields."""
    names = {spec.name for spec in FIELDS[kind]}
    chosen: dict[str, int] = {}
    unmapped: set[str] = set()
    for name, header in (explicit or {}).items():
        if name not in names:
            raise ImportFailed("unknown_field", field=name, fields=sorted(names))
        if header is None or header == "":
            unmapped.add(name)
            continue
        chosen[name] = _find_header(headers, str(header), name)
    guessed = guess_mapping(kind, headers, taken=frozenset(chosen.values()))
    for name, index in guessed.items():
        if name not in chosen and name not in unmapped:
            chosen[name] = index
    return chosen


def check_required(kind: str, columns: Mapping[str, int]) -> None:
    """``ImportFailed("missing_column")`` when a required field has no column."""
    for name in required_fields(kind):
        if name not in columns:
            raise ImportFailed("missing_column", field=name)


def _find_header(headers: tuple[str, ...], header: str, name: str) -> int:
    if header in headers:
        return headers.index(header)
    target = normalise_header(header)
    for index, text in enumerate(headers):
        if normalise_header(text) == target and target:
            return index
    letter = column_index(header)
    if letter is not None and letter <= len(headers):
        return letter - 1
    raise ImportFailed("unknown_column", field=name, header=header)


def mapping_labels(headers: tuple[str, ...], columns: Mapping[str, int]) -> dict[str, str]:
    return {name: headers[index] for name, index in columns.items()}
