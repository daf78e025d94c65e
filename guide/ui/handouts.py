"""Print and Save as PDF from the window: ask where, then lay the handout out and print it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from guide.handout import Handout, HandoutWriter
from guide.modes import ModePolicy
from guide.pages import PageSource
from guide.profile import Profile
from guide.ui.printing import laid_out, new_pdf_printer, print_layout


def ask_printer(parent: QWidget, policy: ModePolicy) -> QPrinter | None:
    """The printer the reader chose in the system's print dialog (``None``: cancelled)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if not policy.can_show_files:
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, on=False)
    accepted = dialog.exec() == QPrintDialog.DialogCode.Accepted
    return printer if accepted else None


def ask_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save a PDF, from the system's save dialog (``None``: cancelled)."""
    name, _filter = QFileDialog.getSaveFileName(parent, "Save as PDF", str(suggested),
                                                "PDF files (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def file_name(*words: str) -> str:
    """A file name from titles: ``health-guide-tramadol-for-chronic-pain.pdf``."""
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")
    return f"{slug[:80].rstrip('-') or 'handout'}.pdf"


class Handouts(QObject):
    """Prints handouts, or saves them as PDF files, for the window ``parent``.

    Signals:
        notice_raised(str): say how it went (where the PDF is, or why it failed).
    """

    notice_raised = Signal(str)

    def __init__(self, pages: PageSource, profile: Profile, policy: ModePolicy,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self._pages = pages
        self._profile = profile
        self._policy = policy
        self._window = parent

    def writer(self) -> HandoutWriter:
        """Handouts dated today."""
        return HandoutWriter(self._pages.pack, self._pages.renderer, dt.datetime.now().date())

    def print_handout(self, handout: Handout) -> bool:
        """Ask for a printer and print; False if the reader cancelled or it failed."""
        printer = ask_printer(self._window, self._policy)
        if printer is None:
            return False
        layout = laid_out(handout, self._pages.pack.root, printer,
                          large=self._profile.large_print())
        try:
            print_layout(layout, printer)
        except OSError as exc:
            self.notice_raised.emit(f"The handout could not be printed: {exc}.")
            return False
        return True

    def save_handout(self, handout: Handout) -> Path | None:
        """Ask where, then save the handout as a PDF; returns the file (``None``: not saved)."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        edition = self._pages.pack.edition.app_name
        suggested = Path(folder) / file_name(edition, handout.title)
        path = ask_pdf_path(self._window, suggested)
        if path is None:
            return None
        printer = new_pdf_printer(path)
        layout = laid_out(handout, self._pages.pack.root, printer,
                          large=self._profile.large_print())
        try:
            pages = print_layout(layout, printer)
        except OSError as exc:
            self.notice_raised.emit(f"The PDF could not be saved: {exc}.")
            return None
        self.notice_raised.emit(
            f"Saved \u201c{handout.title}\u201d as {path} ({pages} page{'s' * (pages != 1)}).")
        return path
