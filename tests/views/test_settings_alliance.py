"""Settings → Alliance and the first-run wizard: joining an alliance from the app, with real
invitation codes from a real alliance server on loopback."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.models.alliance_pending import KEY_SERVER
from desktop.models.db import open_database
from desktop.models.service import Desk
from desktop.sync.status import sync_status
from desktop.views.first_run import FirstRunDialog
from desktop.views.i18n import install_translators
from desktop.views.session_state import SessionState
from desktop.views.settings_alliance import AllianceSection
from desktop.views.settings_view import SettingsView
from tests.alliance.support import AllianceHelper, Server
from tests.sync.conftest import alliance, new_shop, server  # noqa: F401  (fixtures)
from tests.sync.support import OWNER_PIN, Shop
from tests.views.conftest import ModalDriver
from tests.views.test_first_run import ENTER, TAB, focused, press, through_shop_and_owner, type_text

WAIT_MS = 30_000  # how long a broken join may hang a test, not a speed check


@pytest.fixture
def section(qtbot, new_shop: Callable[[str], Shop]) -> Iterator[tuple[AllianceSection, Shop]]:  # noqa: F811
    shop = new_shop("茶铺")
    view = AllianceSection(shop.desk)
    view.owner = shop.owner
    qtbot.addWidget(view)
    view.show()
    yield view, shop
    qtbot.waitUntil(lambda: view.idle, timeout=WAIT_MS)  # nothing left to deliver to it


def loaded(qtbot, view: AllianceSection) -> None:
    view.status = None
    view.reload()
    qtbot.waitUntil(lambda: view.status is not None, timeout=WAIT_MS)


def join(qtbot, view: AllianceSection, server_url: str, code: str) -> None:
    view.server_edit.setText(server_url)
    view.code_edit.setFocus()
    qtbot.keyClicks(view.code_edit, code)
    qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)
    assert view.busy
    assert view.message.text() == "Joining…"
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT_MS)


def test_joining_with_a_real_code_shows_the_alliance(
    qtbot,
    section,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
) -> None:
    view, shop = section
    loaded(qtbot, view)
    assert view.join_box.isVisible()
    assert not view.paired_box.isVisible()

    join(qtbot, view, server.url, alliance.invite("茶铺")["code"])

    assert view.message.text() == "Joined 东街商盟 as 茶铺."
    qtbot.waitUntil(lambda: view.paired_box.isVisible(), timeout=WAIT_MS)
    assert not view.join_box.isVisible()
    assert view.values["alliance"].text() == "东街商盟"
    assert view.values["server"].text() == server.url
    qtbot.waitUntil(lambda: view.values["last_ok"].text() != "never", timeout=WAIT_MS)
    assert sync_status(shop.db, now=shop.desk.now()).paired


def test_a_wrong_code_is_said_plainly_and_nothing_changes(
    qtbot,
    section,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
) -> None:
    view, shop = section
    loaded(qtbot, view)

    join(qtbot, view, server.url, "ABCDE-FGHJK-MNPQR-STVWX")

    assert "invitation code is not valid" in view.message.text()
    assert view.join_box.isVisible()
    assert view.code_edit.hasFocus()
    assert not sync_status(shop.db, now=shop.desk.now()).paired


def test_the_server_noted_at_first_run_is_filled_in(qtbot, section) -> None:
    view, shop = section
    shop.desk.set_setting(KEY_SERVER, "https://alliance.example.cn:8443", by=shop.owner)
    loaded(qtbot, view)
    assert view.server_edit.text() == "https://alliance.example.cn:8443"


def test_a_restored_pc_is_told_to_join_again_and_can(
    qtbot,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    new_shop,  # noqa: F811
    tmp_path,  # noqa: F811
) -> None:
    shop = new_shop("茶铺")
    invite = alliance.invite("茶铺")
    shop.pair(server.url, invite["code"])
    (tmp_path / "backups").mkdir()
    assert shop.cli("backup", "--to", str(tmp_path / "backups"))[0] == 0
    backup = sorted((tmp_path / "backups").glob("*.mdbk"))[-1]
    shop.db.close()
    status, restored = shop.cli("restore", str(backup), "--owner-pin", OWNER_PIN)
    assert status == 0, restored
    shop.db = open_database(shop.path)
    shop.desk = Desk(shop.db)

    view = AllianceSection(shop.desk)
    view.owner = shop.desk.authenticate(OWNER_PIN, owner_only=True)
    qtbot.addWidget(view)
    view.show()
    loaded(qtbot, view)
    assert view.join_box.isVisible()
    assert "restored from a backup" in view.join_note.text()

    join(qtbot, view, server.url, alliance.new_code(invite["shop"]))
    assert view.message.text().startswith("Joined 东街商盟")
    assert sync_status(shop.db, now=shop.desk.now()).paired
    qtbot.waitUntil(lambda: view.idle, timeout=WAIT_MS)


def test_settings_has_an_alliance_section_for_the_owner_only(qtbot, new_shop) -> None:  # noqa: F811
    shop = new_shop("茶铺")
    view = SettingsView(shop.desk, SessionState())
    qtbot.addWidget(view)
    titles = [view.sections.tabText(i) for i in range(view.sections.count())]
    assert "Alliance" in titles
    assert view.alliance.owner is None
    view.alliance.join()
    assert "Only the owner" in view.alliance.message.text()
    view.unlock(shop.owner)
    assert view.alliance.owner == shop.owner
    view.lock()
    assert view.alliance.owner is None


# -- the first-run wizard -------------------------------------------------------------------
def run_wizard(qtbot, desk: Desk, modal: ModalDriver, server_url: str, code: str) -> FirstRunDialog:
    dialog = FirstRunDialog(desk)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    through_shop_and_owner(qtbot, dialog, pin="135790", again="135790")
    press(qtbot, ENTER)  # points
    press(qtbot, ENTER)  # backups
    assert focused() is dialog.alliance_page.server_edit
    type_text(qtbot, server_url)
    press(qtbot, TAB)
    assert focused() is dialog.alliance_page.code_edit
    type_text(qtbot, code)
    press(qtbot, ENTER)
    summary = " ".join(label.text() for label in dialog.summary_page.findChildren(QLabel))
    assert f"Join {server_url} right after the shop is created" in summary
    press(qtbot, ENTER)  # Create the shop
    qtbot.waitUntil(lambda: dialog.result() == FirstRunDialog.DialogCode.Accepted, timeout=WAIT_MS)
    modal.check()
    return dialog


def test_the_wizard_joins_right_after_creating_the_shop(
    qtbot,
    qapp,
    tmp_path,
    server: Server,  # noqa: F811
    alliance: AllianceHelper,  # noqa: F811
    modal: ModalDriver,  # noqa: F811
) -> None:
    install_translators(qapp, "en")
    db = open_database(tmp_path / "shop.sqlite")
    desk = Desk(db)
    said: list[str] = []
    modal.expect(QMessageBox, lambda box: (said.append(box.text()), box.accept()))

    dialog = run_wizard(qtbot, desk, modal, server.url, alliance.invite("老街烘焙")["code"])

    assert said == ["Joined 东街商盟 as 老街烘焙."]
    assert dialog.owner is not None
    assert sync_status(db, now=desk.now()).paired
    db.close()


def test_a_failed_join_keeps_the_new_shop_and_says_where_to_join_later(
    qtbot,
    qapp,
    tmp_path,
    server: Server,  # noqa: F811
    modal: ModalDriver,  # noqa: F811
) -> None:
    install_translators(qapp, "en")
    db = open_database(tmp_path / "shop.sqlite")
    desk = Desk(db)
    said: list[str] = []
    modal.expect(QMessageBox, lambda box: (said.append(box.text()), box.accept()))

    run_wizard(qtbot, desk, modal, server.url, "ABCDE-FGHJK-MNPQR-STVWX")

    assert desk.is_set_up()
    assert "could not join" in said[0]
    assert "invitation code is not valid" in said[0]
    assert "Settings → Alliance" in said[0]
    assert not sync_status(db, now=desk.now()).paired
    db.close()
