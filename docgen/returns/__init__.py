"""Returns: a unit's own file given back with its problems marked, and a copy with the safe normalisations.

`marks` works out what to mark from a checked submission; `xlsx` and `docx`
write it into a copy of the unit's file, keeping everything else as it was.
"""
