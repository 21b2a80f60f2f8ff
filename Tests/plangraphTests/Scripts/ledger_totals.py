"""Reads the 总表 (Summary) sheet of a ledger workbook with openpyxl and prints its Total row as JSON,
keyed like the JSON `counts`, so that a test can compare the ledger's numbers with every other output's.

Usage: ledger_totals.py FILE.xlsx
"""
import json
import sys

import openpyxl

KEYS = {
    "Tasks": "tasks", "Done": "done", "Overdue": "overdue", "At risk": "atRisk", "Due soon": "dueSoon",
    "Blocked": "blocked", "On track": "onTrack", "Cancelled": "cancelled", "Marked blocked": "markedBlocked",
    "Missed occurrences": "missedOccurrences",
}


def main(path):
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(row for row in rows if row and row[0] == "Unit")
    total = next(row for row in rows if row and row[0] == "Total")
    json.dump({KEYS[h]: v for h, v in zip(header, total) if h in KEYS}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
