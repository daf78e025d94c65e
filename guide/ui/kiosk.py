"""A waiting-room kiosk session: locked down, and starting over by itself for each new reader.

Everything here is driven by the :class:`~guide.modes.ModePolicy` the window was built with;
the window itself does not know it is a kiosk. The session:

- filters input application-wide: it notices activity (key, click, touch, wheel) to time the
  reader's pause, and swallows what could leave the app (context menus, drag and drop, the
  usual quit and save keys);
- after ``idle_seconds`` shows "Still reading?" (:class:`IdleOverlay`) and, after
  ``warning_seconds`` more, starts over: every piece of the last reader's state is cleared and
  the disclaimer is shown to the next reader ("Not now" leads to :class:`TouchToStart`);
- lets the operator out with Ctrl+Alt+Shift+Q or a five-second press on the guide's title,
  after the passphrase (:class:`OperatorDialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QFont, QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from guide.modes import ModePolicy
from guide.passphrase import PassphraseGate
from guide.ui.main_window import MainWindow

OPERATOR_CHORD = "Ctrl+Alt+Shift+Q"
HOLD_SECONDS = 5
"""How long the operator presses the guide's title to be asked for the passphrase."""
TITLE_WIDTH = 260
MESSAGE_WIDTH = 640

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.Wheel,
}
_DRAG_AND_DROP = {QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop}
_ESCAPE_KEYS = {  # keys that quit, close, save, open or leave full screen elsewhere
    QKeySequence("Ctrl+Q"), QKeySequence("Ctrl+W"), QKeySequence("Ctrl+S"),
    QKeySequence("Ctrl+O"), QKeySequence("Ctrl+N"), QKeySequence("Ctrl+Shift+S"),
    QKeySequence("Alt+F4"), QKeySequence("F11"), QKeySequence("Ctrl+F4"),
}


def _big(widget: QWidget, factor: float) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    widget.setFont(font)


class _Cover(QFrame):
    """A panel over the whole window that follows its size."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        window.installEventFilter(self)
        self.hide()

    def cover(self) -> None:
        """Show over everything in the window."""
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep covering the window when it is resized."""
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class IdleOverlay(_Cover):
    """A "Still reading?" question with a countdown and a large button to carry on.

    Signals:
        still_reading(): the reader tapped the button (or anywhere on the overlay).
    """

    still_reading = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "idleOverlay")
        self.setAccessibleName("Still reading?")
        title = QLabel("Still reading?")
        title.setObjectName("idleTitle")
        _big(title, 2.2)
        self.message = QLabel()
        self.message.setObjectName("idleMessage")
        self.message.setWordWrap(True)
        self.message.setFixedWidth(MESSAGE_WIDTH)
        _big(self.message, 1.4)
        self.button = QPushButton("I\u2019m still reading")
        self.button.setObjectName("stillReadingButton")
        self.button.setAccessibleName("I'm still reading")
        _big(self.button, 1.5)
        self.button.setMinimumSize(360, 96)
        self.button.clicked.connect(self.still_reading)
        layout = QVBoxLayout(self)
        layout.setSpacing(24)
        layout.addStretch(1)
        for widget in (title, self.message, self.button):
            if isinstance(widget, QLabel):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def show_seconds(self, seconds: int) -> None:
        """Say how long is left before the screen starts over."""
        unit = "second" if seconds == 1 else "seconds"
        text = f"This screen will start over in {seconds} {unit} for the next reader."
        self.message.setText(text)
        self.message.setAccessibleName(text)

    def mousePressEvent(self, event: object) -> None:  # noqa: ARG002 - any touch will do
        """A touch anywhere means someone is there."""
        self.still_reading.emit()


class TouchToStart(_Cover):
    """What the screen shows between readers.

    Signals:
        touched(): someone touched the screen.
    """

    touched = Signal()

    def __init__(self, window: QWidget, title: str) -> None:
        super().__init__(window, "touchToStart")
        self.setAccessibleName("Touch the screen to start")
        heading = QLabel(title)
        heading.setObjectName("touchToStartTitle")
        heading.setWordWrap(True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _big(heading, 2.2)
        self.button = QPushButton("Touch here to start reading")
        self.button.setObjectName("touchToStartButton")
        _big(self.button, 1.6)
        self.button.setMinimumSize(420, 110)
        self.button.clicked.connect(self.touched)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addSpacing(32)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def mousePressEvent(self, event: object) -> None:  # noqa: ARG002 - anywhere will do
        """A touch anywhere starts."""
        self.touched.emit()


class HoldLabel(QLabel):
    """The guide's title in the toolbar; pressing it for a few seconds means "operator".

    Signals:
        held(): it was pressed for ``seconds`` without letting go.
    """

    held = Signal()

    def __init__(self, text: str, seconds: float = HOLD_SECONDS,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("kioskTitle")
        self.setAccessibleName(text)
        self.setWordWrap(True)
        self.setMaximumWidth(TITLE_WIDTH)
        self.setContentsMargins(12, 0, 18, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self.held)

    def mousePressEvent(self, event: object) -> None:  # noqa: ARG002
        """Start timing the press."""
        self._timer.start()

    def mouseReleaseEvent(self, event: object) -> None:  # noqa: ARG002
        """Letting go early is not an operator."""
        self._timer.stop()


class OperatorDialog(QDialog):
    """Asks for the operator's passphrase; accepted only for the right one."""

    def __init__(self, gate: PassphraseGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operatorDialog")
        self.setWindowTitle("Operator")
        self.setAccessibleName("Operator: close the kiosk")
        self._gate = gate
        intro = QLabel("Enter the operator passphrase to close "
                       f"{QApplication.applicationName()}.")
        intro.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("operatorPassphrase")
        self.field.setAccessibleName("Operator passphrase")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("operatorMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.exit_button = buttons.addButton(f"Close {QApplication.applicationName()}",
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.exit_button.setObjectName("operatorExit")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("operatorCancel")
        buttons.accepted.connect(self._try)
        buttons.rejected.connect(self.reject)
        self.field.returnPressed.connect(self._try)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._show_lock()

    def _show_lock(self) -> bool:
        seconds = self._gate.seconds_locked()
        if seconds:
            minutes = (seconds + 59) // 60
            self._say(f"Too many wrong tries. Try again in {minutes} minute"
                      f"{'s' * (minutes != 1)}.")
        self.field.setEnabled(not seconds)
        self.exit_button.setEnabled(not seconds)
        return bool(seconds)

    def _try(self) -> None:
        if self._show_lock():
            return
        if self._gate.try_passphrase(self.field.text()):
            self.accept()
            return
        self.field.clear()
        if not self._show_lock():
            self._say("That passphrase is not right.")

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)


class KioskSession(QObject):
    """Runs a kiosk around ``window``: lockdown, idle reset, operator exit.

    Signals:
        started_over(): the screen was reset for the next reader.
    """

    started_over = Signal()

    def __init__(self, window: MainWindow, policy: ModePolicy,
                 gate: PassphraseGate | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.policy = policy
        self.gate = gate or PassphraseGate(policy.operator_passphrase)
        self.idle_overlay = IdleOverlay(window)
        self.touch_to_start = TouchToStart(window, window.pack.title)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(policy.idle_seconds * 1000)
        self._idle.timeout.connect(self.ask_if_still_reading)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._on_countdown_tick)
        self._seconds_left = 0
        self._welcoming = False
        self.idle_overlay.still_reading.connect(self._on_still_reading)
        self.touch_to_start.touched.connect(self.welcome_next_reader)
        window.commands.start_over.triggered.connect(self.start_over)
        title = HoldLabel(window.pack.title)
        title.held.connect(self.ask_operator)
        window.toolbar.insertWidget(window.toolbar.actions()[0], title)
        chord = QShortcut(QKeySequence(OPERATOR_CHORD), window)
        chord.setContext(Qt.ShortcutContext.ApplicationShortcut)
        chord.activated.connect(self.ask_operator)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    # -- the reader's session -------------------------------------------------------------

    def welcome_next_reader(self) -> None:
        """Show the disclaimer; "I understand" starts reading, "Not now" waits for a touch."""
        from guide.ui.disclaimer_dialog import DisclaimerDialog  # noqa: PLC0415

        self.touch_to_start.hide()
        self._welcoming = True
        self._idle.stop()
        pack = self.window.pack
        dialog = DisclaimerDialog(self.window.pages.disclaimer_html(), pack.title,
                                  read_only=False,
                                  decline_label=self.policy.decline_label, parent=self.window)
        dialog.accepted.connect(self._on_reader_started)
        dialog.rejected.connect(self._on_not_now)
        self.window.open_dialog(dialog)

    def _on_reader_started(self) -> None:
        self._welcoming = False
        self._idle.start()

    def _on_not_now(self) -> None:
        self._welcoming = False
        self.touch_to_start.cover()

    def start_over(self) -> None:
        """Forget the last reader completely, then welcome the next one."""
        self._countdown.stop()
        self._idle.stop()
        self.idle_overlay.hide()
        close_popups()
        window = self.window
        window.find_bar.field.clear()
        if not window.find_bar.isHidden():
            window.find_bar.close_bar()
        window.search.leave()
        if window.search.has_panel():
            window.search.panel.search("")
        if self.policy.text_scale:
            window.text_size.set(self.policy.text_scale, remember=False)
        window.profile.clear()  # saved, recent, places, questions: kept in memory only anyway
        window.companion.forget()
        window.navigator.start_over()  # a new page: no selection, scrolled to the top
        window.nav_tree.scrollToTop()
        window.facts_panel.verticalScrollBar().setValue(0)
        window.notice_bar.hide()
        clear_clipboard()
        self.started_over.emit()
        QTimer.singleShot(0, self.welcome_next_reader)

    # -- idle ---------------------------------------------------------------------------------

    def ask_if_still_reading(self) -> None:
        """Show the "Still reading?" question and count down to starting over."""
        self._seconds_left = self.policy.warning_seconds
        self.idle_overlay.show_seconds(self._seconds_left)
        self.idle_overlay.cover()
        self._countdown.start()

    def _on_countdown_tick(self) -> None:
        self._seconds_left -= 1
        if self._seconds_left <= 0:
            self.start_over()
        else:
            self.idle_overlay.show_seconds(self._seconds_left)

    def _on_still_reading(self) -> None:
        self._countdown.stop()
        self.idle_overlay.hide()
        self._idle.start()

    def _on_activity(self) -> None:
        if self.idle_overlay.isVisible():
            self._on_still_reading()
        elif not self._welcoming and not self.touch_to_start.isVisible():
            self._idle.start()

    # -- the operator ---------------------------------------------------------------------

    def ask_operator(self) -> None:
        """Ask for the passphrase; the right one closes the app with exit code 0."""
        if not self.gate.enabled:
            return  # no passphrase configured: only the operating system can close it
        dialog = OperatorDialog(self.gate, self.window)
        dialog.accepted.connect(self._operator_exit)
        self.window.open_dialog(dialog)

    def _operator_exit(self) -> None:
        self.window.allow_close()
        self.window.close()
        QApplication.exit(0)

    # -- lockdown -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: ARG002
        """Note activity; swallow context menus, drag and drop, and keys that would leave."""
        kind = event.type()
        if kind in _ACTIVITY:
            self._on_activity()
        if kind == QEvent.Type.ContextMenu and not self.policy.context_menus:
            return True
        if kind in _DRAG_AND_DROP:
            event.ignore()
            return True
        return kind in {QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride} \
            and isinstance(event, QKeyEvent) and _is_escape_key(event)


def _is_escape_key(event: QKeyEvent) -> bool:
    combination = QKeySequence(event.keyCombination())
    return combination in _ESCAPE_KEYS


def close_popups() -> None:
    """Close every dialog, menu, popup and tooltip the last reader left open."""
    QToolTip.hideText()
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMenu) and widget.isVisible():
            widget.close()
        elif isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def clear_clipboard() -> None:
    """Empty the clipboard (and the X11 selection) so nothing passes to the next reader."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)

