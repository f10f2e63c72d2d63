"""Open a workbook and stream a worksheet's rows: openpyxl's cell values, read at lxml's speed.

Why (measured in bench/bench_readers.py and bench/bench_kiem_tra.py): openpyxl's
read-only mode scans a whole sheet on opening when the sheet has no
`<dimension>` (files written by programs), and its sheet parser goes through
ElementTree's Python-level event loop and one dict per cell. Here the workbook
is opened without that scan (sizes are reset before every read anyway), and a
sheet's `<row>` elements are streamed by lxml, with the common cells (numbers,
shared and inline strings, empty cells) turned into values directly. Every
other cell (formulas, dates, booleans, errors, rich or odd markup) goes through
openpyxl's own `parse_cell`, so every value is the one openpyxl gives.
"""

from __future__ import annotations

import gc
import warnings
from contextlib import contextmanager

from openpyxl.packaging.relationship import get_dependents, get_rels_path
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import coordinate_to_tuple, get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import INLINE_STRING, MERGE_TAG, ROW_TAG, VALUE_TAG, WorkSheetParser
from openpyxl.worksheet.merge import MergeCells
from openpyxl.xml.constants import SHEET_MAIN_NS

from docgen.ooxml import stream
from docgen.readers.guard import Failure

_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
# Column letters → 1-based index for columns A to ZZ (other references go through openpyxl's own function).
_COLUMNS = {get_column_letter(i): i for i in range(1, 703)}
_DIGITS = "0123456789"
MAX_MERGES = 100_000  # merged areas of one sheet (a real form has a few dozen)


class _Sheet(ReadOnlyWorksheet):
    """A read-only sheet that does not scan the sheet part for its size when the workbook is opened.

    docgen resets a sheet's dimensions before reading it (programs write wrong ones),
    so the size found at opening was never used.
    """

    def _get_size(self) -> None:
        return None


class _Reader(ExcelReader):
    """openpyxl's workbook reader, read-only, with worksheets that open without a scan.

    `read` is openpyxl's, step by step, so that a failure names the part it was reading.
    """

    def read(self) -> None:
        steps = (("[Content_Types].xml", self.read_manifest), ("xl/sharedStrings.xml", self.read_strings),
                 ("xl/workbook.xml", self.read_workbook), ("docProps/core.xml", self.read_properties),
                 ("docProps/custom.xml", self.read_custom), ("xl/theme/theme1.xml", self.read_theme),
                 ("xl/styles.xml", lambda: apply_stylesheet(self.archive, self.wb)),
                 ("xl/_rels/workbook.xml.rels", self.read_worksheets), ("xl/workbook.xml", lambda: self.parser.assign_names()))
        for part, step in steps:
            try:
                step()
            except Exception as exc:
                raise Failure(exc, part) from exc

    def read_worksheets(self) -> None:
        """Add the sheets as `ExcelReader.read_worksheets` does in read-only mode, with `_Sheet`s."""
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            rels_path = get_rels_path(rel.target)
            if rels_path in self.valid_files:
                get_dependents(self.archive, rels_path)   # read (and fail) as openpyxl does
            ws = _Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def open_workbook(path, data_only: bool):
    """Return the workbook at `path` opened read-only, as `openpyxl.load_workbook(read_only=True)` would.

    Raises what openpyxl raises for a file it cannot open (BadZipFile, KeyError, ValueError …).
    """
    reader = _Reader(path, read_only=True, data_only=data_only)
    reader.read()
    return reader.wb


class SheetParser(WorkSheetParser):
    """openpyxl's sheet parser, with a quicker path for inline strings (files written by programs).

    The text of `<is>` is its `<t>` plus the `<t>` of its runs (phonetic guides left out), as openpyxl's
    own `Text.content` gives, without building a rich-text object per cell.
    """

    def parse_cell(self, element):
        if element.get("t") != "inlineStr" or element.find(INLINE_STRING) is None:
            return super().parse_cell(element)
        row, column = self.row_counter, self.col_counter + 1
        coordinate = element.get("r")
        if coordinate:
            row, column = coordinate_to_tuple(coordinate)
        self.col_counter = column
        return {"row": row, "column": column, "value": inline_text(element.find(INLINE_STRING)),
                "data_type": "s", "style_id": 0}

    def rows(self, part: str = ""):
        """Yield (row number, values by 0-based column, 0-based columns holding a formula) for each `<row>`
        holding an element.

        The same rows, columns and values as openpyxl's `parse()` gives; the merged
        areas are in `self.merged_cells` once the rows are exhausted. A cell that
        cannot be read raises `Failure` naming it; the sheet's XML is streamed with
        a bound on what it holds at once (`ooxml.stream`).
        """
        for element in stream.iterparse(self.source, (ROW_TAG, MERGE_TAG), part=part, remove_comments=True,
                                        remove_pis=True):
            if element.tag == MERGE_TAG:
                if len(element) > MAX_MERGES:
                    raise Failure(ValueError("mergeCells"), part, what=f"trang tính có hơn {MAX_MERGES:,} vùng gộp ô"
                                  .replace(",", "."))
                try:
                    self.merged_cells = MergeCells.from_tree(element)
                except Exception as exc:
                    raise Failure(exc, part, what=_merge_why(element)) from exc
                continue
            self._count_row(element.get("r"))
            try:
                cells = [self._cell(c) for c in element]
            except Exception as exc:
                raise Failure(exc, part, cell=self._failed_cell(element), what=_cell_why(exc)) from exc
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
            if not cells:
                continue
            values: list = [None] * max(cell[0] for cell in cells)
            formulas = []
            for column, value, formula in cells:
                values[column - 1] = value
                if formula:
                    formulas.append(column - 1)
            yield self.row_counter, values, formulas

    def _failed_cell(self, row) -> str | None:
        """Return the reference of the first cell of `row` that cannot be read (as typed when it has one)."""
        self.col_counter = 0
        for c in row:
            try:
                self._cell(c)
            except Exception:
                return c.get("r") or f"{get_column_letter(min(self.col_counter + 1, 18278))}{self.row_counter}"
        return None

    def _count_row(self, number: str | None) -> None:
        """Set the row counter as openpyxl's `parse_row` does."""
        if number is None:
            self.row_counter += 1
        else:
            try:
                self.row_counter = int(number)
            except ValueError:
                value = float(number)
                if not value.is_integer():
                    raise ValueError(f"{number} is not a valid row number") from None
                self.row_counter = int(value)
        self.col_counter = 0

    def _date(self, text: str, style: int) -> object:
        """Return a date cell's value as openpyxl converts it; a serial no date has (negative, after 9999)
        stays the number typed: openpyxl would give «#VALUE!», which no clerk typed (Excel shows ####)."""
        number = float(text) if "." in text or "E" in text or "e" in text else int(text)
        timedelta = style in self.timedelta_formats
        if number < 0 and not timedelta:
            return number
        try:
            return from_excel(number, self.epoch, timedelta=timedelta)
        except (OverflowError, ValueError):
            return number

    def _cell(self, element) -> tuple[int, object, bool]:
        """Return (column, value, is formula) of one cell: quick for plain cells, else openpyxl's way."""
        kind = element.get("t")
        size = len(element)
        if size == 1:
            child = element[0]
            tag = child.tag
            if tag == VALUE_TAG and (kind is None or kind == "n" or kind == "s"):
                text = child.text
                if kind == "s":
                    value = self.shared_strings[_index(text)] if text else None
                else:
                    style = element.get("s")
                    if text and style and int(style) in self.date_formats:
                        value = self._date(text, int(style))
                    elif not text:
                        value = None
                    elif "." in text or "E" in text or "e" in text:
                        value = float(text)
                    else:
                        value = int(text)
            elif tag == INLINE_STRING and kind == "inlineStr":
                only = child[0] if len(child) == 1 else None
                value = (only.text or "") if only is not None and only.tag == _TEXT else inline_text(child)
            else:
                cell = self.parse_cell(element)
                return cell["column"], cell["value"], cell["data_type"] == "f"
        elif size == 0 and kind != "inlineStr":
            value = None
        else:
            cell = self.parse_cell(element)
            return cell["column"], cell["value"], cell["data_type"] == "f"
        coordinate = element.get("r")
        if coordinate:
            column = _COLUMNS.get(coordinate.rstrip(_DIGITS))
            if column is None or coordinate[-1] not in _DIGITS:
                column = coordinate_to_tuple(coordinate)[1]
        else:
            column = self.col_counter + 1
        self.col_counter = column
        return column, value, False


@contextmanager
def quiet_openpyxl():
    """Run the block without openpyxl's warnings about parts it does not keep (x14 data validations …).

    The readers take only cell values; the warnings would reach a clerk's console in English.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
        yield


@contextmanager
def paused_gc():
    """Run the block with Python's cycle collector paused (as it was before afterwards).

    Reading a big table creates hundreds of thousands of small objects and no
    reference cycles; without the pause the collector walks the whole growing heap
    several times for nothing (about a fifth of the reading time, bench/bench_kiem_tra.py).
    Reference counting still frees everything as usual. Afterwards one collection of
    the young generations moves what the block made to the old one, as the collector
    would have done; left young, it would be walked again at each collection that
    follows (in checking, which comes next).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(1)


def inline_text(inline) -> str:
    """Return the text of an `<is>` element: its `<t>` then its runs' `<t>`, phonetic guides left out."""
    parts = [t.text or "" for t in inline.findall(_TEXT)]
    parts += [t.text or "" for r in inline.findall(_RUN) for t in r.findall(_TEXT)]
    return "".join(parts)



def _cell_why(exc: BaseException) -> str:
    """Return in Vietnamese why one cell could not be read."""
    if isinstance(exc, IndexError):
        return "ô trỏ tới chuỗi dùng chung (shared string) không có trong tệp"
    if isinstance(exc, (ValueError, TypeError)):
        return "ô có tham chiếu, kiểu hoặc giá trị không hợp lệ"
    return ""


def _index(text: str) -> int:
    """Return a shared-string index; a negative one is refused like one past the end (Python would count back)."""
    index = int(text)
    if index < 0:
        raise IndexError(index)
    return index


def _merge_why(merges) -> str:
    """Return in Vietnamese which merged area of a `<mergeCells>` is not a valid range."""
    from openpyxl.utils import range_boundaries

    for m in merges:
        ref = m.get("ref") or ""
        try:
            if None in range_boundaries(ref):
                raise ValueError(ref)
        except Exception:
            return f"vùng gộp ô «{ref[:40]}» không hợp lệ"
    return "danh sách vùng gộp ô không hợp lệ"
