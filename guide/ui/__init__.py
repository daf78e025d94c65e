"""The Qt user interface: one module per widget."""
