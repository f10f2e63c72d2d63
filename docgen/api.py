"""The library's jobs, one function each; `docgen.cli` calls exactly one per command.

Imports are inside the functions so that `import docgen.api` stays cheap and a
job's dependencies load only when it runs.
"""

from __future__ import annotations

from pathlib import Path

# --- kiem-tra ---

# --- end kiem-tra ---

# --- bao-cao ---

# --- end bao-cao ---

# --- cong-van ---

# --- end cong-van ---

# --- bieu-mau ---

# --- end bieu-mau ---

# --- mau ---

# --- end mau ---

# --- the-thuc ---

# --- end the-thuc ---

# --- tong-hop ---

# --- end tong-hop ---
