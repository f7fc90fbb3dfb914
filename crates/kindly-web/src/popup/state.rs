//! The popup's state and what every tab does with it: read and change it,
//! save what changed, say what happened, move focus, ask for a redraw.
//! Tabs import this module, never the hub (`popup/mod.rs`), which draws
//! them: the hub registers its redraw and its re-read of storage here
//! ([`Hub`]) when the popup starts, so nothing below it calls back up.

use super::ui::{self, t};
use crate::dom::{self, DomResult};
use crate::storage;
use kindly_core::store::{self, ImportChanges, ImportPlan};
use kindly_core::{Data, Day, TemplateRecord};
use std::cell::{Cell, RefCell};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Templates,
    Profile,
    Review,
    Data,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Templates, Tab::Profile, Tab::Review, Tab::Data];

    pub fn name(self) -> &'static str {
        match self {
            Tab::Templates => "templates",
            Tab::Profile => "profile",
            Tab::Review => "review",
            Tab::Data => "data",
        }
    }

    pub fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// How the review groups people.
pub use kindly_core::review::Grouping as ReviewBy;

/// Everything the popup shows.
pub struct State {
    pub data: Data,
    pub today: Day,
    /// False for data from a newer Kindly: shown, never written.
    pub writable: bool,
    pub tab: Tab,
    pub search: String,
    pub editor: Option<Draft>,
    /// The last deleted template and where it was, for Undo.
    pub undo: Option<kindly_core::my_templates::Deleted>,
    /// A validated import waiting for Apply, with what it will change.
    pub import: Option<(ImportPlan, ImportChanges)>,
    pub import_error: Option<String>,
    pub confirm_wipe: bool,
    pub review_by: ReviewBy,
    pub last_review: Option<Day>,
    /// What opening the store found (migration, quarantine, newer schema).
    pub notices: Vec<Notice>,
    /// Writes in flight; a storage change seen meanwhile is re-read after.
    pub pending_writes: u32,
    pub stale: bool,
    /// Why the data shown are defaults, not what is stored (the store could
    /// not be opened): Export is refused, since it would export them.
    pub not_read: Option<String>,
}

/// A message shown above the tabs until the popup closes.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: &'static str,
    pub text: String,
    pub details: Vec<String>,
    /// Buttons it offers: (label, `data-act`), dispatched as anywhere else.
    pub actions: Vec<(String, &'static str)>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Runs `f` on the state, if the popup has loaded.
pub fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// A template being edited.
pub struct Draft {
    /// The id of the template being edited; `None` for a new one.
    pub original: Option<String>,
    pub record: TemplateRecord,
    /// Which sample invitation the preview uses.
    pub sample: usize,
    pub dirty: bool,
}

/// What the hub does for the tabs.
#[derive(Clone, Copy)]
pub struct Hub {
    /// Redraws the current tab and the notices.
    pub refresh: fn() -> DomResult<()>,
    /// Told when a write ended: its result, what to say, and whether a
    /// change made elsewhere meanwhile asks for storage to be read again.
    pub written: fn(Result<(), String>, String, bool),
}

thread_local! {
    static HUB: Cell<Option<Hub>> = const { Cell::new(None) };
}

/// Registers the hub; done once, as the popup starts.
pub fn set_hub(hub: Hub) {
    HUB.with(|cell| cell.set(Some(hub)));
}

fn with_hub(f: impl FnOnce(Hub)) {
    if let Some(hub) = HUB.with(Cell::get) {
        f(hub);
    }
}

/// Sets the state once the popup has read storage.
pub fn install(state: State) {
    STATE.with(|cell| {
        if let Ok(mut cell) = cell.try_borrow_mut() {
            *cell = Some(state);
        }
    });
}

/// Redraws the current tab (and the notices), keeping focus.
pub fn refresh() -> DomResult<()> {
    HUB.with(Cell::get).map_or(Ok(()), |hub| (hub.refresh)())
}

/// Moves focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    if let Some(e) = dom::document().ok().and_then(|d| d.get_element_by_id(id)) {
        if let Some(h) = ui::html(&e) {
            dom::report(h.focus());
        }
    }
}

/// Says `text` in the polite live region (and shows it).
pub fn status(text: &str) {
    if let Some(s) = dom::document()
        .ok()
        .and_then(|d| d.get_element_by_id("status"))
    {
        // Clear first so repeating the same message is announced again.
        s.set_text_content(None);
        s.set_text_content(Some(text));
    }
}

pub fn error_notice(text: &str) -> Notice {
    Notice {
        kind: "error",
        text: text.to_string(),
        details: Vec::new(),
        actions: Vec::new(),
    }
}

pub fn push_error(st: &mut State, text: &str) {
    st.notices.retain(|n| n.kind != "error");
    st.notices.push(error_notice(text));
}

/// Entries of `data` whose key satisfies `pick` (one part of the store).
/// The single keys are serialised alone; people only when asked for.
pub fn entries_of(data: &Data, pick: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let parts = [
        store::KEY_META,
        store::KEY_PROFILE,
        store::KEY_SETTINGS,
        store::KEY_TEMPLATES,
    ];
    let mut out: Vec<(String, String)> = parts
        .into_iter()
        .filter(|k| pick(k))
        .filter_map(|k| store::part_entry(data, k))
        .collect();
    out.extend(
        data.people
            .iter()
            .filter(|(k, _)| pick(&store::person_storage_key(k)))
            .map(|(k, p)| store::person_entry(k, p)),
    );
    out
}

/// Writes `set`, removes `remove`, then says `done`. Refused (with the
/// reason said) when the data is read-only. On failure the error is shown
/// and storage re-read, so the popup shows what is really kept. Takes the
/// state (callers hold it) to count the write in flight.
pub fn save(st: &mut State, set: Vec<(String, String)>, remove: Vec<String>, done: String) {
    if !st.writable {
        status(&t("readonly_refused"));
        return;
    }
    st.pending_writes += 1;
    wasm_bindgen_futures::spawn_local(async move {
        let mut result = storage::write(&set).await;
        if result.is_ok() {
            result = storage::remove(&remove).await;
        }
        let stale = with_state(|st| {
            st.pending_writes = st.pending_writes.saturating_sub(1);
            if let Err(e) = &result {
                push_error(st, e);
            } else {
                st.notices.retain(|n| n.kind != "error");
            }
            let stale = st.stale && st.pending_writes == 0;
            if stale {
                st.stale = false;
            }
            stale
        })
        .unwrap_or(false);
        with_hub(|hub| (hub.written)(result, done, stale));
    });
}

/// Whether the data may be changed; when not, says why.
pub fn may_write(st: &State) -> bool {
    if !st.writable {
        status(&t("readonly_refused"));
    }
    st.writable
}
