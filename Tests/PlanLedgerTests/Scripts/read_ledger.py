"""Reads a ledger workbook with openpyxl, an independent reader, and prints what the tests check as JSON.

Usage: read_ledger.py FILE.xlsx
"""
import json
import sys
import zipfile

import openpyxl


def color(fill):
    if fill is None or fill.patternType != "solid":
        return None
    return fill.fgColor.rgb


def main(path):
    book = openpyxl.load_workbook(path)
    props = book.properties
    out = {
        "title": props.title,
        "subject": props.subject,
        "keywords": props.keywords,
        "created": props.created.isoformat() if props.created else None,
        "sheets": [],
    }
    for ws in book.worksheets:
        setup = ws.page_setup
        fit = ws.sheet_properties.pageSetUpPr
        rows, fills, bold, indent, types, formats = [], [], [], [], [], []
        for row in ws.iter_rows():
            rows.append([c.value for c in row])
            fills.append([color(c.fill) for c in row])
            bold.append([bool(c.font.b) for c in row])
            indent.append([int(c.alignment.indent or 0) for c in row])
            types.append([c.data_type for c in row])
            formats.append([c.number_format for c in row])
        out["sheets"].append({
            "name": ws.title,
            "maxRow": ws.max_row,
            "maxColumn": ws.max_column,
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "printTitleRows": ws.print_title_rows,
            "orientation": setup.orientation,
            "paperSize": int(setup.paperSize) if setup.paperSize is not None else None,
            "fitToWidth": int(setup.fitToWidth) if setup.fitToWidth is not None else 1,
            "fitToHeight": int(setup.fitToHeight) if setup.fitToHeight is not None else 1,
            "fitToPage": bool(fit.fitToPage) if fit is not None else False,
            "printGridLines": bool(ws.print_options.gridLines),
            "headerLeft": ws.oddHeader.left.text,
            "headerRight": ws.oddHeader.right.text,
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "rows": rows,
            "fills": fills,
            "bold": bold,
            "indent": indent,
            "types": types,
            "formats": formats,
        })
    with zipfile.ZipFile(path) as archive:
        out["formulas"] = sum(
            archive.read(name).count(b"<f>") + archive.read(name).count(b"<f ")
            for name in archive.namelist() if name.startswith("xl/worksheets/"))
        # The cells written in each sheet's XML, in tab order: empty cells that look like nothing are not.
        for index, sheet in enumerate(out["sheets"]):
            sheet["writtenCells"] = archive.read("xl/worksheets/sheet%d.xml" % (index + 1)).count(b"<c ")
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
