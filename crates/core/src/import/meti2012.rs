//! Importer for seed 004: a vendor's reference answering the 182 requirements of the METI
//! guideline (October 2012), extracted from a PDF table.
//!
//! The table's columns are 項目番号, No, 要求事項, the vendor's answer and a ○ where the
//! IaaS (Microsoft Azure) covers the physical layer, but extraction shifted them from line to
//! line, so each line is read by content: a number 1–182 is the No, a `2.x` text a heading,
//! `○`/`—` a mark. Page headers repeat; the cell a page break cut continues on the next line.
//! Three numbers (8, 9, 160) were lost and one (10) slipped a row; they are inferred from the
//! `(n)` sub-numbering of their section and the gaps in the sequence, and each inferred number
//! is annotated on its item.

use std::collections::{BTreeSet, HashMap};

use serde_json::Map;

use super::pdf_text::{append_fragment, clean_cell};
use super::{declared, numbered_lines, ImportError};
use crate::assessment::{Answer, Assessment, Subject};
use crate::catalog::{Annotation, Catalog, Group, Item, CATALOG_FORMAT, CATALOG_SCHEMA_VERSION};
use crate::i18n::Bilingual;
use crate::known_guidelines::METI_2012;
use crate::scale::default_choice;

/// The id of the METI 2012 catalog.
pub const METI2012_CATALOG_ID: &str = "meti-2012";
const ITEM_COUNT: u32 = 182;
const PAGE_HEADER: &str = "医療情報を受託管理する情報処理事業者における";
const COLUMN_HEADER: &str = "項目番号\tNo";

/// The mark column: does the IaaS cover the item's physical layer?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
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
struct Row {
    line: usize,
    printed: Option<u32>,
    number: Option<u32>,
    text: String,
    answer: String,
    mark: Option<Mark>,
    /// The innermost section in force for this row.
    section: Option<String>,
    /// The row whose (merged) answer cell this row shares.
    shares_answer_of: Option<usize>,
    notes: Vec<Annotation>,
}

#[derive(Debug)]
struct Section {
    number: String,
    title: String,
}

/// What the line parser builds up.
#[derive(Default)]
struct Table {
    rows: Vec<Row>,
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
    let subject = vendor_subject(&lines[..first_header]);
    let mut table = Table::default();
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
    let catalog = build_catalog(&table);
    let assessment = build_assessment(&table, &catalog, subject);
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
                self.pending.push(clean_cell(field));
                headings_here = true;
            } else if (column == 0 && !is_mark(field)) || no_column.is_some_and(|no| column < no) {
                // The 項目番号 column, or anything left of the No: part of a heading cell.
                self.extend_heading(field);
            } else {
                rest.push((column, field));
            }
        }
        let marks: Vec<Mark> = rest
            .iter()
            .filter_map(|(_, field)| parse_mark(field))
            .collect();
        let texts: Vec<(usize, &str)> = rest
            .into_iter()
            .filter(|(_, field)| parse_mark(field).is_none())
            .collect();
        let printed = no_column.and_then(|column| parse_number(fields[column]));
        let starts_row = printed.is_some()
            || texts.first().is_some_and(|(column, text)| {
                *column <= 3 && (!after_page_break || label_of(&clean_cell(text)) != Label::None)
            });
        if starts_row {
            let (text, answer) = match texts.as_slice() {
                [] => ("", ""),
                [(_, text)] => (*text, ""),
                [(_, text), (_, answer), ..] => (*text, *answer),
            };
            self.start_row(line_number, printed, text, headings_here);
            self.add_answer(answer, !marks.is_empty());
        } else {
            for (column, text) in texts {
                if column <= 2 {
                    self.continue_text(text);
                } else {
                    self.continue_answer(text);
                }
            }
        }
        if let Some(mark) = marks.first() {
            if starts_row {
                if let Some(row) = self.rows.last_mut() {
                    row.mark = Some(*mark);
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
        let text = clean_cell(text);
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
    /// mid-sentence, or a list (`・…`, `(n) …`) on a row without its own mark, continues the
    /// cell above, and the row is recorded as sharing that cell.
    fn add_answer(&mut self, answer: &str, has_mark: bool) {
        let answer = clean_cell(answer);
        if answer.is_empty() {
            return;
        }
        let source = self.previous_answer_source();
        let previous = source.map(|index| self.rows[index].answer.as_str());
        let first = answer.chars().next();
        let mid_sentence = first.is_some_and(|c| "をがにはでてたっんゃゅょぁぃぅぇぉ".contains(c))
            || (first.is_some_and(is_hiragana)
                && previous.is_some_and(|text| !text.ends_with('。')));
        let continues_list = !has_mark
            && (answer.starts_with('・') || matches!(label_of(&answer), Label::Numbered(_)));
        match source {
            Some(index) if mid_sentence || continues_list => {
                append_fragment(&mut self.rows[index].answer, &answer);
                if let Some(row) = self.rows.last_mut() {
                    row.shares_answer_of = Some(index);
                }
            }
            _ => {
                if let Some(row) = self.rows.last_mut() {
                    row.answer = answer;
                    self.last_answered = Some(self.rows.len() - 1);
                }
            }
        }
    }

    /// The row holding the answer cell of the row before the newest one.
    fn previous_answer_source(&self) -> Option<usize> {
        let previous = self.rows.len().checked_sub(2)?;
        let source = self.rows[previous].shares_answer_of.unwrap_or(previous);
        (!self.rows[source].answer.is_empty()).then_some(source)
    }

    fn continue_text(&mut self, fragment: &str) {
        if let Some(row) = self.rows.last_mut() {
            append_fragment(&mut row.text, &clean_cell(fragment));
        }
    }

    /// The answer cell that a page break cut belongs to the last row that has an answer.
    fn continue_answer(&mut self, fragment: &str) {
        if let Some(index) = self.last_answered {
            append_fragment(&mut self.rows[index].answer, &clean_cell(fragment));
        }
    }

    /// A heading cell split across columns (`2.5.1 医療情報処理` … `施設の建物に関する要求事項`).
    fn extend_heading(&mut self, fragment: &str) {
        let fragment = clean_cell(fragment);
        if let Some(heading) = self.pending.last_mut() {
            append_fragment(heading, &fragment);
        } else if let Some(section) = self.sections.last_mut() {
            append_fragment(&mut section.title, &fragment);
        }
    }
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

fn normalize_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `2.5.2 . 医療情報処理施設への…` → (`2.5.2`, `医療情報処理施設への…`).
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
        heading[end..].trim().to_owned(),
    )
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
            label: match label_of(&row.text) {
                Label::Numbered(n) => Some(format!("({n})")),
                _ => None,
            },
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

/// The vendor's answers: an answered item is 適合 as the vendor states it, an item marked
/// `—` is outside the service (対象外), and a ○ puts the item in the IaaS's hands. A merged
/// answer cell counts for every row it spans, and a sub-group's answer covers the items in it
/// that have none of their own.
fn build_assessment(table: &Table, catalog: &Catalog, subject: Subject) -> Assessment {
    let now = "2019-08-26T00:00:00+09:00";
    let mut assessment = Assessment::new("kirin-karte-meti-2012", catalog, now);
    assessment.subject = subject;
    let mut block: Option<&Row> = None;
    for row in &table.rows {
        let Some(number) = row.number else {
            block = Some(row).filter(|row| !row.answer.is_empty());
            continue;
        };
        let source = match (
            row.shares_answer_of,
            row.answer.is_empty() && row.mark.is_none(),
        ) {
            (Some(index), _) => &table.rows[index],
            (None, false) => row,
            (None, true) => match block {
                Some(block) if block.section == row.section => block,
                _ => continue,
            },
        };
        let status = match (source.mark, source.answer.is_empty()) {
            (Some(Mark::OutOfScope), _) => Some(default_choice::NOT_APPLICABLE.to_owned()),
            (_, false) => Some(default_choice::COMPLIANT.to_owned()),
            (_, true) => None,
        };
        let parties = match source.mark {
            Some(Mark::Covered) => vec!["iaas".to_owned()],
            _ if !source.answer.is_empty() => vec!["vendor".to_owned()],
            _ => Vec::new(),
        };
        assessment.answers.insert(
            number.to_string(),
            Answer {
                status,
                parties,
                statement: source.answer.clone(),
                updated_at: Some(now.to_owned()),
                ..Answer::default()
            },
        );
    }
    assessment
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
