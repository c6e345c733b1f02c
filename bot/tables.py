"""Tables and definition lists read a row at a time: each row a list item whose cells carry their column headers
("- Name: Intermediate; Level: 2; Equivalent educational level: GCSE"), each term with its definition. Read any
other way, a table is one cell per line ("Intermediate", "2", "GCSE") or "a; b" rows whose cells say nothing alone,
and a quoted row means something else. Used by ingest on Markdown, and on HTML before trafilatura reads the page.
Pure; linear in the text.
"""

from __future__ import annotations

import html
import re

MAX_CELL_CHARS = 300  # longer: a table laying out the page, not holding data
_OPENING = {tag: re.compile(rf"<{tag}\b", re.I) for tag in ("table", "dl")}
_CLOSING = {tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("table", "dl")}


def html_tables(raw: str) -> str:
    """An HTML page with each data table (a header row of <th> cells, or of <td> cells each wholly bold; short cells,
    no table inside) as a list
    of its rows, each cell with its column's header (table_row), and each definition list as "term: definition"
    lines. Read as trafilatura reads them, a table is one cell per paragraph ("Intermediate", "2", "GCSE" quoted
    as three lines that say nothing) and a term is one item, its definition the next. Only these elements' own
    text is replaced: the page around them is left as written."""
    return _innermost(_innermost(raw, "table", _table_as_list), "dl", _definitions)


def _innermost(text: str, tag: str, convert) -> str:
    """`text` with each innermost <tag>...</tag> replaced by convert(its html). Linear: every opening is paired
    with the next closing once (a regex's lazy match would rescan the rest of the page per unclosed element)."""
    if f"<{tag}" not in text.lower():
        return text
    opens = [m.start() for m in _OPENING[tag].finditer(text)]
    closes = [(m.start(), m.end()) for m in _CLOSING[tag].finditer(text)]
    out, at, c = [], 0, 0
    for i, start in enumerate(opens):
        while c < len(closes) and closes[c][0] < start:
            c += 1
        if c == len(closes):
            break
        end = closes[c][1]
        if i + 1 < len(opens) and opens[i + 1] < closes[c][0]:
            continue  # holding another one (a table laying out the page)
        out += [text[at:start], convert(text[start:end])]
        at = end
    return "".join(out) + text[at:]


def _fragment(source: str):
    import lxml.html

    try:
        return lxml.html.fragment_fromstring(source)
    except (ValueError, lxml.etree.ParserError):
        return None


def _as_lines(lines: list[str], caption: str, markdown: bool) -> str:
    """Lines of an article's own list, as HTML for trafilatura or as Markdown text. As a <pre> block, not a <ul>:
    where trafilatura falls back to jusText, a list item with no stop words ("Name: Intermediate; Level: 2; ...")
    is dropped as boilerplate; a <pre> block's lines are kept."""
    if markdown:  # written as HTML in a Markdown article
        return "\n\n" + (caption + "\n\n" if caption else "") + "\n".join(lines) + "\n\n"
    items = "\n".join(html.escape(line) for line in lines)
    return (f"<p>{html.escape(caption)}</p>" if caption else "") + f"<pre>{items}</pre>"


def _definitions(source: str, markdown: bool = False) -> str:
    """A definition list (<dl>) as "- term: definition" lines; a list without terms is left as it is."""
    dl = _fragment(source)
    if dl is None:
        return source
    lines, term, named = [], "", False
    for el in dl.xpath("./dt|./dd|./div/dt|./div/dd"):
        text = " ".join(el.text_content().split())
        if el.tag == "dt":
            term = text.rstrip(":")
            named = named or bool(term)
        elif text:
            lines.append(f"- {term}: {text}" if term else f"- {text}")
    # Any term named, not the last: a chart's closing legend is an empty term (the BLS's bar charts, "Interpreters and
    # translators" over "$59,440", were read as a list of names and sums, another occupation's first).
    return _as_lines(lines, "", markdown) if lines and named else source


def _cell(cell) -> list[str]:
    """A table cell's text, then an empty cell for each further column it spans."""
    span = cell.get("colspan", "1")
    text = " ".join(cell.text_content().split())
    return [text[2:-2] if _MARKDOWN_BOLD.fullmatch(text) else text] + [""] * (min(int(span), 50) - 1 if span.isdigit() and int(span) > 1 else 0)


def _wholly_bold(cell) -> bool:
    """Whether a cell has text and all of it is bold ("<td><strong>Title</strong></td>")."""
    text = " ".join(cell.text_content().split())
    # ... in Markdown's marks too, a table written as HTML in a Markdown post ("<td >**Graduates**</td>", a tester's
    # bootcamp wages report: its salary table was read one cell per line)
    return bool(text) and (text == " ".join(" ".join(b.text_content().split()) for b in cell.xpath("./strong|./b"))
                           or bool(_MARKDOWN_BOLD.fullmatch(text)))


_MARKDOWN_BOLD = re.compile(r"(\*\*|__)(?=\S)[^*_]+(?<=\S)\1")


def _bold_label(tr) -> bool:
    """Whether a row's first cell is a header cell or wholly bold: a label for the cell beside it."""
    first = tr.xpath("./th|./td")[:1]
    return bool(first) and ((first[0].tag == "th" and bool(first[0].text_content().strip())) or _wholly_bold(first[0]))


def _bold_row(tr) -> bool:
    """A first row of <td> cells each wholly bold ("<td><strong>Title</strong></td>"): a header row drawn without <th>
    (a tester's reading list was one run-on paragraph of its six books)."""
    cells = tr.xpath("./td")
    # ... or each in capitals ("GENDER", "PRE-BOOTCAMP SALARY", "% EMPLOYED" over "MALE", "$49,250": the same report)
    return bool(cells) and (all(_wholly_bold(c) for c in cells) or all(_capitals(c) for c in cells))


def _capitals(cell) -> bool:
    text = cell.text_content()
    return any(ch.isalpha() for ch in text) and text == text.upper() and not any(ch.isdigit() for ch in text)


def _table_as_list(source: str, markdown: bool = False) -> str:
    table = _fragment(source)
    if table is None:
        return source
    trs = table.xpath(".//tr")
    rows = [[text for cell in tr.xpath("./th|./td") for text in _cell(cell)] for tr in trs]
    title = ""
    if len(rows) >= 3 and len(trs[0].xpath("./th|./td")) == 1 and len(rows[0]) == len(rows[1]) > 1:
        # A first row of one cell spanning every column is the table's title ("GENDER AND SALARY" over its header).
        title, trs, rows = rows[0][0], trs[1:], rows[1:]
    layout = any(len(c) > MAX_CELL_CHARS for row in rows for c in row)
    if (len(rows) >= 2 and trs[0].xpath("./td") and all(len(row) == 2 and row[1] for row in rows)
            and all(_bold_label(tr) for tr in trs) and not layout):
        # A column of bold labels beside their values, no header row ("**Masters** | Master's degree in social work
        # (MSW) ..."): each row a "label: value" item. Read as text, a tester's licensure levels ran together into
        # one line ("Bachelors Baccalaureate social work degree ... Masters Master's degree ...").
        return _as_lines([f"- {label.rstrip(':')}: {value}" for label, value in rows], "", markdown)
    if len(rows) < 2 or len(rows[0]) < 2 or (trs[0].xpath("./td") and not _bold_row(trs[0])) or layout:
        return source
    caption = " ".join([*(" ".join(c.text_content().split()) for c in table.xpath("./caption")), title]).strip()
    heads = len(table.xpath("./thead/tr"))
    if heads >= 2 and heads < len(trs):
        # A header of two rows (a column group over its columns: "USD Salary Increase" over "Annual" and "Monthly",
        # the others spanning both rows): each column is named by its headers top to bottom. Read as one header
        # row, the second was a row of data, and the values under it had no names.
        grid = _spanned(trs)
        header = [" ".join(dict.fromkeys(t for t in column if t)) for column in zip(*grid[:heads])]
        return _as_lines([table_row(header, cells) for cells in grid[heads:] if any(cells)], caption, markdown)
    return _as_lines([table_row(rows[0], cells) for cells in rows[1:] if any(cells)], caption, markdown)


MAX_SPAN = 50  # columns or rows one cell may span, at most (a page's "colspan=1000" is a layout, not data)


def _spanned(trs) -> list[list[str]]:
    """The rows' cells as a grid, a cell spanning rows repeated in each (its text applies to them) and one spanning
    columns repeated across them (a group's header names each of its columns)."""
    grid: list[list[str]] = []
    below: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still covers)

    def carried(row: list[str]) -> bool:  # the next column is a cell spanning down from a row above
        if len(row) not in below:
            return False
        text, left = below.pop(len(row))
        if left > 1:
            below[len(row)] = (text, left - 1)
        row.append(text)
        return True

    for tr in trs:
        row: list[str] = []
        for cell in tr.xpath("./th|./td"):
            while carried(row):
                pass
            text = " ".join(cell.text_content().split())
            down, across = (_span(cell.get(k)) for k in ("rowspan", "colspan"))
            for _ in range(across):
                if down > 1:
                    below[len(row)] = (text, down - 1)
                row.append(text)
        while carried(row):  # spanning down into the row's end
            pass
        grid.append(row)
    width = max(map(len, grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]


def _span(value) -> int:
    return min(int(value), MAX_SPAN) if isinstance(value, str) and value.isdigit() and int(value) > 1 else 1


def html_in_markdown(text: str) -> str:
    """Tables and definition lists written as HTML in a Markdown article, as the article's own list lines."""
    text = _innermost(text, "table", lambda table: _table_as_list(table, markdown=True))
    return _innermost(text, "dl", lambda dl: _definitions(dl, markdown=True))


# A table is read a row at a time, each row a list item with its column headers: "- Level: 2; Equivalent
# educational level: GCSE". A row alone ("2; GCSE") loses what its cells are, and a quoted row then means
# something else. A table without a header row (no |---| line under its first row) becomes "a; b" lines.
_TABLE_RULE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
# Inside a table (under its header) a row may leave out its closing pipe, as GitHub reads it: "| Podcast Episode: #062".
_OPEN_ROW = re.compile(r"^[ \t]*\|(.*?)\|?[ \t]*$")


_BARE_RULE = re.compile(r"^[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")  # "---\t| ---", no outer pipes


def with_outer_pipes(text: str) -> str:
    """Tables written without their outer pipes ("Country\t| Income" over "---\t| ---", as GitHub reads them too) with
    a leading pipe on each line, so that they are kept apart as tables and read as the rest (a tester's salary
    round-up: its rows were joined into one line of text, and a country in them said never to be mentioned)."""
    if "|" not in text or "-" not in text:
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i and _BARE_RULE.match(line) and "|" in lines[i - 1] and not lines[i - 1].lstrip().startswith("|"):
            lines[i - 1] = "| " + lines[i - 1].strip()
            lines[i] = "| " + line.strip() + ("" if line.rstrip().endswith("|") else " |")
            j = i + 1
            # ... to its first blank line, as GitHub reads it: a line without a pipe is a row of one cell (a section's
            # label, "Other Fees and Expenses", in a tester's internship costs: the rest of the table read as text).
            while j < len(lines) and lines[j].strip() and not lines[j].lstrip().startswith(("|", "#")):
                lines[j] = "| " + lines[j].strip() + ("" if "|" in lines[j] else " |")
                j += 1
    return "\n".join(lines)


def markdown_tables(text: str) -> str:
    """Markdown (GFM) tables as list items of "header: cell" pairs; see _TABLE_RULE."""
    if "|" not in text:
        return text
    lines, out, header = text.split("\n"), [], None
    for i, line in enumerate(lines):
        ruled = i + 1 < len(lines) and bool(_TABLE_RULE.match(lines[i + 1]))
        row = _TABLE_ROW.match(line) or (_OPEN_ROW.match(line) if header is not None or ruled else None)
        if row is None:
            header = None
            out.append(line)
            continue
        if _TABLE_RULE.match(line):
            continue  # the |---| line under the header
        cells = [c.strip() for c in row[1].split("|")]
        if header is None and ruled and not any(cells) and len(cells) >= 2:
            # A header left empty ("| | |" over "| **Salary Range (UK)** | £50K - £100K |"): each row's first cell
            # labels the rest (a tester's role guide; read as "a; b" lines, the salary row was never quoted).
            header = cells
            continue
        if not any(cells):
            continue  # a row left empty (its only link was a call to action, dropped at ingest)
        if header is None and ruled:
            header = cells  # the header row: it labels the rows below, not a row of its own
            if len(header) == 1:
                out.append(header[0])  # one column: a box with a title line, not a table of labelled cells
        elif header is not None and len(header) == 1:
            out.append(cells[0])
        elif header is not None and not any(header):
            label, rest = cells[0], "; ".join(c for c in cells[1:] if c)
            out.append(f"- {label.rstrip(':')}: {rest}" if label and rest else "- " + (label or rest))
        elif header is not None:
            out.append(table_row(header, cells))
        else:
            out.append("; ".join(c for c in cells if c))
    return "\n".join(out)


def table_row(header: list[str], cells: list[str]) -> str:
    """One table row as a list item, each cell with its column's header. As GitHub reads a table, cells past the
    header's are ignored and missing ones are empty."""
    cells = (cells + [""] * len(header))[: len(header)]
    parts = [f"{h.rstrip(':')}: {c}" if h else c for h, c in zip(header, cells) if c]
    # A cell's closing full stop would end the row mid-way ("24/7/365.; Response: ..."); the row's last keeps it.
    return "- " + "; ".join([p[:-1] if p.endswith(".") and not p.endswith("..") else p for p in parts[:-1]] + parts[-1:])
