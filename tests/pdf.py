"""Writes a small real PDF with a text layer (no PDF library needed): one page per paragraph list."""


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], title: str = "", title_apart: bool = False) -> bytes:
    """One paragraph per line given, each a blank line apart, at the same left margin."""
    streams = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            ops += [f"({_escaped(line)}) Tj", "T*", "T*"]
        streams.append("\n".join(ops + ["ET"]))
    return _pdf(streams, title, title_apart)


def make_pdf_at(pages: list[list[tuple]], title: str = "") -> bytes:
    """Each line drawn where it is given: (x, y, text) in points from the page's lower left, 11 pt type, or
    (x, y, text, size) in `size` pt."""
    return _pdf(["\n".join(["BT"] + [f"/F1 {(rest or (11,))[0]} Tf 1 0 0 1 {x} {y} Tm ({_escaped(t)}) Tj"
                                     for x, y, t, *rest in lines] + ["ET"]) for lines in pages], title)


def _pdf(streams: list[str], title: str, title_apart: bool = False) -> bytes:
    """`title_apart`: the title in an object of its own, the metadata pointing at it (as Apple's exports write it)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for stream in streams:
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        content_ref = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {content_ref} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    info_ref = None
    if title:
        if title_apart:
            objects.append(f"({title})")
        objects.append(f"<< /Title {len(objects)} 0 R >>" if title_apart else f"<< /Title ({title}) >>")
        info_ref = len(objects)
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info_ref} 0 R" if info_ref else "") + " >>"
    out += f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
