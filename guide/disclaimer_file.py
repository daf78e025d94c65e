"""The disclaimer a reader accepts: the pack's file and version, or a generic text."""

from __future__ import annotations

from pathlib import Path

from guide.fields import Collector, Fields, read_text
from guide.locations import UnsafePathError, resolve_inside
from guide.model import Disclaimer
from guide.pack_layout import MANIFEST

FALLBACK_DISCLAIMER = (
    "This guide gives general health information only. It is not medical advice and does "
    "not replace a doctor, nurse or pharmacist who knows you. Talk to your healthcare "
    "provider before you start, stop or change any treatment. In an emergency, call your "
    "local emergency number."
)


def load_disclaimer(root: Path, manifest: Fields, problems: Collector) -> Disclaimer:
    """The disclaimer the manifest names, or the generic one (with a problem) if it is unusable."""
    spec = manifest.data.get("disclaimer")
    if not isinstance(spec, dict):
        manifest.add("disclaimer", "no 'disclaimer: {file, version}': a generic disclaimer is "
                     "shown instead")
        return Disclaimer(FALLBACK_DISCLAIMER, "fallback")
    spec_fields = Fields(spec, MANIFEST, problems)
    spec_fields.lines = dict.fromkeys(spec, manifest.line("disclaimer") or 1)
    version = spec_fields.text("version")
    if not version and "version" not in spec:
        manifest.add("disclaimer", "the disclaimer has no 'version': add one (for example "
                     "'version: 1') and raise it whenever the text changes, so readers are "
                     "asked to accept it again")
    version = version or "1"
    name = spec_fields.text("file")
    if not name:
        if "file" not in spec:
            manifest.add("disclaimer", "the disclaimer has no 'file': a generic disclaimer is "
                         "shown instead")
        return Disclaimer(FALLBACK_DISCLAIMER, "fallback")
    try:
        path = resolve_inside(root, name)
    except UnsafePathError as exc:
        manifest.add("disclaimer", f"disclaimer: {exc}")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    if not path.is_file():
        problems.add(name, None, "disclaimer file not found; a generic one is shown")
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    text = read_text(path, name, problems)
    if not text or not text.strip():
        return Disclaimer(FALLBACK_DISCLAIMER, f"fallback-{version}")
    problems.check_reading_level(name, None, text, "the disclaimer")
    return Disclaimer(text, version)
