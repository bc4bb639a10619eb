"""Enrolling and finding members."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models.errors import DomainError
from desktop.models.service import Desk
from desktop.models.staff import Actor
from desktop.models.tables import MemberConsent


def enrol(desk: Desk, name: str, phone: str, **kw: bool) -> int:
    return desk.enrol_member(name=name, phone=phone, by=None, membership_consent=True, **kw)


def test_enrolled_member_is_shown_with_a_masked_phone(desk: Desk, member_id: int) -> None:
    card = desk.member_card(member_id)
    assert (card.name, card.phone_masked, card.balance, card.tier) == ("张三", "138****8000", 0, 0)


def test_member_ids_are_random_not_sequential(desk: Desk) -> None:
    ids = [enrol(desk, f"会员{i}", f"1390000000{i}") for i in range(5)]
    assert all(i > 2**32 for i in ids)
    assert sorted(ids) != [ids[0] + k for k in range(5)]


def test_consents_default_to_no_and_are_recorded_with_notice_version(
    desk: Desk, member_id: int
) -> None:
    card = desk.member_card(member_id)
    assert (card.marketing_consent, card.sharing_consent) == (False, False)
    with desk.db.read() as s:
        rows = s.execute(
            select(MemberConsent.kind, MemberConsent.granted, MemberConsent.notice_version)
        ).all()
    assert {(r.kind, r.granted) for r in rows} == {
        ("membership", True),
        ("marketing", False),
        ("sharing", False),
    }
    assert all(r.notice_version for r in rows)


def test_membership_consent_is_required(desk: Desk) -> None:
    with pytest.raises(DomainError) as err:
        desk.enrol_member(name="王五", phone="13700000000", by=None, membership_consent=False)
    assert err.value.code == "consent_membership_required"


def test_withdrawing_marketing_consent_takes_effect_at_once(desk: Desk, member_id: int) -> None:
    desk.set_consent(member_id=member_id, kind="marketing", granted=True, by=None)
    desk.set_consent(member_id=member_id, kind="marketing", granted=False, by=None)
    assert desk.member_card(member_id).marketing_consent is False


@pytest.mark.parametrize(
    "phone",
    ["12345678901", "1380013800", "138001380001", "abcdefghijk", "", "23800138000", "1380013800😀"],
)
def test_invalid_phones_are_refused(desk: Desk, phone: str) -> None:
    with pytest.raises(DomainError) as err:
        enrol(desk, "赵六", phone)
    assert err.value.code == "phone_invalid"


@pytest.mark.parametrize("phone", ["+86 138 0013 8001", "138-0013-8001", "１３８００１３８００１"])
def test_phones_are_normalised(desk: Desk, phone: str) -> None:
    member = enrol(desk, "赵六", phone)
    assert desk.member_card(member).phone_masked == "138****8001"


def test_duplicate_phone_is_refused(desk: Desk, member_id: int) -> None:
    with pytest.raises(DomainError) as err:
        enrol(desk, "张三丰", "138 0013 8000")
    assert err.value.code == "phone_duplicate"


def test_names_keep_emoji_and_sql_like_text_verbatim(desk: Desk) -> None:
    a = enrol(desk, "小美🌸", "13600000001")
    b = enrol(desk, "Robert'); DROP TABLE member;--", "13600000002")
    assert desk.member_card(a).name == "小美🌸"
    assert desk.member_card(b).name == "Robert'); DROP TABLE member;--"
    assert len(desk.search_members("").items) == 2


def test_overlong_and_blank_names_are_refused(desk: Desk) -> None:
    with pytest.raises(DomainError) as err:
        enrol(desk, "长" * 200, "13600000003")
    assert err.value.code == "name_too_long"
    with pytest.raises(DomainError) as err:
        enrol(desk, " \t ", "13600000004")
    assert err.value.code == "name_required"


@pytest.fixture
def crowd(desk: Desk) -> dict[str, int]:
    people = {
        "张三": "13800138000",
        "张珊珊": "13800131234",
        "刘四": "13911111234",
        "李小明": "13712345678",
        "Tom Lee": "13655556666",
    }
    return {name: enrol(desk, name, phone) for name, phone in people.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", {"张三", "张珊珊"}),
        ("zss", {"张珊珊"}),
        ("ZHANG", {"张三", "张珊珊"}),
        ("zhangsan", {"张三"}),
        ("zhangshan", {"张珊珊"}),
        ("1234", {"张珊珊", "刘四"}),
        ("13712345678", {"李小明"}),
        ("137 1234 5678", {"李小明"}),
        ("李", {"李小明"}),
        ("李小", {"李小明"}),
        ("tom", {"Tom Lee"}),
        ("tl", {"Tom Lee"}),
        ("王", set()),
        ("'; DROP TABLE member;--", set()),
    ],
)
def test_search_finds_by_phone_name_and_pinyin(
    desk: Desk, crowd: dict[str, int], query: str, expected: set[str]
) -> None:
    assert {m.name for m in desk.search_members(query).items} == expected


def test_search_is_paged(desk: Desk) -> None:
    for i in range(25):
        enrol(desk, f"张{i:02d}", f"138{i:08d}")
    first = desk.search_members("z", limit=20)
    second = desk.search_members("z", offset=20, limit=20)
    assert (len(first.items), first.has_more) == (20, True)
    assert (len(second.items), second.has_more) == (5, False)
    assert not {m.id for m in first.items} & {m.id for m in second.items}


def test_owner_sees_full_phone_staff_sees_it_masked(
    desk: Desk, member_id: int, owner: Actor
) -> None:
    assert desk.member_details(member_id, viewer=owner).phone == "13800138000"
    assert desk.member_details(member_id, viewer=None).phone == "138****8000"


def test_editing_a_member_updates_search_keys(desk: Desk, member_id: int) -> None:
    desk.update_member(member_id=member_id, by=None, name="王小二", phone="13900000000")
    assert [m.id for m in desk.search_members("wxe").items] == [member_id]
    assert desk.search_members("zs").items == ()
    assert desk.recent_audit(limit=1)[0].action == "member.phone_changed"
