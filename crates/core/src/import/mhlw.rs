//! Importer for seed 002: an overview of the MHLW guideline (安全管理ガイドライン). It yields a
//! small skeleton catalog: the chapter 6 sections 6.1–6.12, the three principles of electronic
//! storage (7.1–7.3), the C items (ア)–(キ) for choosing an external-storage provider, and the
//! 13 management activities of the MITSF guidance.

use std::collections::HashMap;

use serde_json::Map;

use super::{declared, numbered_lines, ImportError};
use crate::catalog::{
    Annotation, Catalog, Group, Importance, Item, CATALOG_FORMAT, CATALOG_SCHEMA_VERSION,
};
use crate::i18n::Bilingual;
use crate::known_guidelines::MHLW;

/// The id of the MHLW skeleton catalog.
pub const MHLW_CATALOG_ID: &str = "mhlw-skeleton";
const MITSF_ACTIVITY_COUNT: usize = 13;
const EXTERNAL_STORAGE_LABELS: [&str; 7] = ["(ア)", "(イ)", "(ウ)", "(エ)", "(オ)", "(カ)", "(キ)"];

/// Builds the MHLW skeleton catalog from the overview's text.
pub fn import_mhlw(text: &str) -> Result<Catalog, ImportError> {
    let lines: Vec<(usize, &str)> = numbered_lines(text).collect();
    let mut catalog = empty_catalog();
    add_sections(
        &mut catalog,
        &lines,
        '６',
        "6",
        "情報システムの基本的な安全管理",
        12,
    )?;
    add_sections(
        &mut catalog,
        &lines,
        '７',
        "7",
        "電子保存の要求事項について",
        3,
    )?;
    add_external_storage(&mut catalog, &lines)?;
    add_mitsf_activities(&mut catalog, &lines)?;
    annotate_quoted_titles(&mut catalog);
    Ok(catalog)
}

fn empty_catalog() -> Catalog {
    Catalog {
        format: CATALOG_FORMAT.to_owned(),
        schema_version: CATALOG_SCHEMA_VERSION,
        id: MHLW_CATALOG_ID.to_owned(),
        title: "医療情報システムの安全管理に関するガイドライン（構成）".to_owned(),
        version: "第4.2版 (2013年10月) の構成。デジタル・フォレンジック研究会「医療」分科会の解説資料による".to_owned(),
        issuer: "厚生労働省".to_owned(),
        date: "2013-10".to_owned(),
        about: Some(Bilingual::new(
            "厚生労働省ガイドライン 第4.2版の章立て (6.1–6.12、7.1–7.3、外部保存 (ア)–(キ)) と MITSF の 13 の管理活動。ガイドラインの本文ではなく、全体を見渡すための骨組みです。",
            "The chapter structure of the MHLW guideline 4.2 (6.1–6.12, 7.1–7.3, external storage (a)–(g)) and the 13 MITSF management activities: a skeleton for an overview, not the guideline's text.",
        )),
        superseded: Some(Bilingual::new(
            "厚生労働省ガイドラインは第6.0版 (2023年) 以降に改定されています (第7.0版を含む)。新しい版で評価するときは、その版をカタログとして読み込んでください。",
            "The MHLW guideline has been revised since (6.0 in 2023, and 7.0). To assess against a newer edition, load it as a catalog.",
        )),
        implements: Some(MHLW.to_owned()),
        guidelines: declared(&[MHLW]),
        answer_scale: None,
        answer_fields: Vec::new(),
        source: "002_6840460b5352da36.txt".to_owned(),
        groups: Vec::new(),
        items: Vec::new(),
        extra: Map::new(),
    }
}

/// `６．１ 方針の制定と公表` … from the first table of contents in the text.
fn add_sections(
    catalog: &mut Catalog,
    lines: &[(usize, &str)],
    chapter_digit: char,
    chapter: &str,
    chapter_title: &str,
    count: usize,
) -> Result<(), ImportError> {
    add_group(
        catalog,
        chapter,
        &format!("{chapter}. {chapter_title}"),
        None,
    );
    for number in 1..=count {
        let prefix = format!("{chapter_digit}．{}", full_width_section(number));
        let (_, line) = lines
            .iter()
            .find(|(_, line)| {
                line.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
            .ok_or_else(|| ImportError::Malformed {
                line: 0,
                detail: format!("section {chapter}.{number} not found"),
            })?;
        push_item(
            catalog,
            &format!("{chapter}.{number}"),
            chapter,
            line[prefix.len()..].trim().to_owned(),
            None,
        );
    }
    Ok(())
}

/// The overview writes 1–9 in full-width digits and 10–12 in ASCII.
fn full_width_section(number: usize) -> String {
    if number < 10 {
        char::from_u32('０' as u32 + number as u32)
            .map(String::from)
            .unwrap_or_default()
    } else {
        number.to_string()
    }
}

/// (ア)–(キ) under 8.1.2: each runs until the next label; wrapped lines are joined.
fn add_external_storage(catalog: &mut Catalog, lines: &[(usize, &str)]) -> Result<(), ImportError> {
    let group = "8.1.2";
    add_group(
        catalog,
        group,
        "8.1.2 外部保存を受託する機関の選定基準及び情報の取り扱いに関する基準 (C項)",
        None,
    );
    let start = lines
        .iter()
        .position(|(_, line)| line.starts_with(EXTERNAL_STORAGE_LABELS[0]))
        .ok_or_else(|| ImportError::Malformed {
            line: 0,
            detail: "external storage item (ア) not found".to_owned(),
        })?;
    let mut index = start;
    for (n, label) in EXTERNAL_STORAGE_LABELS.iter().enumerate() {
        let Some(&(_, first)) = lines.get(index).filter(|(_, line)| line.starts_with(label)) else {
            return Err(ImportError::Malformed {
                line: lines.get(index).map_or(lines.len(), |(number, _)| *number),
                detail: format!("expected {label}"),
            });
        };
        let mut body: Vec<&str> = vec![first[label.len()..].trim()];
        index += 1;
        while let Some((_, line)) = lines.get(index) {
            let next_label = EXTERNAL_STORAGE_LABELS.get(n + 1);
            if next_label.is_some_and(|next| line.starts_with(next)) || line.starts_with(' ') {
                break;
            }
            if !line.trim().is_empty() {
                body.push(line.trim());
            }
            index += 1;
        }
        push_item(
            catalog,
            &format!("8.1.2{label}"),
            group,
            join_wrapped(&body),
            Some(Importance::Minimum),
        );
    }
    Ok(())
}

/// Joins lines a PDF wrapped: a long line that does not end a sentence runs on into the
/// next; a short one (a list entry) or a finished sentence ends its line.
fn join_wrapped(lines: &[&str]) -> String {
    const WRAP_WIDTH: usize = 40;
    let mut text = String::new();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            let previous = lines[index - 1];
            let wrapped = previous.chars().count() >= WRAP_WIDTH && !previous.ends_with('。');
            if !wrapped {
                text.push('\n');
            }
        }
        text.push_str(line);
    }
    text
}

/// The 13 activities listed under the heading 管理活動 that precedes リスク評価.
fn add_mitsf_activities(catalog: &mut Catalog, lines: &[(usize, &str)]) -> Result<(), ImportError> {
    let group = "mitsf";
    add_group(
        catalog,
        group,
        "MITSF ガイダンス: 医療機関側の管理活動",
        None,
    );
    let names: Vec<&str> = lines
        .iter()
        .map(|(_, line)| line.trim())
        .filter(|line| !line.is_empty())
        .skip_while(|line| *line != "リスク評価")
        .take(MITSF_ACTIVITY_COUNT)
        .collect();
    if names.len() != MITSF_ACTIVITY_COUNT || names.last() != Some(&"電子証明書管理") {
        return Err(ImportError::Malformed {
            line: 0,
            detail: format!("expected {MITSF_ACTIVITY_COUNT} MITSF activities, found {names:?}"),
        });
    }
    let headings = activity_headings(lines);
    for (index, name) in names.iter().enumerate() {
        let id = format!("mitsf.{}", index + 1);
        push_item(catalog, &id, group, (*name).to_owned(), None);
        if let Some((heading, written)) = headings
            .get(&(index + 1))
            .filter(|(heading, _)| heading != name)
        {
            annotate(
                catalog,
                &id,
                Annotation {
                    field: "text".to_owned(),
                    excerpt: (*name).to_owned(),
                    intended: format!("{heading} (本文の見出し / the heading in the text)"),
                    note: format!(
                        "活動の一覧では「{name}」、本文の見出し {written} では「{heading}」。資料の中で食い違っており、どちらが意図されたかはこの資料からは決められない / The list of activities says 「{name}」, the heading in the text 「{heading}」; the overview disagrees with itself and does not say which is meant"
                    ),
                },
            );
        }
    }
    Ok(())
}

/// The headings `＜１３．電子署名管理＞` that introduce each activity in the text, by number:
/// the title, and the heading as written.
fn activity_headings(lines: &[(usize, &str)]) -> HashMap<usize, (String, String)> {
    lines
        .iter()
        .filter_map(|(_, line)| {
            let written = line.trim();
            let inner = written.strip_prefix('＜')?.strip_suffix('＞')?.trim();
            let (number, title) = inner.split_once('．')?;
            let number: String = number.chars().map(half_width_digit).collect();
            Some((
                number.parse().ok()?,
                (title.trim().to_owned(), written.to_owned()),
            ))
        })
        .collect()
}

fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

/// Where an item quotes a section by number and title (`「6.11 外部と…安全管理」`) and the
/// section's own title reads otherwise, the section says so: the overview disagrees with
/// itself, and both readings stay on record.
fn annotate_quoted_titles(catalog: &mut Catalog) {
    let mut found: Vec<(String, String, String)> = Vec::new(); // (section, quoted, quoting item)
    for item in &catalog.items {
        for quote in item.text.split('「').skip(1) {
            let Some((quoted, _)) = quote.split_once('」') else {
                continue;
            };
            let Some((number, title)) = quoted.split_once(' ') else {
                continue;
            };
            let is_section =
                number.contains('.') && number.chars().all(|c| c.is_ascii_digit() || c == '.');
            if is_section {
                found.push((number.to_owned(), title.to_owned(), item.id.clone()));
            }
        }
    }
    for (section, quoted, by) in found {
        let Some(own) = catalog.item(&section).map(|item| item.text.clone()) else {
            continue;
        };
        if own == quoted {
            continue;
        }
        let (excerpt, intended) = differing_words(&own, &quoted);
        annotate(
            catalog,
            &section,
            Annotation {
                field: "text".to_owned(),
                excerpt,
                intended,
                note: format!(
                    "{by} はこの節を「{section} {quoted}」と引用しており、資料の中で節題が食い違う。どちらがガイドライン本文の表記かはこの資料からは確かめられない / Item {by} quotes this section as 「{section} {quoted}」: the overview disagrees with itself, and which one the guideline writes cannot be checked from it"
                ),
            },
        );
    }
}

/// The part where two titles differ, widened over the kanji and katakana around it so that it
/// reads as a word (`診療情報` / `医療情報`, not `診` / `医`).
fn differing_words(own: &str, other: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (own.chars().collect(), other.chars().collect());
    let same_start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let same_end = a[same_start..]
        .iter()
        .rev()
        .zip(b[same_start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let is_word = |c: &char| matches!(*c, '\u{4E00}'..='\u{9FFF}' | '\u{30A0}'..='\u{30FF}');
    let before = a[..same_start]
        .iter()
        .rev()
        .take_while(|c| is_word(c))
        .count();
    let after = a[a.len() - same_end..]
        .iter()
        .take_while(|c| is_word(c))
        .count();
    let cut = |chars: &[char]| -> String {
        chars[same_start - before..chars.len() - same_end + after]
            .iter()
            .collect()
    };
    (cut(&a), cut(&b))
}

fn annotate(catalog: &mut Catalog, item: &str, annotation: Annotation) {
    if let Some(item) = catalog
        .items
        .iter_mut()
        .find(|candidate| candidate.id == item)
    {
        item.annotations.push(annotation);
    }
}

fn add_group(catalog: &mut Catalog, id: &str, title: &str, parent: Option<&str>) {
    catalog.groups.push(Group {
        id: id.to_owned(),
        title: title.to_owned(),
        parent: parent.map(str::to_owned),
        description: None,
        extra: Map::new(),
    });
}

/// An item of the skeleton. Its id is the source's number (`6.1`, `8.1.2(ア)`), so it has no
/// label: the overview's `６．１` or `(ア)` would only repeat the id beside the text.
fn push_item(
    catalog: &mut Catalog,
    id: &str,
    group: &str,
    text: String,
    importance: Option<Importance>,
) {
    catalog.items.push(Item {
        id: id.to_owned(),
        group: group.to_owned(),
        label: None,
        text,
        evidence_examples: None,
        references: Vec::new(),
        importance,
        annotations: Vec::new(),
        extra: Map::new(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the import_mhlw fuzz target: a text that ends right after (ア) indexed past
    /// the last line instead of reporting the missing (イ).
    #[test]
    fn text_ending_after_the_first_external_storage_item_is_an_error() {
        let text = "MITSF 最低限のガイドライン\n(ア) 外部保存を受託事業者と";
        let lines: Vec<(usize, &str)> = numbered_lines(text).collect();
        let mut catalog = empty_catalog();
        let error = add_external_storage(&mut catalog, &lines).unwrap_err();
        assert!(matches!(error, ImportError::Malformed { .. }), "{error:?}");
    }
}
