//! Importer for seed 004: a vendor's reference answering the 182 requirements of the METI
//! guideline (October 2012), extracted from a PDF table.
//!
//! The table's columns are 項目番号, No, 要求事項, the vendor's answer and a ○ where the
//! IaaS (Microsoft Azure) covers the physical layer, but extraction shifted them from line to
//! line, so each line is read by content: a number 1–182 is the No, a `2.x` text a heading,
//! `○`/`—` a mark. Page headers repeat; the cell a page break cut continues on the next line.
//! Three numbers (8, 9, 160) were lost and one (10) slipped a row; they are inferred from the
//! `(n)` sub-numbering of their section and the gaps in the sequence, and each inferred number
//! is annotated on its item. The vendor's answers become an assessment in [`super::vendor_sample`].

use std::collections::{BTreeSet, HashMap};

use serde_json::Map;

use super::pdf_text::{append_fragment, starts_with_number_label, CellCleaner};
use super::{declared, numbered_lines, vendor_sample, ImportError};
use crate::assessment::{Assessment, Subject};
use crate::catalog::{Annotation, Catalog, Group, Item, CATALOG_FORMAT, CATALOG_SCHEMA_VERSION};
use crate::i18n::Bilingual;
use crate::known_guidelines::METI_2012;

/// The id of the METI 2012 catalog.
pub const METI2012_CATALOG_ID: &str = "meti-2012";
const ITEM_COUNT: u32 = 182;
const PAGE_HEADER: &str = "医療情報を受託管理する情報処理事業者における";
const COLUMN_HEADER: &str = "項目番号\tNo";
/// The seed file the catalog and the sample are generated from.
const SOURCE_FILE: &str = "004_82653e598a87a77b.txt";

/// The mark column: does the IaaS cover the item's physical layer?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    /// ○
    Covered,
    /// — (当社提供サービスに含まれない)
    OutOfScope,
}

/// The sub-numbering a requirement text starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Numbered(u32),
    Bullet,
    None,
}

/// One requirement-column cell with what stood beside it.
#[derive(Debug, Default)]
pub(super) struct Row {
    /// 1-based line the row starts on.
    pub(super) line: usize,
    printed: Option<u32>,
    /// The item number, printed or inferred.
    pub(super) number: Option<u32>,
    /// The requirement text.
    pub(super) text: String,
    /// The vendor's answer text on this row (with whatever later rows continued).
    pub(super) answer: String,
    /// The mark beside the row, if any.
    pub(super) mark: Option<Mark>,
    /// The mark cell as written, e.g. `— (当社提供サービスに含まれない事項のため、…)`.
    pub(super) mark_text: String,
    /// The line ends with the answer: it has no column for a mark at all (item 123).
    pub(super) mark_column_missing: bool,
    /// The innermost section in force for this row.
    pub(super) section: Option<String>,
    /// The row whose answer cell this row's answer text continued (a merged cell whose text
    /// extraction spread over several rows).
    pub(super) continues: Option<usize>,
    /// The rows whose answer text continued this row's cell.
    pub(super) continued_on: Vec<usize>,
    notes: Vec<Annotation>,
}

#[derive(Debug)]
struct Section {
    number: String,
    title: String,
}

/// What the line parser builds up.
#[derive(Default)]
pub(super) struct Table {
    cleaner: CellCleaner,
    /// Every requirement row, numbered or not, in file order.
    pub(super) rows: Vec<Row>,
    sections: Vec<Section>,
    /// Headings seen but not yet in force (see [`Table::attach_pending`]).
    pending: Vec<String>,
    current: Option<String>,
    /// The last row with an answer, where a cut answer cell continues; kept so that each
    /// continuation line need not search back through the rows.
    last_answered: Option<usize>,
}

/// Builds the METI 2012 catalog and the vendor's assessment from the extracted text.
pub fn import_meti2012(text: &str) -> Result<(Catalog, Assessment), ImportError> {
    let lines: Vec<(usize, &str)> = numbered_lines(text).collect();
    let first_header = lines
        .iter()
        .position(|(_, line)| line.starts_with(PAGE_HEADER))
        .ok_or_else(|| ImportError::UnknownSeed {
            reason: "no METI 2012 table header".to_owned(),
        })?;
    let title_page = &lines[..first_header];
    let mut table = Table {
        cleaner: CellCleaner::for_document(text),
        ..Table::default()
    };
    let mut after_page_break = false;
    for &(line_number, line) in &lines[first_header..] {
        if line.starts_with(PAGE_HEADER) || line.starts_with(COLUMN_HEADER) {
            after_page_break = true;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        table.read_line(line_number, line, after_page_break);
        after_page_break = false;
    }
    fix_numbers_by_sub_numbering(&mut table.rows);
    fill_lost_numbers(&mut table.rows);
    check_sequence(&table.rows)?;
    annotate_numbered_lead_ins(&mut table.rows);
    let catalog = build_catalog(&table);
    let source = vendor_sample::Source {
        file: SOURCE_FILE,
        title: document_title(title_page),
        text,
    };
    let assessment =
        vendor_sample::build_assessment(&table, &catalog, vendor_subject(title_page), &source);
    Ok((catalog, assessment))
}

impl Table {
    fn read_line(&mut self, line_number: usize, line: &str, after_page_break: bool) {
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let no_column = fields
            .iter()
            .position(|field| parse_number(field).is_some());
        let heading_end = no_column.unwrap_or(fields.len());
        let mut rest: Vec<(usize, &str)> = Vec::new();
        let mut headings_here = false;
        for (column, field) in fields.iter().enumerate() {
            if field.is_empty() || Some(column) == no_column {
                continue;
            }
            if is_heading(field) && column < heading_end {
                let heading = self.cleaner.clean(field);
                self.pending.push(heading);
                headings_here = true;
            } else if (column == 0 && !is_mark(field)) || no_column.is_some_and(|no| column < no) {
                // The 項目番号 column, or anything left of the No: part of a heading cell.
                self.extend_heading(field);
            } else {
                rest.push((column, field));
            }
        }
        let marks: Vec<(Mark, &str)> = rest
            .iter()
            .filter_map(|(_, field)| Some((parse_mark(field)?, *field)))
            .collect();
        let texts: Vec<(usize, &str)> = rest
            .into_iter()
            .filter(|(_, field)| parse_mark(field).is_none())
            .collect();
        let printed = no_column.and_then(|column| parse_number(fields[column]));
        let starts_row = printed.is_some()
            || texts.first().is_some_and(|(column, text)| {
                *column <= 3
                    && (!after_page_break || label_of(&self.cleaner.clean(text)) != Label::None)
            });
        if starts_row {
            let (text, answer) = match texts.as_slice() {
                [] => ("", None),
                [(_, text)] => (*text, None),
                [(_, text), (column, answer), ..] => (*text, Some((*column, *answer))),
            };
            self.start_row(line_number, printed, text, headings_here);
            if let Some((column, answer)) = answer {
                // Every other answered row has a (possibly empty) mark column after its answer.
                let mark_column_missing = marks.is_empty() && column + 1 == fields.len();
                if let Some(row) = self.rows.last_mut() {
                    row.mark_column_missing = mark_column_missing;
                }
                self.add_answer(answer, !marks.is_empty());
            }
        } else {
            for (column, text) in texts {
                if column <= 2 {
                    self.continue_text(text);
                } else {
                    self.continue_answer(text);
                }
            }
        }
        if let Some((mark, written)) = marks.first() {
            if starts_row {
                let written = self.cleaner.clean(written);
                if let Some(row) = self.rows.last_mut() {
                    row.mark = Some(*mark);
                    row.mark_text = written;
                }
            }
        }
    }

    /// A heading comes into force at the first row that starts its sub-numbering at `(1)`, or
    /// at once for a row on the heading's own line that has no `(n)` of its own. A heading a
    /// page break pushed above the end of the previous section thus waits for its `(1)`.
    fn attach_pending(&mut self, label: Label, same_line: bool) {
        if self.pending.is_empty() {
            return;
        }
        let opens = label == Label::Numbered(1)
            || (same_line
                && label != Label::Bullet
                && !matches!(label, Label::Numbered(n) if n > 1));
        if opens {
            for heading in std::mem::take(&mut self.pending) {
                let (number, title) = split_heading(&heading);
                self.sections.push(Section {
                    number: number.clone(),
                    title,
                });
                self.current = Some(number);
            }
        }
    }

    fn start_row(&mut self, line: usize, printed: Option<u32>, text: &str, same_line: bool) {
        let text = self.cleaner.clean(text);
        self.attach_pending(label_of(&text), same_line);
        self.rows.push(Row {
            line,
            printed,
            text,
            section: self.current.clone(),
            ..Row::default()
        });
    }

    /// The answer cell of a new row. The PDF merged answer cells over several rows, and
    /// extraction put the rest of such a cell on the following rows: a fragment that starts
    /// mid-sentence continues the cell above, and so does a list entry (`・…`, `(n) …`) on a
    /// row without a mark of its own or after a cell whose last sentence announces a list
    /// (以下…, 下記…). The row is recorded as continuing that cell.
    fn add_answer(&mut self, answer: &str, has_mark: bool) {
        let answer = self.cleaner.clean(answer);
        if answer.is_empty() {
            return;
        }
        let source = self.previous_answer_source();
        let previous = source.map(|index| self.rows[index].answer.as_str());
        let first = answer.chars().next();
        let mid_sentence = first.is_some_and(|c| "をがにはでてたっんゃゅょぁぃぅぇぉ".contains(c))
            || (first.is_some_and(is_hiragana)
                && previous.is_some_and(|text| !text.ends_with('。')));
        let starts_entry = answer.starts_with('・') || starts_with_number_label(&answer);
        let continues_list = starts_entry && (!has_mark || previous.is_some_and(announces_list));
        let newest = self.rows.len() - 1;
        match source {
            Some(index) if mid_sentence || continues_list => {
                append_fragment(&mut self.rows[index].answer, &answer);
                self.rows[index].continued_on.push(newest);
                self.rows[newest].continues = Some(index);
            }
            _ => {
                self.rows[newest].answer = answer;
                self.last_answered = Some(newest);
            }
        }
    }

    /// The row holding the answer cell of the row before the newest one.
    fn previous_answer_source(&self) -> Option<usize> {
        let previous = self.rows.len().checked_sub(2)?;
        let source = self.rows[previous].continues.unwrap_or(previous);
        (!self.rows[source].answer.is_empty()).then_some(source)
    }

    /// A requirement cell that a page break cut continues on the next page. Where the piece
    /// after the break starts in the middle of a word (`…つけること）` + `る方式には…`), text
    /// was lost at the break; the item says so rather than guessing it.
    fn continue_text(&mut self, fragment: &str) {
        let fragment = self.cleaner.clean(fragment);
        let Some(row) = self.rows.last_mut() else {
            return;
        };
        let closed = row.text.ends_with(['。', '）', ')']);
        if closed && fragment.starts_with(is_hiragana) {
            let seam = format!(
                "{}{}",
                row.text.chars().next_back().unwrap_or_default(),
                fragment.chars().take(5).collect::<String>()
            );
            row.notes.push(Annotation {
                field: "text".to_owned(),
                excerpt: seam,
                intended: "（不明 / unknown）".to_owned(),
                note: "ページ境界で本文の一部が欠けたとみられる: 改ページ後の部分が語の途中から始まる。欠けた語句は原資料から復元できない / Text appears lost at the page break: the part after it starts mid-word; what is missing cannot be recovered from the source".to_owned(),
            });
        }
        append_fragment(&mut row.text, &fragment);
    }

    /// The answer cell that a page break cut belongs to the last row that has an answer.
    fn continue_answer(&mut self, fragment: &str) {
        if let Some(index) = self.last_answered {
            let fragment = self.cleaner.clean(fragment);
            append_fragment(&mut self.rows[index].answer, &fragment);
        }
    }

    /// A heading cell split across columns (`2.5.1 医療情報処理` … `施設の建物に関する要求事項`).
    fn extend_heading(&mut self, fragment: &str) {
        let fragment = self.cleaner.clean(fragment);
        if let Some(heading) = self.pending.last_mut() {
            append_fragment(heading, &fragment);
        } else if let Some(section) = self.sections.last_mut() {
            append_fragment(&mut section.title, &without_spaces(&fragment));
        }
    }
}

/// Whether the last sentence of an answer cell announces a list (`以下を実施することで…`,
/// `下記の通りです。`), so that a list entry on the next row, even one with a mark of its own,
/// continues it.
fn announces_list(cell: &str) -> bool {
    let body = cell.trim_end_matches('。');
    let last_sentence = body.rsplit('。').next().unwrap_or(body);
    last_sentence.contains("以下") || last_sentence.contains("下記")
}

fn parse_number(field: &str) -> Option<u32> {
    if field.is_empty() || field.len() > 3 || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field
        .parse()
        .ok()
        .filter(|number| (1..=ITEM_COUNT).contains(number))
}

fn is_heading(field: &str) -> bool {
    let bytes = field.as_bytes();
    bytes.len() > 2 && bytes[0] == b'2' && bytes[1] == b'.' && bytes[2].is_ascii_digit()
}

fn is_mark(field: &str) -> bool {
    parse_mark(field).is_some()
}

fn parse_mark(field: &str) -> Option<Mark> {
    if field == "○" {
        Some(Mark::Covered)
    } else if field.starts_with('—') || field.starts_with('―') {
        Some(Mark::OutOfScope)
    } else {
        None
    }
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309F}').contains(&c)
}

/// `(3) …`, `（3）…` or `・…`.
fn label_of(text: &str) -> Label {
    if text.starts_with('・') {
        return Label::Bullet;
    }
    let inner = text
        .strip_prefix('(')
        .or_else(|| text.strip_prefix('（'))
        .and_then(|rest| rest.split_once([')', '）']));
    match inner.map(|(digits, _)| normalize_digits(digits).parse::<u32>()) {
        Some(Ok(number)) => Label::Numbered(number),
        _ => Label::None,
    }
}

/// The `(n)` a requirement starts with, as the source writes it (`(2)` or `（2）`), so that the
/// label and the text agree.
fn label_as_written(text: &str) -> Option<String> {
    if !matches!(label_of(text), Label::Numbered(_)) {
        return None;
    }
    let end = text.find([')', '）'])?;
    let close = text[end..].chars().next()?;
    Some(text[..end + close.len_utf8()].to_owned())
}

fn normalize_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `2.5.2 . 医療情報処理施設への…` → (`2.5.2`, `医療情報処理施設への…`). The heading column is
/// so narrow that every space in a title is a wrap (`作 業 者 I D の 管 理`); the titles hold no
/// Latin words whose spaces would be real.
fn split_heading(heading: &str) -> (String, String) {
    let end = heading
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ' '))
        .map_or(heading.len(), |(index, _)| index);
    let number: String = heading[..end]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (
        number.trim_end_matches('.').to_owned(),
        without_spaces(&heading[end..]),
    )
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Within a run of rows numbered `(1)`, `(2)`, … `(m)`, item numbers run on by one. The
/// number most rows of the run agree on wins; a printed number that disagrees slipped rows.
fn fix_numbers_by_sub_numbering(rows: &mut [Row]) {
    for row in rows.iter_mut() {
        row.number = row.printed;
    }
    let mut start = 0;
    while start < rows.len() {
        if label_of(&rows[start].text) != Label::Numbered(1) {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < rows.len()
            && label_of(&rows[end].text) == Label::Numbered((end - start + 1) as u32)
        {
            end += 1;
        }
        let run = &mut rows[start..end];
        if let Some(base) = majority_base(run) {
            for (offset, row) in run.iter_mut().enumerate() {
                let number = base + offset as u32;
                if row.printed != Some(number) {
                    row.notes.push(inferred_number_note(row.printed, number));
                }
                row.number = Some(number);
            }
        }
        start = end;
    }
}

fn majority_base(run: &[Row]) -> Option<u32> {
    let mut votes: Vec<(u32, usize)> = Vec::new();
    for (offset, row) in run.iter().enumerate() {
        let Some(base) = row.printed.and_then(|p| p.checked_sub(offset as u32)) else {
            continue;
        };
        match votes.iter_mut().find(|(candidate, _)| *candidate == base) {
            Some((_, count)) => *count += 1,
            None => votes.push((base, 1)),
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(_, count)| count)
        .map(|(base, _)| base)
}

/// A number still missing goes to the one unnumbered row between its neighbours.
fn fill_lost_numbers(rows: &mut [Row]) {
    // Looked up, not searched for per number: the first row of each number 0–183 (the
    // neighbours of 1–182), and the rows without one, in order.
    let mut first_row_of: Vec<Option<usize>> = vec![None; ITEM_COUNT as usize + 2];
    for (index, row) in rows.iter().enumerate().rev() {
        if let Some(slot) = row.number.and_then(|n| first_row_of.get_mut(n as usize)) {
            *slot = Some(index);
        }
    }
    let mut unnumbered: BTreeSet<usize> = (0..rows.len())
        .filter(|&index| rows[index].number.is_none())
        .collect();
    for missing in 1..=ITEM_COUNT as usize {
        if first_row_of[missing].is_some() {
            continue;
        }
        let after = first_row_of[missing - 1].map_or(0, |index| index + 1);
        let before = first_row_of[missing + 1].unwrap_or(rows.len());
        if after >= before {
            continue;
        }
        let mut candidates = unnumbered.range(after..before);
        if let (Some(&only), None) = (candidates.next(), candidates.next()) {
            let number = missing as u32;
            rows[only].number = Some(number);
            rows[only].notes.push(inferred_number_note(None, number));
            unnumbered.remove(&only);
            first_row_of[missing] = Some(only);
        }
    }
}

fn inferred_number_note(printed: Option<u32>, number: u32) -> Annotation {
    let excerpt = printed.map_or_else(String::new, |printed| printed.to_string());
    let note = match printed {
        None => format!(
            "No {number} は原資料の抽出で欠落。前後の番号と (n) の連番から推定 / No {number} was lost in extraction; inferred from the sequence"
        ),
        Some(printed) => format!(
            "原資料では No {printed} がこの行にずれて印字。(n) の連番から No {number} と推定 / No {printed} was printed on this row; the (n) sequence makes it No {number}"
        ),
    };
    Annotation {
        field: "id".to_owned(),
        excerpt,
        intended: number.to_string(),
        note,
    }
}

/// A lead-in paragraph that received an inferred number. Every section's lead-in is a group
/// description, except that of 2.6.15: No 160 is on no line, and the only row between 159 and
/// 161 is that section's lead-in, so the vendor's table counted it as a requirement. It stays
/// item 160 (the vendor's 182 need it), and its note says what it is, so that nobody reads it
/// as the section's clause (1): that is No 161.
fn annotate_numbered_lead_ins(rows: &mut [Row]) {
    for index in 0..rows.len() {
        let row = &rows[index];
        let opens_section = index == 0 || rows[index - 1].section != row.section;
        let next_is_first_clause = rows.get(index + 1).is_some_and(|next| {
            next.section == row.section && label_of(&next.text) == Label::Numbered(1)
        });
        let inferred = row.printed.is_none() && row.number.is_some();
        if !(opens_section
            && next_is_first_clause
            && inferred
            && label_of(&row.text) == Label::None)
        {
            continue;
        }
        let (Some(number), Some(section), Some(first)) =
            (row.number, row.section.clone(), rows[index + 1].number)
        else {
            continue;
        };
        if let Some(note) = rows[index].notes.iter_mut().find(|note| note.field == "id") {
            note.note = format!(
                "No {number} は原資料の抽出で欠落。{before} と {first} の間で番号のない行は節 {section} の導入文だけなので、事業者の表はこれを No {number} と数えたと推定 (他の節の導入文には番号がない)。この節の (1) は No {first} / No {number} was lost in extraction; the only unnumbered row between {before} and {first} is the lead-in of section {section}, so the vendor's table counted it (other sections' lead-ins carry no number). The section's clause (1) is No {first}",
                before = number - 1,
            );
        }
    }
}

fn check_sequence(rows: &[Row]) -> Result<(), ImportError> {
    let numbered: Vec<&Row> = rows.iter().filter(|row| row.number.is_some()).collect();
    // The lines of each number 1–182, gathered in one pass rather than one per number.
    let mut lines_of: Vec<Vec<usize>> = vec![Vec::new(); ITEM_COUNT as usize + 1];
    for row in &numbered {
        if let Some(lines) = row.number.and_then(|n| lines_of.get_mut(n as usize)) {
            lines.push(row.line);
        }
    }
    for expected in 1..=ITEM_COUNT {
        match lines_of[expected as usize].as_slice() {
            [] => return Err(ImportError::Missing { number: expected }),
            [_] => {}
            [_, second, ..] => {
                return Err(ImportError::Duplicate {
                    line: *second,
                    number: expected,
                })
            }
        }
    }
    if let Some(pair) = numbered
        .windows(2)
        .find(|pair| pair[0].number >= pair[1].number)
    {
        return Err(ImportError::Malformed {
            line: pair[1].line,
            detail: format!("No {:?} follows No {:?}", pair[1].number, pair[0].number),
        });
    }
    Ok(())
}

/// Sections become groups; an unnumbered row right after its heading is the heading's lead
/// text, any other unnumbered row (`(1) … を利用する場合`) a sub-group of its section.
fn build_catalog(table: &Table) -> Catalog {
    let mut groups: Vec<Group> = table
        .sections
        .iter()
        .map(|section| Group {
            id: section.number.clone(),
            title: section.title.clone(),
            parent: parent_section(&section.number),
            description: None,
            extra: Map::new(),
        })
        .collect();
    // The first group with each id, so that a lead text finds its section without a search.
    let mut group_index: HashMap<String, usize> = HashMap::new();
    for (index, group) in groups.iter().enumerate() {
        group_index.entry(group.id.clone()).or_insert(index);
    }
    let mut items = Vec::new();
    let mut sub_group: Option<(String, String)> = None; // (section, sub-group id)
    let mut previous_section: Option<&str> = None;
    for row in &table.rows {
        let section = row.section.clone().unwrap_or_default();
        let new_section = previous_section != Some(section.as_str());
        previous_section = row.section.as_deref();
        if new_section {
            sub_group = None;
        }
        let Some(number) = row.number else {
            let is_lead = new_section && label_of(&row.text) == Label::None;
            if is_lead {
                if let Some(&index) = group_index.get(&section) {
                    groups[index].description = Some(row.text.clone());
                }
            } else {
                let id = match label_of(&row.text) {
                    Label::Numbered(n) => format!("{section}/({n})"),
                    _ => format!("{section}/{}", groups.len()),
                };
                group_index.entry(id.clone()).or_insert(groups.len());
                groups.push(Group {
                    id: id.clone(),
                    title: row.text.clone(),
                    parent: Some(section.clone()),
                    description: None,
                    extra: Map::new(),
                });
                sub_group = Some((section.clone(), id));
            }
            continue;
        };
        let group = match &sub_group {
            Some((in_section, id)) if *in_section == section => id.clone(),
            _ => section.clone(),
        };
        items.push(Item {
            id: number.to_string(),
            group,
            label: label_as_written(&row.text),
            text: row.text.clone(),
            evidence_examples: None,
            references: Vec::new(),
            importance: None,
            annotations: row.notes.clone(),
            extra: Map::new(),
        });
    }
    Catalog {
        format: CATALOG_FORMAT.to_owned(),
        schema_version: CATALOG_SCHEMA_VERSION,
        id: METI2012_CATALOG_ID.to_owned(),
        title: "医療情報を受託管理する情報処理事業者における安全管理ガイドライン".to_owned(),
        version: "平成24年10月".to_owned(),
        issuer: "経済産業省".to_owned(),
        date: "2012-10".to_owned(),
        about: Some(Bilingual::new(
            "経済産業省ガイドライン (平成24年10月) の 182 の要求事項。事業者が自社の対応状況をまとめ、医療機関に示すときに使います。",
            "The 182 requirements of the METI guideline (October 2012), for a vendor stating how it meets each one.",
        )),
        superseded: Some(Bilingual::new(
            "経済産業省・総務省のガイドラインは「医療情報を取り扱う情報システム・サービスの提供事業者における安全管理ガイドライン」に統合され、2025年に第2.0版が出ています。新しい評価には、その版をカタログとして読み込んで使ってください。",
            "The METI and MIC guidelines have been merged into the Safety Management Guideline for Providers of Information Systems and Services Handling Medical Information, whose version 2.0 appeared in 2025. For a new assessment, load that edition as a catalog.",
        )),
        implements: Some(METI_2012.to_owned()),
        guidelines: declared(&[METI_2012]),
        answer_scale: None,
        answer_fields: Vec::new(),
        source: "004_82653e598a87a77b.txt".to_owned(),
        groups,
        items,
        extra: Map::new(),
    }
}

/// `2.5.2` → `2.5`; the chapters `2.1` … `2.10` are roots.
fn parent_section(number: &str) -> Option<String> {
    let parts: Vec<&str> = number.split('.').collect();
    (parts.len() > 2).then(|| parts[..parts.len() - 1].join("."))
}

/// 『きりんカルテ』, the vendor (… 株式会社) and the last revision date from the title page.
fn vendor_subject(title_lines: &[(usize, &str)]) -> Subject {
    let texts: Vec<&str> = title_lines
        .iter()
        .map(|(_, line)| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    let product = texts
        .iter()
        .find_map(|line| {
            let start = line.find('『')?;
            let end = start + line[start..].find('』')?;
            Some(line[start..end + '』'.len_utf8()].to_owned())
        })
        .unwrap_or_default();
    let applicant = texts
        .iter()
        .find(|line| line.ends_with("株式会社"))
        .map(|line| (*line).to_owned())
        .unwrap_or_default();
    let date = texts
        .iter()
        .rev()
        .find_map(|line| japanese_date(line))
        .unwrap_or_default();
    Subject {
        product,
        applicant,
        date,
        ..Subject::default()
    }
}

/// The reference's own title as its title page gives it: the lines before the first date,
/// then the last date (the revision) and the publisher, e.g. 『きりんカルテ』ガイドライン対応
/// リファレンス 経済産業省版 (2019年8月26日改正) きりんカルテシステム株式会社.
fn document_title(title_lines: &[(usize, &str)]) -> String {
    let texts: Vec<&str> = title_lines
        .iter()
        .map(|(_, line)| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    let is_date = |line: &&str| japanese_date(line).is_some();
    let mut title: Vec<String> = texts
        .iter()
        .take_while(|line| !is_date(line))
        .map(|line| (*line).to_owned())
        .collect();
    if let Some(revision) = texts.iter().rev().find(|line| is_date(line)) {
        title.push(format!("({revision})"));
    }
    if let Some(publisher) = texts.iter().rev().find(|line| !is_date(line)) {
        if !title.iter().any(|part| part == publisher) {
            title.push((*publisher).to_owned());
        }
    }
    title.join(" ")
}

/// `2019年8月26日改正` → `2019-08-26`.
fn japanese_date(line: &str) -> Option<String> {
    let (year, rest) = line.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let year: u32 = year.trim().parse().ok()?;
    let month: u32 = month.trim().parse().ok()?;
    let day: u32 = day.trim().parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label_of("(3) 預託"), Label::Numbered(3));
        assert_eq!(label_of("（2）悪意"), Label::Numbered(2));
        assert_eq!(label_of("・医療"), Label::Bullet);
        assert_eq!(label_of("医療情報"), Label::None);
    }

    #[test]
    fn headings_split_into_number_and_title() {
        assert_eq!(
            split_heading("2.5.2 . 医療情報処理施設"),
            ("2.5.2".to_owned(), "医療情報処理施設".to_owned())
        );
        assert_eq!(
            split_heading("2.10. 医療情報処理に関する事業継続計画"),
            (
                "2.10".to_owned(),
                "医療情報処理に関する事業継続計画".to_owned()
            )
        );
        assert_eq!(parent_section("2.10.1").as_deref(), Some("2.10"));
        assert_eq!(parent_section("2.10"), None);
    }

    /// A title line with `』` before `『` sliced from the `『` back to the `』` and panicked.
    #[test]
    fn title_with_closing_bracket_before_opening_bracket() {
        let subject = vendor_subject(&[(1, "』あ『"), (2, "』『きりんカルテ』")]);
        assert_eq!(subject.product, "『きりんカルテ』");
        let text = format!("』あ『\n{PAGE_HEADER}\n");
        assert_eq!(
            import_meti2012(&text).unwrap_err(),
            ImportError::Missing { number: 1 }
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            japanese_date("2019年8月26日改正").as_deref(),
            Some("2019-08-26")
        );
    }
}
