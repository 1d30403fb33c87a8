"""Turn an uploaded CSV into text, the way municipal files really arrive: UTF-8 with or
without BOM, UTF-16 from some Excel versions, or latin-1 from older CBS downloads."""


def decode_csv(
    data: bytes | str, *, max_bytes: int, error: type[Exception], too_big: str, hint: str = ""
) -> str:
    """Raise `error` with a Dutch message for anything that is not a readable text file.
    `hint` is added to the messages about Excel/zip and binary files."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if len(data) > max_bytes:
        raise error(too_big)
    if data.startswith(b"PK\x03\x04"):
        raise error(
            " ".join(
                filter(
                    None,
                    [
                        "Dit is een Excel- of zip-bestand, geen CSV.",
                        hint,
                        "Of sla het in Excel op als 'CSV (puntkomma gescheiden)'.",
                    ],
                )
            )
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise error("De tekens in dit bestand zijn niet te lezen.") from exc
    if b"\x00" in data:
        raise error(" ".join(filter(None, ["Dit bestand is geen tekstbestand (CSV).", hint])))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # every byte is valid latin-1
    return text.lstrip("\ufeff")
