"""A web address shown large with a QR code, for screens that must not open a browser."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

QR_MODULE_PX = 8
"""Pixels per QR module: a phone a metre away reads it easily."""


def qr_image(text: str, scale: int = QR_MODULE_PX) -> QImage:
    """A QR code of ``text``, made in memory (nothing is written to disk)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def readable_address(url: str) -> str:
    """The address as people say it: without ``mailto:``, ``https://`` or a trailing slash."""
    for prefix in ("mailto:", "https://", "http://"):
        if url.lower().startswith(prefix):
            url = url[len(prefix):]
            break
    return url.removesuffix("/")


class AddressDialog(QDialog):
    """Shows where a link leads, and a code to open it on the reader's own phone."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrDialog")
        self.setWindowTitle("Open on your phone")
        self.setAccessibleName("Open on your phone")
        self.setModal(True)
        self.url = url
        heading = QLabel("Scan with your phone's camera")
        heading.setObjectName("qrInstruction")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code = QLabel()
        code.setObjectName("qrCode")
        code.setPixmap(QPixmap.fromImage(qr_image(url)))
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code.setAccessibleName(f"QR code for {readable_address(url)}")
        address = QLabel(readable_address(url))
        address.setObjectName("qrAddress")
        address.setTextFormat(Qt.TextFormat.PlainText)
        address.setWordWrap(True)
        address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        address.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        big = QFont(address.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        address.setFont(big)
        note = QLabel("Or type the address into your phone's web browser. "
                      "This screen does not open web pages.")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("qrClose")
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        for widget in (heading, code, address, note):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        close.setFocus(Qt.FocusReason.OtherFocusReason)
