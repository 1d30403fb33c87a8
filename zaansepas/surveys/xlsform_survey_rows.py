"""XLSForm import: the survey sheet's rows as a tree. "begin group"/"end group" and
"begin repeat"/"end repeat" rows nest; a top-level group becomes a section, a group in
the form of an ODK table-list of select_one rows on one list becomes a matrix question
(see the marker table in xlsform.py)."""

from dataclasses import dataclass, field

from pyxform import aliases
from pyxform.xls2json import RE_BEGIN_CONTROL, RE_END_CONTROL, RE_SELECT

from .xlsform_sheets import Row
from .xlsform_workbook import XLSFormRefused

GROUP_APPEARANCES = {"table-list", "field-list"}
# Appearances of the rows inside an ODK table-list: layout only, nothing to report.
TABLE_ROW_APPEARANCES = {"list-nolabel", "label"}


@dataclass
class Node:
    """A question row, or a group/repeat with what is inside it."""

    row: Row
    kind: str = "item"  # item, group, repeat
    children: list = field(default_factory=list)
    end_row: int = 0


def build_tree(rows: list[Row], report: list[str]) -> Node:
    """The rows under one root group; a row without a type is skipped (reported when it
    has a name or text), a begin or end that does not pair up refuses the form."""
    root = Node(Row(number=1), kind="group")
    stack = [root]
    for row in rows:
        if not row.type:
            if row.name or row.texts:
                report.append(
                    f"Rij {row.number}: de regel heeft geen soort (type) en is overgeslagen."
                )
            continue
        begin = RE_BEGIN_CONTROL.search(row.type.lower())
        end = RE_END_CONTROL.search(row.type.lower())
        if begin:
            kind = "group" if aliases.control[begin.group("type")] == "group" else "repeat"
            node = Node(row, kind=kind)
            stack[-1].children.append(node)
            stack.append(node)
        elif end:
            kind = "group" if aliases.control[end.group("type")] == "group" else "repeat"
            if len(stack) == 1 or stack[-1].kind != kind:
                raise XLSFormRefused(
                    f"Rij {row.number}: '{row.type}' sluit niets af dat daarvoor is "
                    "begonnen. Controleer de 'begin group' en 'end group' regels."
                )
            stack.pop().end_row = row.number
        else:
            stack[-1].children.append(Node(row))
    if len(stack) > 1:
        raise XLSFormRefused(
            f"Rij {stack[-1].row.number}: '{stack[-1].row.type}' wordt nergens afgesloten "
            "met een 'end'-regel."
        )
    return root


def is_matrix(node: Node) -> bool:
    appearance = set(node.row.appearance.split())
    if node.kind != "group" or not appearance & GROUP_APPEARANCES:
        return False
    rows = [child for child in node.children if not is_table_header(child)]
    if not rows or any(child.kind != "item" for child in rows):
        return False
    lists = set()
    for child in rows:
        select = RE_SELECT.search(child.row.type)
        if not select or aliases.select[select.group("select_command")] != "select one":
            return False
        if select.group("specify_other"):
            return False
        lists.add(select.group("list_name"))
    minimum = 1 if "table-list" in appearance else 2
    return len(lists) == 1 and len(rows) >= minimum


def is_table_header(node: Node) -> bool:
    # ODK's table-list often starts with a row of appearance "label" that only shows the
    # answer options as column heads.
    return node.kind == "item" and node.row.appearance == "label"


def count_items(node: Node) -> int:
    return sum(1 + count_items(child) for child in node.children)
