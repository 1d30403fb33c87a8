"""XLSForm "relevant" expressions and our "show if" conditions, both ways: the subset we
read (a question compared to a value, (not) selected(...), joined by only and or only or)
and what we write back, so a condition survives import -> export -> import."""

import re

# A condition: ${name} compared to a value, or (not) selected(${name}, value).
_REF = r"\$\{\s*([A-Za-z_][\w.\-]*)\s*\}"
_VALUE = r"(?:'([^']*)'|\"([^\"]*)\"|(-?\d+(?:\.\d+)?))"
_COMPARE = re.compile(rf"^{_REF}\s*(!=|>=|<=|=|>|<)\s*{_VALUE}$")
_SELECTED = re.compile(rf"^selected\(\s*{_REF}\s*,\s*{_VALUE}\s*\)$")
_NOT_SELECTED = re.compile(rf"^not\(\s*selected\(\s*{_REF}\s*,\s*{_VALUE}\s*\)\s*\)$")


def parse_number(text: str) -> int | float:
    return int(text) if re.fullmatch(r"-?\d+", text) else float(text)


CONDITION_OPERATORS = {"=": "eq", "!=": "ne", ">": "gt", ">=": "ge", "<": "lt", "<=": "le"}


def _split_top_level(text: str) -> tuple[str | None, list[str]]:
    """Split on ' and ' / ' or ' outside quotes and brackets; (None, []) when both occur."""
    parts, current, depth, quote, joiners = [], "", 0, "", set()
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            for word in (" and ", " or "):
                if text.startswith(word, index):
                    joiners.add(word.strip())
                    parts.append(current)
                    current = ""
                    index += len(word)
                    break
            else:
                current += char
                index += 1
            continue
        current += char
        index += 1
    parts.append(current)
    if len(joiners) > 1:
        return None, []
    return (joiners.pop() if joiners else "and"), [part.strip() for part in parts]


def _strip_brackets(term: str) -> str:
    while term.startswith("(") and term.endswith(")"):
        inner = term[1:-1]
        # Only when the brackets belong together: "(a) and (b)" must stay.
        depth = 0
        for char in inner:
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth < 0:
                return term
        term = inner.strip()
    return term


def _value(groups: tuple) -> str | int | float:
    single, double, number = groups
    if number is not None:
        return parse_number(number)
    return single if single is not None else double


def parse_condition(text: str) -> tuple[str, list[dict]] | None:
    joiner, terms = _split_top_level(_strip_brackets(text))
    if joiner is None:
        return None
    rules = []
    for term in terms:
        term = _strip_brackets(term)
        if match := _COMPARE.fullmatch(term):
            name, op, *value_groups = match.groups()
            value = _value(tuple(value_groups))
            if op == "!=" and value == "":
                rules.append({"question": name, "op": "answered"})
                continue
            if value == "":
                return None
            if op in (">", ">=", "<", "<=") and not re.fullmatch(r"-?\d+(?:\.\d+)?", str(value)):
                return None
            rules.append({"question": name, "op": CONDITION_OPERATORS[op], "value": value})
        elif match := _SELECTED.fullmatch(term):
            name, *value_groups = match.groups()
            rules.append({"question": name, "op": "selected", "value": _value(tuple(value_groups))})
        elif match := _NOT_SELECTED.fullmatch(term):
            name, *value_groups = match.groups()
            value = _value(tuple(value_groups))
            rules.append({"question": name, "op": "not_selected", "value": value})
        else:
            return None
    return ("any" if joiner == "or" else "all"), rules


_XPATH_OPS = {value: key for key, value in CONDITION_OPERATORS.items()}


def _xpath_value(value) -> str:
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    return f'"{text}"' if "'" in text else f"'{text}'"


def relevant_expression(show_if: dict | None) -> str:
    if not show_if or not show_if.get("rules"):
        return ""
    terms = []
    for rule in show_if["rules"]:
        ref, op, value = "${" + rule["question"] + "}", rule["op"], rule.get("value")
        if op == "answered":
            terms.append(f"{ref} != ''")
        elif op == "selected":
            terms.append(f"selected({ref}, {_xpath_value(value)})")
        elif op == "not_selected":
            terms.append(f"not(selected({ref}, {_xpath_value(value)}))")
        else:
            terms.append(f"{ref} {_XPATH_OPS[op]} {_xpath_value(value)}")
    joiner = " or " if show_if.get("match") == "any" else " and "
    return joiner.join(terms)
