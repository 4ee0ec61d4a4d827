//! The neutral table every spreadsheet format shares: a workbook of named sheets, each a list
//! of rows of text cells, with what the XLSX writer needs to make it look like the checklist
//! (row kinds, column widths, merged headings, drop-down lists) and what a reader found.
//! CSV writes the cells and ignores the look; both readers give back cells only.

use std::borrow::Cow;

/// A workbook: sheets in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workbook {
    /// The sheets, the answers first.
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet with this name.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|sheet| sheet.name == name)
    }

    /// A workbook of one sheet `name` of plain rows, as the tests write one.
    #[cfg(test)]
    pub(crate) fn one_sheet(name: &str, rows: &[&[&str]]) -> Workbook {
        let mut sheet = Sheet::named(name);
        sheet.rows = rows
            .iter()
            .map(|cells| Row::plain(cells.iter().map(|c| (*c).to_owned()).collect()))
            .collect();
        Workbook {
            sheets: vec![sheet],
        }
    }
}

/// One sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name (a CSV section's name).
    pub name: String,
    /// The rows, from the top.
    pub rows: Vec<Row>,
    /// The number a spreadsheet shows for `rows[0]`: 1 in a workbook, further down for a
    /// later section of a CSV file.
    pub first_row: usize,
    /// The row that holds the column headings, if there is one.
    pub heading_row: Option<usize>,
    /// Width and visibility of each column, from A.
    pub columns: Vec<ColumnLook>,
    /// Cells merged across columns (the header block's values, the group headings).
    pub merges: Vec<Merge>,
    /// Cells merged down a column, as a workbook read holds them (one answer for several
    /// items): the value is in the first row's cell only.
    pub merged_down: Vec<MergedDown>,
    /// Columns whose cells offer a drop-down list of values.
    pub lists: Vec<ListRule>,
    /// Columns left of this one stay in view when scrolling sideways.
    pub frozen_columns: usize,
    /// How many columns, from A, a printed page holds; all when none.
    pub print_columns: Option<usize>,
    /// Whether the sheet is hidden (tekigo's own data).
    pub hidden: bool,
    /// Whether each row holds every one of its cells, empty ones too (a CSV file's record),
    /// so that a row shorter than the headings was cut; a workbook's rows end at their last
    /// value.
    pub complete_rows: bool,
}

impl Sheet {
    /// An empty sheet.
    pub fn named(name: &str) -> Sheet {
        Sheet {
            name: name.to_owned(),
            first_row: 1,
            ..Sheet::default()
        }
    }

    /// The number a spreadsheet shows for `rows[index]`.
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    /// This sheet with the value of each merge down a column that starts below `heading_row`
    /// copied into the rows under it that `fill` takes, where they are empty: what a person
    /// sees in them. The sheet itself, uncopied, when there is nothing to fill.
    pub fn filled_down(
        &self,
        heading_row: usize,
        fill: impl Fn(usize, usize) -> bool,
    ) -> Cow<'_, Sheet> {
        let mut filled: Option<Sheet> = None;
        for merge in self
            .merged_down
            .iter()
            .filter(|m| m.first_row > heading_row)
        {
            let value = self.cell(merge.first_row, merge.column);
            if value.is_empty() {
                continue;
            }
            for row in merge.first_row + 1..=merge.last_row.min(self.rows.len().saturating_sub(1)) {
                if self.cell(row, merge.column).is_empty() && fill(row, merge.column) {
                    let cells = &mut filled.get_or_insert_with(|| self.clone()).rows[row].cells;
                    if cells.len() <= merge.column {
                        cells.resize(merge.column + 1, String::new());
                    }
                    cells[merge.column] = value.to_owned();
                }
            }
        }
        filled.map_or(Cow::Borrowed(self), Cow::Owned)
    }

    /// The text of a cell, empty when the row is shorter.
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|row| row.cells.get(column))
            .map_or("", String::as_str)
    }
}

/// One row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// How the row looks.
    pub kind: RowKind,
    /// The cells, from column A.
    pub cells: Vec<String>,
    /// The columns whose cells are labels (in the header block: 整理番号, 評価者 …).
    pub labels: Vec<usize>,
    /// The item a body row holds, by id, for messages about its cells.
    pub item: Option<String>,
}

impl Row {
    /// A row as read, or written without a look of its own.
    pub fn plain(cells: Vec<String>) -> Row {
        Row::of(RowKind::Plain, cells)
    }

    /// A row of a kind.
    pub fn of(kind: RowKind, cells: Vec<String>) -> Row {
        Row {
            kind,
            cells,
            labels: Vec::new(),
            item: None,
        }
    }
}

/// How a row looks in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// No look of its own.
    Plain,
    /// The header block: labels with their values (整理番号, 評価申請元 …).
    Block,
    /// Headings over groups of columns (確認項目, 評価員が記入する欄 …).
    GroupHeading,
    /// The column headings.
    Heading,
    /// One item.
    Body,
}

/// Width (in characters) and visibility of a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColumnLook {
    /// Width in characters of the default font.
    pub width: f64,
    /// Whether the column is hidden.
    pub hidden: bool,
}

/// Cells of one row merged from `first` to `last` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// The row's index in the sheet.
    pub row: usize,
    /// The first column.
    pub first: usize,
    /// The last column.
    pub last: usize,
}

/// Cells of one column merged from `first_row` to `last_row`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergedDown {
    /// The column.
    pub column: usize,
    /// The first row's index in the sheet: the cell that holds the value.
    pub first_row: usize,
    /// The last row's index in the sheet.
    pub last_row: usize,
}

/// A drop-down list on the cells of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRule {
    /// The column.
    pub column: usize,
    /// The first row it applies to.
    pub first_row: usize,
    /// The last row it applies to.
    pub last_row: usize,
    /// The values offered.
    pub values: Vec<String>,
}
