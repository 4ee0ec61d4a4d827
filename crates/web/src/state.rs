//! The assessment screen's state: plain data and one reducer that holds every change. Edits
//! are the engine's [`Edit`]s, applied by the engine with the time the action carries, so the
//! reducer is pure and tested natively.
//!
//! Two rules of the screen live here: the item being worked on stays in the list until the
//! user moves on, even when an edit makes it leave the filter (answering an item with
//! 「未回答のみ」 on), so a half-written statement never vanishes under the cursor; and the
//! table keeps the order it was sorted in while cells are edited (as a spreadsheet does), so a
//! row never jumps away while typing in it. Choosing a heading or changing the filter sorts
//! again.

use std::rc::Rc;

use tekigo_core::edit::{apply, Edit, EditError, Touched};
use tekigo_core::filter::{matching_items, ItemFilter, SearchIndex};
use tekigo_core::table::{sorted_positions, SortOrder};
use tekigo_core::{Assessment, Catalog};

/// Which part of the assessment screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Items,
    Table,
    Documents,
    Dashboard,
    Analysis,
}

impl Tab {
    /// The tabs in the order they are shown (and reached with the arrow keys).
    pub const ALL: [Tab; 5] = [
        Tab::Items,
        Tab::Table,
        Tab::Documents,
        Tab::Dashboard,
        Tab::Analysis,
    ];
}

/// Whether the latest change is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Another tab edits this assessment; this one only reads.
    ReadOnly,
    /// Another tab saved a newer version of it.
    Conflict,
    /// Another tab deleted it; what is on screen is the only copy.
    Deleted,
    /// The browser refused to store it; the reason in both languages.
    Failed {
        ja: String,
        en: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct EditorState {
    pub catalog: Rc<Catalog>,
    pub assessment: Rc<Assessment>,
    pub index: Rc<SearchIndex>,
    pub filter: ItemFilter,
    /// Positions in `catalog.items` that pass the filter (and the pinned item).
    pub visible: Rc<Vec<usize>>,
    pub selected: Option<usize>,
    /// The item kept in the list while it is worked on, though it left the filter.
    pub pinned: Option<usize>,
    pub expanded: bool,
    pub tab: Tab,
    /// The column the table is sorted by, once a heading was chosen.
    pub table_sort: Option<SortOrder>,
    /// Each item's place in the table's order, by catalog position: fixed when the table is
    /// sorted or the filter changes.
    table_rank: Rc<Vec<usize>>,
    /// The visible items in the table's order.
    pub table_rows: Rc<Vec<usize>>,
    /// Whether the table's cells are fields to edit or text to read.
    pub table_editable: bool,
    /// Whether this tab holds the assessment (another tab does not edit it): only then does
    /// it save.
    pub holds: bool,
    /// Counts edits; a change of it asks for a save.
    pub edits: u64,
    /// The last edit known to be stored.
    pub saved_edits: u64,
    pub save: SaveState,
    /// The last edit the engine refused, to say why.
    pub refused: Option<EditError>,
    /// The edit count when the assessment was last written to a file in this session.
    pub edits_at_file_save: u64,
    /// Counts the versions stored when the assessment was written to a file, so a list of
    /// versions on screen reads them again.
    pub versions_stored: u32,
}

/// How many changes since the last save to a file make the editor suggest one.
pub const CHANGES_WORTH_A_FILE: u64 = 30;

#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// A change to the assessment, made at the given time (RFC 3339).
    Edit(Edit, String),
    SetFilter(ItemFilter),
    /// Selects an item and opens its details, or toggles the details of the selected one.
    Open(usize),
    /// Selects an item without opening its details (moving through the table's rows).
    Select(usize),
    /// Selects the visible item this many places from the item at this position.
    Move(usize, isize),
    /// Selects the first (`false`) or last (`true`) visible item.
    Edge(bool),
    /// Selects the next visible unanswered item after this position, wrapping around.
    NextUnanswered(usize),
    ShowTab(Tab),
    /// Sorts the table by the column with this id, or turns its order around.
    SortTable(String),
    /// Makes the table's cells editable (`true`) or read-only.
    TableEditable(bool),
    /// Shows an item in the list with its details open, clearing the filter if it hides it.
    Jump(usize),
    /// Everything up to this edit is stored.
    Saved(u64),
    SaveProblem(SaveState),
    /// Another tab changed the stored assessment: show its version (read-only tabs follow).
    Replaced(Rc<Assessment>),
    /// No other tab edits this assessment: this one edits and saves.
    Holds,
    /// The other tab let go of this assessment: this one may edit again.
    Writable,
    /// Stores what is on screen (again): after a deletion elsewhere, or edits taken over from
    /// where a closed tab kept them aside.
    Resave,
    /// The assessment was written to a file.
    SavedToFile,
    /// A version was stored because the assessment was written to a file.
    VersionStored,
}

impl EditorState {
    pub fn new(catalog: Rc<Catalog>, assessment: Assessment) -> Self {
        let index = SearchIndex::new();
        let filter = ItemFilter::default();
        let visible = matching_items(&catalog, &assessment, &index, &filter);
        let visible = Rc::new(visible);
        EditorState {
            selected: visible.first().copied(),
            table_rank: Rc::new((0..catalog.items.len()).collect()),
            table_rows: visible.clone(),
            catalog,
            assessment: Rc::new(assessment),
            index: Rc::new(index),
            filter,
            visible,
            pinned: None,
            expanded: false,
            tab: Tab::Items,
            table_sort: None,
            table_editable: false,
            holds: false,
            edits: 0,
            saved_edits: 0,
            save: SaveState::Saved,
            refused: None,
            edits_at_file_save: 0,
            versions_stored: 0,
        }
    }

    /// This state with its assessment counted as one edit not yet stored: it holds edits that
    /// storage refused before (kept aside), to be saved now.
    pub fn with_unstored_changes(mut self) -> Self {
        self.edits = 1;
        self
    }

    /// Whether edits are waiting to be stored.
    pub fn saving(&self) -> bool {
        self.edits > self.saved_edits
    }

    /// Whether this tab's work is not all in storage: storing failed or stopped with edits
    /// waiting, or the stored assessment was deleted (the screen holds the only copy). A
    /// read-only tab has no work of its own.
    pub fn unsaved(&self) -> bool {
        self.save == SaveState::Deleted
            || (self.saving()
                && matches!(self.save, SaveState::Failed { .. } | SaveState::Conflict))
    }

    /// Whether enough has changed since the last save to a file to suggest one.
    pub fn suggests_file_save(&self) -> bool {
        self.edits - self.edits_at_file_save >= CHANGES_WORTH_A_FILE
    }

    pub fn read_only(&self) -> bool {
        matches!(self.save, SaveState::ReadOnly | SaveState::Conflict)
    }

    fn refilter(&mut self) {
        let mut visible =
            matching_items(&self.catalog, &self.assessment, &self.index, &self.filter);
        if let Some(pinned) = self.pinned {
            if let Err(at) = visible.binary_search(&pinned) {
                visible.insert(at, pinned);
            }
        }
        let mut rows = visible.clone();
        rows.sort_by_key(|&position| self.table_rank.get(position).copied());
        self.visible = Rc::new(visible);
        self.table_rows = Rc::new(rows);
    }

    /// Puts the table in the order of its sort column as the answers stand now.
    fn sort_table(&mut self) {
        let Some(order) = &self.table_sort else {
            return;
        };
        let mut rank = vec![0; self.catalog.items.len()];
        for (place, position) in sorted_positions(&self.catalog, &self.assessment, order)
            .into_iter()
            .enumerate()
        {
            rank[position] = place;
        }
        self.table_rank = Rc::new(rank);
    }

    /// Selects `position`; moving to another item lets go of the pinned one.
    fn select(&mut self, position: Option<usize>) {
        if position != self.selected {
            self.pinned = None;
        }
        self.selected = position;
    }

    fn edit(&mut self, edit: Edit, now: &str) {
        let assessment = Rc::make_mut(&mut self.assessment);
        match apply(assessment, &self.catalog, edit, now) {
            Ok(touched) => {
                self.refused = None;
                self.edits += 1;
                match touched {
                    Touched::Item(item) => {
                        Rc::make_mut(&mut self.index).update(
                            &self.catalog,
                            &self.assessment,
                            &item,
                        );
                        self.pinned = self.catalog.items.iter().position(|i| i.id == item);
                        self.refilter();
                    }
                    Touched::Everything => {
                        self.index = Rc::new(SearchIndex::new());
                        self.refilter();
                    }
                    Touched::Assessment => {}
                }
            }
            Err(error) => self.refused = Some(error),
        }
    }
}

impl yew::Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// The state after `action`.
pub fn reduce(current: &EditorState, action: EditorAction) -> EditorState {
    let mut state = current.clone();
    match action {
        EditorAction::Edit(_, _) if state.read_only() => {}
        EditorAction::Edit(edit, now) => state.edit(edit, &now),
        EditorAction::SetFilter(filter) => {
            state.filter = filter;
            state.pinned = None;
            state.sort_table();
            state.refilter();
            if state.selected.is_none_or(|s| !state.visible.contains(&s)) {
                state.selected = state.visible.first().copied();
                state.expanded = false;
            }
        }
        EditorAction::Open(position) => {
            if state.selected == Some(position) {
                state.expanded = !state.expanded;
            } else {
                state.select(Some(position));
                state.expanded = true;
                state.refilter();
            }
        }
        EditorAction::Select(position) => {
            state.select(Some(position));
            state.refilter();
        }
        EditorAction::Move(from, delta) => {
            let current = state.visible.iter().position(|&v| v == from);
            let target = match current {
                Some(at) => at
                    .saturating_add_signed(delta)
                    .min(state.visible.len().saturating_sub(1)),
                None => 0,
            };
            let next = state.visible.get(target).copied().or(state.selected);
            state.select(next);
            state.refilter();
        }
        EditorAction::Edge(last) => {
            let next = if last {
                state.visible.last()
            } else {
                state.visible.first()
            };
            state.select(next.copied());
            state.refilter();
        }
        EditorAction::NextUnanswered(from) => {
            let current = state.visible.iter().position(|&v| v == from);
            let start = current.map_or(0, |at| at + 1);
            let count = state.visible.len();
            let next = (0..count)
                .map(|offset| state.visible[(start + offset) % count])
                .find(|&position| {
                    state
                        .assessment
                        .status_of(&state.catalog.items[position].id)
                        .is_none()
                });
            if next.is_some() {
                state.select(next);
                state.refilter();
            }
        }
        EditorAction::ShowTab(tab) => state.tab = tab,
        EditorAction::SortTable(column) => {
            state.table_sort = Some(SortOrder::choose(state.table_sort.as_ref(), &column));
            state.sort_table();
            state.refilter();
        }
        EditorAction::TableEditable(editable) => state.table_editable = editable,
        EditorAction::Jump(position) => {
            if !state.visible.contains(&position) {
                state.filter = ItemFilter::default();
            }
            state.tab = Tab::Items;
            state.select(Some(position));
            state.expanded = true;
            state.refilter();
        }
        EditorAction::Saved(edit) => {
            state.saved_edits = state.saved_edits.max(edit);
            if matches!(state.save, SaveState::Failed { .. }) {
                state.save = SaveState::Saved;
            }
        }
        EditorAction::SaveProblem(problem) => state.save = problem,
        // Only a read-only tab follows the stored version: anywhere else it would overwrite
        // edits on screen that are not stored.
        EditorAction::Replaced(_) if state.save != SaveState::ReadOnly => {}
        EditorAction::Replaced(assessment) => {
            state.index = Rc::new(SearchIndex::new());
            state.assessment = assessment;
            state.sort_table();
            state.refilter();
        }
        EditorAction::Holds => state.holds = true,
        EditorAction::Writable => {
            if state.save == SaveState::ReadOnly {
                state.save = SaveState::Saved;
            }
            state.holds = true;
        }
        EditorAction::SavedToFile => state.edits_at_file_save = state.edits,
        EditorAction::VersionStored => state.versions_stored += 1,
        EditorAction::Resave => {
            state.save = SaveState::Saved;
            state.edits += 1;
        }
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use tekigo_core::embedded;

    const NOW: &str = "2026-11-30T09:00:00+09:00";

    fn checklist() -> EditorState {
        let catalog = embedded::catalog("cloud-checklist-253").unwrap();
        EditorState::new(Rc::new(catalog.clone()), Assessment::new("t", catalog, NOW))
    }

    fn set_status(item: &str, status: &str) -> EditorAction {
        EditorAction::Edit(
            Edit::Status {
                item: item.into(),
                status: Some(status.into()),
            },
            NOW.into(),
        )
    }

    /// Regression: with 「未回答のみ」 on, answering an item removed it from the list at once,
    /// closing its half-written details.
    #[test]
    fn an_answered_item_stays_in_the_unanswered_list_until_the_user_moves_on() {
        let mut state = checklist();
        state = reduce(
            &state,
            EditorAction::SetFilter(ItemFilter {
                unanswered_only: true,
                ..ItemFilter::default()
            }),
        );
        state = reduce(&state, EditorAction::Open(0));
        state = reduce(&state, set_status("1", "compliant"));
        assert!(state.visible.contains(&0), "the item being answered stays");
        assert_eq!((state.selected, state.expanded), (Some(0), true));
        assert_eq!(state.visible.len(), 253);
        state = reduce(&state, EditorAction::Move(0, 1));
        assert_eq!(state.selected, Some(1));
        assert!(!state.visible.contains(&0), "gone once the user moved on");
        assert_eq!(state.visible.len(), 252);
    }

    #[test]
    fn edits_carry_their_time_and_count_for_saving() {
        let state = reduce(&checklist(), set_status("2", "not-met"));
        assert_eq!(state.edits, 1);
        assert!(state.saving());
        assert_eq!(state.assessment.updated_at, NOW);
        assert_eq!(
            state.assessment.answers["2"].updated_at.as_deref(),
            Some(NOW)
        );
        let saved = reduce(&state, EditorAction::Saved(1));
        assert!(!saved.saving());
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_says_why() {
        let before = checklist();
        let after = reduce(&before, set_status("1", "maybe"));
        assert_eq!(after.assessment, before.assessment);
        assert_eq!(after.edits, 0);
        assert_eq!(after.refused, Some(EditError::NotOnScale("maybe".into())));
    }

    #[test]
    fn a_read_only_tab_does_not_edit_until_it_may() {
        let mut state = reduce(&checklist(), EditorAction::SaveProblem(SaveState::ReadOnly));
        state = reduce(&state, set_status("1", "compliant"));
        assert_eq!(state.edits, 0);
        state = reduce(&state, EditorAction::Writable);
        assert!(state.holds, "it saves from now on");
        state = reduce(&state, set_status("1", "compliant"));
        assert_eq!(state.edits, 1);
    }

    #[test]
    fn a_jump_from_the_dashboard_shows_the_item_whatever_the_filter() {
        let mut state = reduce(
            &checklist(),
            EditorAction::SetFilter(ItemFilter {
                query: "存在しない語".into(),
                ..ItemFilter::default()
            }),
        );
        state = reduce(&state, EditorAction::ShowTab(Tab::Dashboard));
        state = reduce(&state, EditorAction::Jump(41));
        assert_eq!(state.tab, Tab::Items);
        assert_eq!((state.selected, state.expanded), (Some(41), true));
        assert!(state.visible.contains(&41));
    }

    /// Regression: an assessment deleted in another tab with every edit stored showed as not
    /// unsaved, though the screen held its only copy.
    #[test]
    fn a_deleted_assessment_is_unsaved_even_with_every_edit_stored() {
        let stored = reduce(
            &reduce(&checklist(), set_status("1", "compliant")),
            EditorAction::Saved(1),
        );
        assert!(!stored.unsaved());
        let deleted = reduce(&stored, EditorAction::SaveProblem(SaveState::Deleted));
        assert!(deleted.unsaved());
    }

    /// Regression: a tab re-reading its own save replaced what had been typed since.
    #[test]
    fn only_a_read_only_tab_follows_the_stored_version() {
        let typed = reduce(&checklist(), set_status("1", "compliant"));
        let older = Rc::new(Assessment::new("t", &typed.catalog, NOW));
        let after = reduce(&typed, EditorAction::Replaced(older.clone()));
        assert_eq!(after.assessment, typed.assessment);
        let read_only = reduce(&typed, EditorAction::SaveProblem(SaveState::ReadOnly));
        let followed = reduce(&read_only, EditorAction::Replaced(older.clone()));
        assert_eq!(followed.assessment, older);
    }

    #[test]
    fn edits_storage_refused_before_are_saved_when_opened() {
        let state = checklist().with_unstored_changes();
        assert!(state.saving());
        assert_eq!(
            state.save,
            SaveState::Saved,
            "said as being saved, not as saved"
        );
        let elsewhere = reduce(&state, EditorAction::SaveProblem(SaveState::ReadOnly));
        assert!(
            !elsewhere.unsaved(),
            "the editing tab's, not this read-only tab's"
        );
    }

    #[test]
    fn a_deleted_assessment_is_stored_again_on_request() {
        let mut state = reduce(&checklist(), set_status("1", "compliant"));
        state = reduce(&state, EditorAction::SaveProblem(SaveState::Deleted));
        assert!(state.unsaved());
        state = reduce(&state, EditorAction::Resave);
        assert_eq!(state.save, SaveState::Saved);
        assert_eq!(state.edits, 2, "a new save is asked for");
    }

    #[test]
    fn a_file_save_is_suggested_after_substantial_work_and_not_again_right_after_one() {
        let mut state = checklist();
        for (n, item) in state.catalog.items.clone().iter().take(30).enumerate() {
            assert!(!state.suggests_file_save(), "after {n} changes");
            state = reduce(&state, set_status(&item.id, "compliant"));
        }
        assert!(state.suggests_file_save());
        state = reduce(&state, EditorAction::SavedToFile);
        assert!(!state.suggests_file_save());
    }

    #[test]
    fn home_and_end_reach_the_first_and_last_visible_item() {
        let state = reduce(&checklist(), EditorAction::Edge(true));
        assert_eq!(state.selected, Some(252));
        let state = reduce(&state, EditorAction::Edge(false));
        assert_eq!(state.selected, Some(0));
    }

    fn ids(state: &EditorState, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&position| state.catalog.items[position].id.clone())
            .collect()
    }

    #[test]
    fn the_table_sorts_by_a_heading_and_keeps_its_order_while_cells_are_edited() {
        let mut state = checklist();
        state = reduce(&state, set_status("5", "not-met"));
        state = reduce(&state, set_status("3", "compliant"));
        state = reduce(&state, EditorAction::SortTable("status".into()));
        assert_eq!(ids(&state, &state.table_rows[..3]), ["3", "5", "1"]);
        // Rating item 1 now does not move it: the rows stay where the sort put them.
        state = reduce(&state, set_status("1", "compliant"));
        assert_eq!(ids(&state, &state.table_rows[..3]), ["3", "5", "1"]);
        // Choosing the heading again sorts again, the other way round.
        state = reduce(&state, EditorAction::SortTable("status".into()));
        assert_eq!(ids(&state, &state.table_rows[..3]), ["5", "1", "3"]);
        assert_eq!(state.table_rows.len(), 253);
    }

    #[test]
    fn the_table_shows_what_the_filter_lets_through_in_its_own_order() {
        let mut state = reduce(&checklist(), set_status("2", "partial"));
        state = reduce(&state, EditorAction::SortTable("number".into()));
        state = reduce(&state, EditorAction::SortTable("number".into()));
        assert_eq!(state.table_rows.first(), Some(&252));
        state = reduce(
            &state,
            EditorAction::SetFilter(ItemFilter {
                unanswered_only: true,
                ..ItemFilter::default()
            }),
        );
        assert_eq!(state.table_rows.len(), 252);
        assert_eq!(state.table_rows.first(), Some(&252));
        assert!(!state.table_rows.contains(&1));
        assert_eq!(
            state.visible.first(),
            Some(&0),
            "the item list keeps catalog order"
        );
    }

    #[test]
    fn selecting_a_table_row_does_not_open_its_details() {
        let state = reduce(&checklist(), EditorAction::Select(7));
        assert_eq!((state.selected, state.expanded), (Some(7), false));
    }
}
