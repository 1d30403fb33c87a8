"""Read back a QR code from the SVG that goes onto a poster, for the tests: a small decoder
for undamaged, upright symbols of version 1 to 6 (a short link always fits in those).

It reads the modules of the SVG path, the format information, unmasks the data, puts the
codewords of the blocks back in order and decodes the byte, alphanumeric and numeric
segments. It does not correct errors: a poster straight from the generator has none.
Only the specification's tables (block sizes, format codes) come from segno's constants;
the reading itself is independent of segno's encoder."""

import re

from segno import consts

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
MASKS = [
    lambda r, c: (r + c) % 2 == 0,
    lambda r, c: r % 2 == 0,
    lambda r, c: c % 3 == 0,
    lambda r, c: (r + c) % 3 == 0,
    lambda r, c: (r // 2 + c // 3) % 2 == 0,
    lambda r, c: (r * c) % 2 + (r * c) % 3 == 0,
    lambda r, c: ((r * c) % 2 + (r * c) % 3) % 2 == 0,
    lambda r, c: ((r + c) % 2 + (r * c) % 3) % 2 == 0,
]


def modules_from_svg(svg: str) -> list[list[bool]]:
    """The dark modules of segno's SVG path ("M4 4.5h7m2 0h1..."), without the quiet zone."""
    viewbox = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    size = int(viewbox.group(1))
    path = re.search(r'<path[^>]* d="([^"]+)"', svg).group(1)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, args in re.findall(r"([MmHhVv])([^MmHhVv]*)", path):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        elif command in "hH":
            end = x + numbers[0] if command == "h" else numbers[0]
            for column in range(int(x), int(end)):
                grid[int(y)][column] = True
            x = end
        else:
            raise ValueError(f"unexpected path command {command}")
    dark = [(r, c) for r in range(size) for c in range(size) if grid[r][c]]
    top = min(r for r, _ in dark)
    left = min(c for _, c in dark)
    bottom = max(r for r, _ in dark)
    return [row[left : bottom - top + left + 1] for row in grid[top : bottom + 1]]


def _function_modules(size: int, version: int) -> set[tuple[int, int]]:
    reserved = set()
    for r in range(9):
        for c in range(9):
            reserved.add((r, c))  # top-left finder, separator, format info
    for r in range(9):
        for c in range(size - 8, size):
            reserved.add((r, c))
    for r in range(size - 8, size):
        for c in range(9):
            reserved.add((r, c))  # includes the dark module
    for i in range(size):
        reserved.add((6, i))
        reserved.add((i, 6))
    if version >= 2:
        centre = size - 7
        for r in range(centre - 2, centre + 3):
            for c in range(centre - 2, centre + 3):
                reserved.add((r, c))
    return reserved


def _format(grid) -> tuple[int, int]:
    """(error level constant, mask) from the format bits next to the top-left finder."""
    positions = [(8, c) for c in (0, 1, 2, 3, 4, 5, 7, 8)] + [(r, 8) for r in (7, 5, 4, 3, 2, 1, 0)]
    value = 0
    for r, c in positions:  # bit 14 first
        value = (value << 1) | int(grid[r][c])
    distances = [bin(value ^ code).count("1") for code in consts.FORMAT_INFO]
    best = distances.index(min(distances))
    if distances[best] > 3:
        raise ValueError("format information unreadable")
    return best >> 3, best & 7


def _codewords(grid, version: int, mask) -> list[int]:
    size = len(grid)
    reserved = _function_modules(size, version)
    bits = []
    right = size - 1
    upward = True
    while right > 0:
        if right == 6:
            right -= 1
        rows = range(size - 1, -1, -1) if upward else range(size)
        for r in rows:
            for c in (right, right - 1):
                if (r, c) not in reserved:
                    bits.append(int(grid[r][c]) ^ int(mask(r, c)))
        upward = not upward
        right -= 2
    return [int("".join(map(str, bits[i : i + 8])), 2) for i in range(0, len(bits) - 7, 8)]


def _data(codewords: list[int], version: int, error: int) -> list[int]:
    groups = consts.ECC[version][error]
    blocks = [g.num_data for g in groups for _ in range(g.num_blocks)]
    data_blocks: list[list[int]] = [[] for _ in blocks]
    index = 0
    for position in range(max(blocks)):
        for block, length in enumerate(blocks):
            if position < length:
                data_blocks[block].append(codewords[index])
                index += 1
    return [byte for block in data_blocks for byte in block]


def _segments(data: list[int]) -> str:
    bits = "".join(f"{byte:08b}" for byte in data)
    pos, out = 0, []

    def take(n):
        nonlocal pos
        value = int(bits[pos : pos + n], 2)
        pos += n
        return value

    while pos + 4 <= len(bits):
        mode = take(4)
        if mode == 0:
            break
        if mode == 0b0100:
            count = take(8)
            out.append(bytes(take(8) for _ in range(count)).decode("utf-8"))
        elif mode == 0b0010:
            count = take(9)
            for _ in range(count // 2):
                pair = take(11)
                out.append(ALPHANUMERIC[pair // 45] + ALPHANUMERIC[pair % 45])
            if count % 2:
                out.append(ALPHANUMERIC[take(6)])
        elif mode == 0b0001:
            count = take(10)
            while count >= 3:
                out.append(f"{take(10):03d}")
                count -= 3
            if count:
                out.append(f"{take(7 if count == 2 else 4):0{count}d}")
        else:
            raise ValueError(f"unsupported mode {mode:04b}")
    return "".join(out)


def decode_svg(svg: str) -> str:
    grid = modules_from_svg(svg)
    size = len(grid)
    version = (size - 17) // 4
    if not 1 <= version <= 6 or size != 17 + 4 * version:
        raise ValueError(f"size {size} is not a QR version 1 to 6")
    error, mask = _format(grid)
    return _segments(_data(_codewords(grid, version, MASKS[mask]), version, error))
