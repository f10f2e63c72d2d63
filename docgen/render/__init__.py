"""Rendering: sandboxed docxtpl, fast table rows, composition, atomic output and PDF."""
