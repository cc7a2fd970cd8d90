using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CaseFlow.Server.Reports;

/// <summary>The summary as an Excel workbook: one sheet 汇总, columns 指标 / Indicator / 数值, figures stored as numbers.</summary>
public static class SummaryXlsx
{
    public static byte[] Write(ReportSummary summary)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowIndex = 1;
            data.Append(TextRow(rowIndex++, "指标", "Indicator", "数值"));
            foreach (var row in SummaryTable.Rows(summary))
            {
                var cells = new Row { RowIndex = rowIndex };
                cells.Append(Text("A", rowIndex, row.LabelZh), Text("B", rowIndex, row.LabelEn),
                    row.Number is { } number ? Number("C", rowIndex, number) : Text("C", rowIndex, row.Text ?? ""));
                data.Append(cells);
                rowIndex++;
            }

            var columns = new Columns(
                new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 30, CustomWidth = true },
                new Column { Min = 3, Max = 3, Width = 60, CustomWidth = true });
            sheetPart.Worksheet = new Worksheet(columns, data);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "汇总" });
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row TextRow(uint index, params string[] values)
    {
        var row = new Row { RowIndex = index };
        row.Append(values.Select((v, i) => Text(((char)('A' + i)).ToString(), index, v)));
        return row;
    }

    private static Cell Text(string column, uint row, string value) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell Number(string column, uint row, decimal value) => new()
    {
        CellReference = column + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        CellValue = new CellValue(value),
    };
}
