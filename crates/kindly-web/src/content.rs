//! The content script's life: route on every navigation, watch the page with
//! one observer, keep exactly one panel on every invitation card, and carry
//! what the person does in a panel (relationship, note, bucket, edits) into
//! storage.
//!
//! Changes are batched: the observer only schedules one scan per animation
//! frame, so a burst of LinkedIn mutations costs one pass, and a panel that a
//! re-render removed is back before the next paint. Mutations made by Kindly
//! itself (adding panels) are recognised and never schedule work.
//!
//! Beside the page (the setting `show_kindly`), the cards are read and judged
//! the same way but nothing goes into the page: `beside` remembers each one
//! and tells the side panel, which draws it.

use crate::beside;
use crate::dom::{self, DomResult};
use crate::hosts::{self, Panel};
use crate::intent::{self, FirstRunAnswers, Intent};
use crate::keeping;
use crate::page;
use crate::panel::{self, View};
use crate::placement;
use crate::session::Session;
use crate::storage;
use crate::viewport;
use kindly_core::route::{classify, Route};
use kindly_core::store;
use kindly_core::{Answer, Data, Day, Invitation, Relationship, ShowKindly};
use std::cell::RefCell;
// BTree collections, not Hash: SipHash's 64-bit arithmetic is emulated in
// wasm2js and showed in profiles; these maps are small.
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, MutationObserver, MutationObserverInit, MutationRecord};

/// What Kindly keeps about one card while the page is open.
#[derive(Default)]
struct CardState {
    invitation: Invitation,
    /// Reply texts the person edited, by template id.
    edits: BTreeMap<String, String>,
    /// Collapsed or expanded by the person (else the setting decides).
    collapsed: Option<bool>,
    /// The person asked for everything (all replies, relationship, note).
    full: bool,
    /// Its panel was drawn on this page: after a re-render it is drawn again
    /// at once, not when the card next comes into view.
    drawn: bool,
    /// The Accept control it was marked for. Once the page has replaced it,
    /// the row is no longer this invitation (see [`unmark_changed`]).
    accept: Option<Element>,
}

/// A card read and waiting for the stored entries of the people it names.
struct Awaiting {
    card: page::Card,
    holder: Element,
    invitation: Invitation,
    accept: Option<Element>,
}

struct State {
    /// What this tab holds of storage (see `session`).
    session: Session,
    /// Cards read whose people are being read.
    awaiting: Vec<Awaiting>,
    /// A marking slice ran on this page already (see [`FIRST_SLICE_MS`]).
    sliced: bool,
    today: Day,
    route: Route,
    scheduled: Option<gloo::render::AnimationFrame>,
    cards: BTreeMap<String, CardState>,
    /// Keys whose "could not read" line was logged already.
    reported: BTreeSet<String>,
    /// Cards found near a change that still wait for their marker.
    pending: Vec<page::Card>,
    /// The search of the whole page, while it is under way.
    finder: Option<page::CardFinder<Element>>,
    /// The page changed in a way that needs a full search for cards.
    dirty: bool,
    /// Nodes the page added (or cards that lost their panel) since the last
    /// pass: searched alone when that is enough.
    touched: Vec<Element>,
    /// Where the page removed nodes since the last pass: a marked card
    /// there may have stopped being the invitation it was marked for.
    changed: Vec<Element>,
    /// Too many places changed: check every marked card.
    changed_everywhere: bool,
    /// Cards that came near the view and wait for their panel to be drawn,
    /// those on screen first.
    to_draw: Vec<Element>,
    /// A task to draw them is queued.
    draw_scheduled: bool,
    /// When panels were last drawn, until the next frame (see [`annotate`]).
    layout_pending: Option<f64>,
    dark: bool,
    /// Where the cards on the page were marked: in the page (hosts) or
    /// beside it (`beside`). The setting can change while the page is open.
    shown: ShowKindly,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// `None` also when called from inside another `with_state` (a DOM event
/// fired synchronously by a change made while the state is held): that is a
/// bug to fix at its source, but it must never panic and kill the module.
fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.with(|state| state.try_borrow_mut().ok()?.as_mut().map(f))
}

/// The content script's session, for [`keeping`].
struct Content;

impl keeping::Holder for Content {
    fn with_session<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        with_state(|state| f(&mut state.session))
    }
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

/// Grows the heap once, up front, by what a long page needs.
///
/// Why: the content script runs as wasm2js, where growing memory copies the
/// whole heap into a new buffer, and Rust's allocator grows it one 64 KiB
/// page at a time: a page of 500 cards with a long history grew it about ten
/// times, each a copy of 1–2 MB. Freed, the block stays with the allocator
/// (WebAssembly memory never shrinks) and serves the allocations that follow.
fn reserve_heap() {
    const RESERVE: usize = 2 << 20;
    drop(std::hint::black_box(Vec::<u8>::with_capacity(RESERVE)));
}

/// Starts Kindly on this page: opens storage (`stored`: its read, already
/// under way), then watches the page. Until storage answers, Kindly shows
/// nothing rather than advice without the person's own settings.
pub fn start(stored: js_sys::Promise) {
    reserve_heap();
    spawn_local(async move {
        let (data, writable) = match storage::open_start(stored).await {
            Ok(start) => (start.data, start.writable),
            Err(err) => {
                // Still useful without storage: general advice, nothing saved.
                web_sys::console::warn_1(&JsValue::from_str(&err));
                (Data::default(), false)
            }
        };
        let data_shown = data.settings.show_kindly;
        let beside_now = data_shown == ShowKindly::BesidePage;
        STATE.with(|state| {
            *state.borrow_mut() = Some(State {
                session: Session::new(data, writable),
                awaiting: Vec::new(),
                sliced: false,
                today: dom::today(),
                route: Route::Elsewhere,
                scheduled: None,
                cards: BTreeMap::new(),
                reported: BTreeSet::new(),
                pending: Vec::new(),
                finder: None,
                dirty: true,
                touched: Vec::new(),
                changed: Vec::new(),
                changed_everywhere: false,
                to_draw: Vec::new(),
                draw_scheduled: false,
                layout_pending: None,
                dark: false,
                shown: data_shown,
            });
        });
        storage::on_change(on_storage_change);
        beside::start(beside::Source {
            beside: shows_beside,
            invitation: judged,
        });
        intent::handle_with(handle);
        if let Err(err) = observe() {
            web_sys::console::warn_2(&JsValue::from_str("Kindly could not watch the page:"), &err);
        }
        watch_navigation();
        crate::keys::install(active, draw_now);
        viewport::on_near(draw_soon);
        crate::outcome::install();
        schedule();
        // Invitations the user sends: the "Add a note" dialog, on any page.
        // Its strip goes into LinkedIn's dialog: not beside the page (the
        // setting as it was when the page loaded).
        if !beside_now {
            if let Some((data, writable)) =
                with_state(|state| (state.session.data.clone(), state.session.writable))
            {
                crate::outgoing::start(data, writable);
            }
        }
    });
}

/// Another tab, the popup or the side panel changed storage: read again
/// what this tab holds, then redraw.
fn on_storage_change(changes: Vec<(String, Option<String>)>) {
    keeping::take_foreign::<Content>(&changes, redraw_all);
}

/// Asks storage for the people cards wait for (one read at a time); when
/// it answers, those cards are marked in the next frame.
fn read_people() {
    keeping::read_people::<Content>(schedule);
}

fn observe() -> DomResult<()> {
    let doc = dom::document()?;
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
        let mut relevant = false;
        with_state(|state| {
            for record in records.iter() {
                let record: MutationRecord = record.unchecked_into();
                if is_relevant(&record) {
                    relevant = true;
                    note_change(state, &record);
                }
            }
        });
        if relevant {
            schedule();
        }
    });
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
    callback.forget(); // lives as long as the page
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    // The body, not `main`: LinkedIn replaces `main` itself during hydration
    // and navigation, and an observer on a detached `main` would go deaf.
    let root: Element = match doc.body() {
        Some(body) => body.into(),
        None => doc
            .document_element()
            .ok_or_else(|| JsValue::from_str("no root"))?,
    };
    observer.observe_with_options(&root, &init)?;
    Ok(())
}

/// Remembers where the page changed: added elements, the card a panel was
/// removed from, and where else nodes were removed (a marked card there may
/// have stopped being an invitation). Past a few dozen places, a full search
/// (or a check of every marked card) is cheaper.
fn note_change(state: &mut State, record: &MutationRecord) {
    const MOST_TOUCHED: usize = 50;
    let removed = record.removed_nodes();
    let lost_panel =
        (0..removed.length()).any(|i| removed.item(i).is_some_and(|n| hosts::is_host(&n)));
    let target = || record.target().and_then(|t| t.dyn_into::<Element>().ok());
    let marking = state.route == Route::Received;
    if marking && removed.length() > 0 && state.shown == ShowKindly::BesidePage {
        // A card the page removed leaves the side panel's list.
        beside::removed();
    }
    if marking && removed.length() > 0 && !lost_panel && !state.changed_everywhere {
        // Even a full search would not see a marked card that stopped being
        // an invitation (it has no Accept control to be found by).
        state.changed.extend(target());
        if state.changed.len() > MOST_TOUCHED {
            state.changed.clear();
            state.changed_everywhere = true;
        }
    }
    if state.dirty {
        return;
    }
    if lost_panel {
        state.touched.extend(target());
    }
    state
        .touched
        .extend(dom::elements(record.added_nodes()).filter(|e| !hosts::is_host(e)));
    if state.touched.len() > MOST_TOUCHED {
        state.touched.clear();
        state.dirty = true;
    }
}

/// A mutation matters unless all it did was add Kindly's own panels. A
/// removed panel matters: LinkedIn's re-render strips injected nodes, and
/// the panel must be back before the next paint.
fn is_relevant(record: &MutationRecord) -> bool {
    let removed = record.removed_nodes();
    if removed.length() > 0 {
        return true;
    }
    let added = record.added_nodes();
    !(0..added.length()).all(|i| added.item(i).is_some_and(|n| hosts::is_host(&n)))
}

fn watch_navigation() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_navigate = Closure::<dyn FnMut()>::new(schedule);
    dom::report(
        window
            .add_event_listener_with_callback("popstate", on_navigate.as_ref().unchecked_ref())
            .map(|_| ()),
    );
    // The Navigation API reports pushState navigations, which fire no event
    // of their own; where it is missing, the observer notices the re-render.
    if let Ok(navigation) = js_sys::Reflect::get(&window, &JsValue::from_str("navigation")) {
        if let Some(target) = navigation.dyn_ref::<web_sys::EventTarget>() {
            dom::report(target.add_event_listener_with_callback(
                "currententrychange",
                on_navigate.as_ref().unchecked_ref(),
            ));
        }
    }
    on_navigate.forget();
}

/// Schedules one scan for the next animation frame (at most one pending).
fn schedule() {
    with_state(|state| {
        if state.scheduled.is_none() {
            state.scheduled = Some(gloo::render::request_animation_frame(|_| scan()));
        }
    });
}

/// Queues panels to draw (cards near the view), in a task of their own.
///
/// Why not in the frame's slice: a drawn panel moves every card below it,
/// and the browser lays that out and pre-paints it in the next rendering
/// task (≈ 25–35 ms on a page of 500 cards, twice that at 1,000). Drawn in
/// the frame's callback, Kindly's script and that work made one task of
/// 45–60 ms; drawn in a task of its own, and with the next frame's slice
/// left empty (see [`annotate`]), they are two shorter ones.
fn draw_soon(mut cards: Vec<Element>) {
    if cards.is_empty() {
        return;
    }
    let start = with_state(|state| {
        // Newly near cards go first: the view moved to them.
        cards.append(&mut state.to_draw);
        state.to_draw = cards;
        !std::mem::replace(&mut state.draw_scheduled, true)
    });
    if start == Some(true) {
        gloo::timers::callback::Timeout::new(0, draw_queued).forget();
    }
}

/// Draws queued panels, on-screen first, within one slice's budget; the
/// rest go to another task.
fn draw_queued() {
    let started = now_ms();
    let Some(to_draw) = with_state(|state| {
        state.draw_scheduled = false;
        std::mem::take(&mut state.to_draw)
    }) else {
        return;
    };
    if !active() {
        return;
    }
    let mut drawn = 0;
    for card in &to_draw {
        if drawn > 0 && now_ms() - started > FRAME_BUDGET_MS {
            break;
        }
        drawn += 1;
        draw_in(card);
    }
    let drawn_at = now_ms();
    with_state(|state| state.layout_pending = Some(drawn_at));
    draw_soon(
        to_draw
            .get(drawn..)
            .map(<[Element]>::to_vec)
            .unwrap_or_default(),
    );
}

/// True while Kindly is showing panels (the invitations page).
fn active() -> bool {
    with_state(|state| state.route == Route::Received).unwrap_or(false)
}

fn scan() {
    let route = classify(&current_path());
    let Some(previous) = with_state(|state| {
        state.scheduled = None;
        std::mem::replace(&mut state.route, route)
    }) else {
        return;
    };
    let Ok(doc) = dom::document() else { return };
    if route != Route::Received {
        if previous == Route::Received {
            remove_panels();
        }
        return;
    }
    if previous != Route::Received {
        // Arriving on the page (or back to it): search it all.
        let dark = panel::page_is_dark(&doc);
        with_state(|state| {
            state.dark = dark;
            state.dirty = true;
            state.sliced = false;
        });
    }
    if let Err(err) = annotate(&doc) {
        web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
    }
}

fn remove_panels() {
    for panel in hosts::all() {
        panel.host.remove();
    }
    if with_state(|state| state.shown == ShowKindly::BesidePage).unwrap_or(false) {
        beside::clear();
    }
}

/// Time one task may spend drawing panels before yielding to the page: a
/// task over 50 ms makes scrolling and typing stutter.
const FRAME_BUDGET_MS: f64 = 20.0;

/// Time the first marking slice on a page may take: the cards at the top,
/// which are the ones in view when the page opens, are read first.
const FIRST_SLICE_MS: f64 = 20.0;

/// Time each later slice may take: the rest of a long page is marked in
/// short slices, so the page's own work (scrolling, typing, its renders)
/// keeps most of every frame. Markers are hidden and panels are drawn only
/// near the viewport, so the browser's own work per frame is small too.
const SLICE_MS: f64 = 8.0;

/// A frame this soon after panels were drawn is the one that lays them out
/// (a frame is ~16.7 ms). Older than that, the flag is stale and ignored, so
/// a re-render long after still gets its panels back in its first frame.
const LAYOUT_WINDOW_MS: f64 = 25.0;

thread_local! {
    /// `performance`, looked up once: the clock is read before every card.
    static PERFORMANCE: Option<web_sys::Performance> =
        web_sys::window().and_then(|w| w.performance());
}

fn now_ms() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, web_sys::Performance::now))
}

/// Gives every card without a current panel its panel, and records what
/// was seen (one storage write per pass). Cards are found once per page
/// change; when the frame's budget runs out, the rest wait for the next
/// frame without searching the page again.
fn annotate(doc: &web_sys::Document) -> DomResult<()> {
    let started = now_ms();
    // Panels were drawn since the last frame: this frame's rendering lays
    // them out, which on a long page is a long task by itself. Mark nothing
    // more in it.
    let drawn_at = with_state(|state| state.layout_pending.take()).flatten();
    if drawn_at.is_some_and(|at| started - at < LAYOUT_WINDOW_MS) {
        schedule();
        return Ok(());
    }
    let (changed, everywhere) = with_state(|state| {
        (
            std::mem::take(&mut state.changed),
            std::mem::replace(&mut state.changed_everywhere, false),
        )
    })
    .unwrap_or_default();
    if everywhere || !changed.is_empty() {
        unmark_changed(&changed, everywhere);
    }
    let (dirty, touched) = with_state(|state| {
        (
            std::mem::replace(&mut state.dirty, false),
            std::mem::take(&mut state.touched),
        )
    })
    .unwrap_or((true, Vec::new()));
    let found_near = if dirty || touched.is_empty() {
        None
    } else {
        page::find_cards_in(&touched)
    };
    if let Some(mut near) = found_near {
        // Cards still waiting from an earlier slice keep their turn.
        with_state(|state| state.pending.append(&mut near));
    } else if dirty || !touched.is_empty() {
        let body: Element = doc
            .body()
            .map(Into::into)
            .ok_or_else(|| JsValue::from_str("no body"))?;
        // A new search finds whatever was still waiting, too.
        let finder = page::CardFinder::for_page(doc.query_selector("main")?.as_ref(), body);
        with_state(|state| {
            state.pending.clear();
            state.finder = Some(finder);
        });
    }
    // Keys of people recorded in this slice: serialised and written after
    // the slice's markers are in, which is what the person waits for.
    let mut recorded = Vec::new();
    let lang = page::page_lang(doc);
    let mut done = 0;
    let budget = with_state(|state| {
        if std::mem::replace(&mut state.sliced, true) {
            SLICE_MS
        } else {
            FIRST_SLICE_MS
        }
    })
    .unwrap_or(SLICE_MS);
    // Cards whose people storage has answered for go first: they were
    // found first (the ones on screen).
    loop {
        let ready = with_state(|state| {
            let at = state
                .awaiting
                .iter()
                .position(|read| state.session.is_ready(&read.invitation))?;
            Some(state.awaiting.remove(at))
        })
        .flatten();
        let Some(read) = ready else { break };
        if done > 0 && now_ms() - started > budget {
            // Back in line, in front.
            with_state(|state| state.awaiting.insert(0, read));
            schedule();
            return finish_slice(recorded);
        }
        done += 1;
        if let Err(err) = mark(doc, read, &mut recorded) {
            web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
        }
    }
    loop {
        // Checked before each card, not after, and searching the page
        // counts: a cold start on a long page spreads its search over
        // several frames. Each frame does at least one card, so work moves on.
        if done > 0 && now_ms() - started > budget {
            schedule();
            break;
        }
        let card = match with_state(next_card) {
            Some(page::Step::Card(card)) => card,
            Some(page::Step::Pending) => {
                // Searching counts as work: the budget check applies.
                done += 1;
                continue;
            }
            Some(page::Step::Done) | None => break,
        };
        done += 1;
        if !card.root.is_connected() {
            continue;
        }
        let holder = placement::holder(&card.root);
        if has_panel(&holder) {
            continue;
        }
        // One card the DOM refused (a detached node, an odd element) must
        // not stop the others, nor lose what was recorded before it.
        if let Err(err) = read_card(doc, &lang, card, holder, &mut recorded) {
            web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
        }
    }
    finish_slice(recorded)
}

/// After a slice: the people and companies it recorded (storage keys) are
/// written, and the entries its cards wait for are asked for.
fn finish_slice(recorded: Vec<String>) -> DomResult<()> {
    let writes = with_state(|state| state.session.entries_of(&recorded)).unwrap_or_default();
    save(writes);
    read_people();
    Ok(())
}

/// Removes the marker of every marked card around `changed` (or on the
/// page, when `everywhere`) that is no longer the invitation it was marked
/// for: its Accept control is gone (the person answered and the row now says
/// "… is now a connection") or is another one (a virtualised list reused
/// the row for someone else). Pages like LinkedIn's replace their own nodes
/// and leave Kindly's where they are, so nothing else would notice. The
/// removal is itself a change: the observer then looks at the card afresh,
/// and a reused row gets its new panel.
fn unmark_changed(changed: &[Element], everywhere: bool) {
    // Each card with its key, and its panel when it is in the page.
    let mut marked: Vec<(Element, String, Option<Panel>)> = if everywhere {
        // One marker per card: the hosts' parents are already distinct.
        hosts::all()
            .into_iter()
            .filter_map(|panel| Some((panel.host.parent_element()?, panel.key()?, Some(panel))))
            .chain(
                beside::all()
                    .into_iter()
                    .map(|(card, key)| (card, key, None)),
            )
            .collect()
    } else {
        // A few dozen places at most, several often in one card. (Comparing
        // elements is a call into JavaScript: never done for every card.)
        let mut marked: Vec<(Element, String, Option<Panel>)> = Vec::new();
        for target in changed.iter().filter(|target| target.is_connected()) {
            let found = match hosts::around(target) {
                Some(panel) => panel
                    .host
                    .parent_element()
                    .zip(panel.key())
                    .map(|(card, key)| (card, key, Some(panel))),
                None => beside::around(target).map(|(card, key)| (card, key, None)),
            };
            if let Some(found) = found {
                if !marked.iter().any(|(card, ..)| *card == found.0) {
                    marked.push(found);
                }
            }
        }
        marked
    };
    let mut forgotten = Vec::new();
    for (card, key, panel) in marked.drain(..) {
        let now = page::Card::new(card.clone()).accept_control();
        let marked_for =
            with_state(|state| state.cards.get(&key).and_then(|c| c.accept.clone())).flatten();
        if now.is_some() && now == marked_for {
            continue;
        }
        match panel {
            Some(panel) => panel.host.remove(),
            None => {
                // Nothing left the page to make it look again: it is told.
                beside::unmark(&card);
                forgotten.push(card);
            }
        }
    }
    if !forgotten.is_empty() {
        with_state(|state| state.touched.append(&mut forgotten));
        schedule();
    }
}

/// Controls the page search reads before the slice's budget is checked
/// again (a control costs tens of microseconds as wasm2js).
const CONTROLS_PER_STEP: usize = 64;

/// The next card to mark: those waiting first, then the page search's.
fn next_card(state: &mut State) -> page::Step<Element> {
    if !state.pending.is_empty() {
        return page::Step::Card(state.pending.remove(0));
    }
    let Some(finder) = state.finder.as_mut() else {
        return page::Step::Done;
    };
    let step = finder.step(CONTROLS_PER_STEP);
    if matches!(step, page::Step::Done) {
        state.finder = None;
    }
    step
}

/// Reads `card` and marks it, its marker going into `holder` (see
/// [`placement`]); when the people it names were not read from storage yet,
/// it waits for them (see [`read_people`]).
fn read_card(
    doc: &web_sys::Document,
    lang: &str,
    card: page::Card,
    holder: Element,
    recorded: &mut Vec<String>,
) -> DomResult<()> {
    let text = crate::snapshot::read(&card, lang.to_string());
    let invitation = kindly_core::parse_card(&text);
    let accept = card.accept_control();
    let waiting = with_state(|state| {
        if !invitation.readable && state.reported.insert(invitation.key.clone()) {
            // Which parts were missing, never the person's text.
            web_sys::console::info_1(&JsValue::from_str(&format!(
                "Kindly: could not read a card's name ({} text lines, {} links); it shows general advice.",
                text.lines.len(),
                text.links.len()
            )));
        }
        !state.session.ready_or_queue(&invitation)
    })
    .unwrap_or(false);
    let card = Awaiting {
        card,
        holder,
        invitation,
        accept,
    };
    if waiting {
        with_state(|state| state.awaiting.push(card));
        Ok(())
    } else {
        mark(doc, card, recorded)
    }
}

/// Judges a card read earlier and puts its marker in (unless the card left
/// the page or got its marker meanwhile).
fn mark(doc: &web_sys::Document, read: Awaiting, recorded: &mut Vec<String>) -> DomResult<()> {
    let Awaiting {
        card,
        holder,
        invitation,
        accept,
    } = read;
    if !card.root.is_connected() || has_panel(&holder) {
        return Ok(());
    }
    let Some(made) = with_state(|state| {
        let verdict = kindly_core::suggest::judge_read(
            invitation,
            &state.session.data,
            state.today,
            &state.session.companies,
        );
        let invitation = &verdict.invitation;
        let session = &mut state.session;
        let may_record = session.writable && !session.is_unreadable(&invitation.key);
        if may_record
            && kindly_core::suggest::record_seen(
                &mut state.session.data,
                invitation,
                verdict.action,
                state.today,
            )
        {
            if let Some(person) = state.session.data.people.get(&invitation.key) {
                recorded.push(store::person_storage_key(&invitation.key));
                for company in state.session.companies.record(&invitation.key, person) {
                    recorded.push(store::company_storage_key(&company));
                }
            }
        }
        let key = invitation.key.clone();
        let host = (state.shown == ShowKindly::InPage)
            .then(|| hosts::make(doc, &invitation.key, invitation.kind, verdict.action));
        let card_state = state.cards.entry(key.clone()).or_default();
        let drawn_before = card_state.drawn;
        // Kept for drawing the panel later; moved, not copied.
        card_state.invitation = verdict.invitation;
        card_state.accept = accept;
        (host, drawn_before, key)
    }) else {
        return Ok(());
    };
    let (panel, drawn_before, key) = made;
    let Some(panel) = panel else {
        // Beside the page: the side panel draws it; nothing goes in here.
        beside::mark(&holder, &key);
        return Ok(());
    };
    let panel = panel?;
    hosts::place(&holder, &panel)?;
    if drawn_before {
        // It was on screen before LinkedIn re-rendered it: back at once.
        draw(doc, &panel);
    } else {
        viewport::watch(&holder);
    }
    Ok(())
}

/// Draws the panel whose marker sits in `card`, if it is still there.
fn draw_in(card: &Element) {
    let Ok(doc) = dom::document() else { return };
    if let Some(panel) = hosts::in_holder(card) {
        draw(&doc, &panel);
    }
}

/// [`draw`] in this document.
fn draw_now(panel: &Panel) {
    if let Ok(doc) = dom::document() {
        draw(&doc, panel);
    }
}

/// Draws `panel` (a marker until now) from what the card said.
fn draw(doc: &web_sys::Document, panel: &Panel) {
    if panel.is_drawn() {
        return;
    }
    let Some(key) = panel.key() else {
        return;
    };
    let done = with_state(|state| {
        let invitation = &state.cards.get(&key)?.invitation;
        let model = kindly_core::suggest::suggest_indexed(
            invitation,
            &state.session.data,
            state.today,
            &state.session.companies,
        );
        let result = fill_view(doc, panel, state, &model);
        if let Some(card) = state.cards.get_mut(&key) {
            card.drawn = true;
        }
        Some(result)
    })
    .flatten();
    if let Some(Err(err)) = done {
        web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
    }
}

fn view<'a>(state: &'a State, model: &'a kindly_core::PanelModel) -> View<'a> {
    let card = state.cards.get(&model.key);
    View {
        model,
        person: state.session.data.people.get(&model.key),
        collapsed: card
            .and_then(|c| c.collapsed)
            .unwrap_or(state.session.data.settings.collapsed_by_default),
        edits: card.map(|c| &c.edits),
        read_only: !state.session.writable,
        changed_elsewhere: state.session.was_overwritten(&model.key),
        dark: state.dark,
        data: &state.session.data,
        full: card.is_some_and(|c| c.full),
    }
}

fn fill_view(
    doc: &web_sys::Document,
    target: &Panel,
    state: &State,
    model: &kindly_core::PanelModel,
) -> DomResult<()> {
    panel::fill(doc, target, &view(state, model))
}

fn build_view(
    doc: &web_sys::Document,
    state: &State,
    model: &kindly_core::PanelModel,
) -> DomResult<Panel> {
    panel::build(doc, &view(state, model))
}

/// A card has a panel when Kindly's host is still among its children, or
/// (beside the page) when it was marked and has not changed since.
fn has_panel(root: &Element) -> bool {
    hosts::in_holder(root).is_some() || beside::is_marked(root)
}

/// Whether Kindly shows beside the page (the setting).
fn shows_beside() -> bool {
    with_state(|state| state.session.data.settings.show_kindly == ShowKindly::BesidePage)
        .unwrap_or(false)
}

/// A card's invitation as read and judged, for the side panel.
fn judged(key: &str) -> Option<Invitation> {
    with_state(|state| state.cards.get(key).map(|card| card.invitation.clone())).flatten()
}

/// Rebuilds every panel (settings or templates changed elsewhere). Beside
/// the page there is nothing to rebuild (the side panel reads storage
/// itself), unless the setting just moved Kindly there or back.
fn redraw_all() {
    let moved = with_state(|state| {
        let wanted = state.session.data.settings.show_kindly;
        let moved = std::mem::replace(&mut state.shown, wanted) != wanted;
        let rebuild = moved || wanted == ShowKindly::InPage;
        if rebuild {
            state.dirty = true;
            state.touched.clear();
        }
        (moved, rebuild)
    });
    let Some((moved, rebuild)) = moved else {
        return;
    };
    if moved {
        beside::clear();
    }
    if rebuild {
        remove_panels();
        schedule();
    }
}

/// Rebuilds one card's panel in place, keeping focus where it was.
fn redraw(key: &str, focus: Option<&str>) {
    let Ok(doc) = dom::document() else { return };
    let Some(old) = hosts::all()
        .into_iter()
        .find(|p| p.key().as_deref() == Some(key))
    else {
        return;
    };
    let built = with_state(|state| {
        let invitation = state.cards.get(key)?.invitation.clone();
        let model = kindly_core::suggest::suggest_indexed(
            &invitation,
            &state.session.data,
            state.today,
            &state.session.companies,
        );
        Some(build_view(&doc, state, &model))
    })
    .flatten();
    if let Some(Ok(new)) = built {
        if hosts::replace(&old, &new).is_ok() {
            if let Some(part) = focus {
                panel::focus_part(&new, part);
            }
        }
    }
}

fn save(entries: Vec<(String, String)>) {
    keeping::save::<Content>(entries);
}

fn update_person(key: &str, change: impl FnOnce(&mut kindly_core::Person)) {
    keeping::update_person::<Content>(key, change);
}

/// Carries out what the person asked of a panel, or did on the page.
fn handle(intent: Intent) -> bool {
    match intent {
        Intent::SetRelationship { key, relationship } => set_relationship(&key, relationship),
        Intent::SetNote { key, note } => update_person(&key, |p| p.note = note),
        Intent::SetBucket { key, bucket } => update_person(&key, |p| p.bucket = bucket),
        Intent::ShowEverything { key } => show_everything(&key),
        Intent::SetCollapsed { key, collapsed } => set_collapsed(&key, collapsed),
        Intent::RememberEdit {
            key,
            template_id,
            text,
        } => remember_edit(&key, &template_id, text),
        Intent::SaveAsTemplate {
            key,
            template_id,
            text,
            done,
        } => save_as_template(&key, &template_id, &text, done),
        Intent::FinishFirstRun { answers } => finish_first_run(answers),
        Intent::Answered {
            key,
            answer,
            control,
        } => answered(&key, answer, &control),
    }
    true
}

/// The person answered `key`'s invitation with LinkedIn's own control
/// (see `outcome`): remember it for the weekly review. A control whose
/// label names no answer counts as Accept when it is the one the card was
/// marked for (found by shape).
fn answered(key: &str, answer: Option<Answer>, control: &Element) {
    if !active() {
        return;
    }
    let entry = with_state(|state| {
        let marked_accept = || {
            state
                .cards
                .get(key)
                .and_then(|c| c.accept.as_ref())
                .is_some_and(|accept| accept == control)
        };
        let answer = answer.or_else(|| marked_accept().then_some(Answer::Accepted))?;
        // What is stored for them must have been read (it is, for a
        // marked card), or the write would replace it.
        let session = &mut state.session;
        if !session.writable
            || !session.was_read(key)
            || session.is_unreadable(key)
            || !kindly_core::suggest::record_outcome(&mut session.data, key, answer, state.today)
        {
            return None;
        }
        session.person_entry(key)
    })
    .flatten();
    if let Some(entry) = entry {
        save(vec![entry]);
    }
}

/// The person answered (or skipped) the first run in a panel: keep it,
/// and judge every card again with what they said.
fn finish_first_run(answers: Option<FirstRunAnswers>) {
    keeping::finish_first_run::<Content>(answers);
    redraw_all();
}

/// The person chose how they know the inviter: re-judge at once.
fn set_relationship(key: &str, relationship: Option<Relationship>) {
    update_person(key, |p| p.relationship = relationship);
    let value = relationship.map(|r| r.as_str()).unwrap_or("none");
    redraw(key, Some(&format!("relationship-{value}")));
}

/// The person opened "More": rebuild the panel with everything in it.
fn show_everything(key: &str) {
    with_state(|state| state.cards.entry(key.to_string()).or_default().full = true);
    redraw(key, Some("relationship-none"));
}

fn set_collapsed(key: &str, collapsed: bool) {
    with_state(|state| state.cards.entry(key.to_string()).or_default().collapsed = Some(collapsed));
}

/// Keeps an edited reply for as long as the page is open.
fn remember_edit(key: &str, template_id: &str, text: String) {
    with_state(|state| {
        state
            .cards
            .entry(key.to_string())
            .or_default()
            .edits
            .insert(template_id.to_string(), text);
    });
}

/// Saves an edited reply as a new template of the person's own (see
/// [`keeping::save_as_template`]).
fn save_as_template(
    key: &str,
    template_id: &str,
    text: &str,
    done: Box<dyn FnOnce(Result<(), String>)>,
) {
    let invitation =
        with_state(|state| state.cards.get(key).map(|c| c.invitation.clone())).flatten();
    keeping::save_as_template::<Content>(invitation, template_id, text, done);
}
