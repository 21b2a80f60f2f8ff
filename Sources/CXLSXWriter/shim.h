// libxlsxwriter (Debian: libxlsxwriter-dev), imported only by PlanLedger's XLSXFile.swift.
#include <xlsxwriter.h>
