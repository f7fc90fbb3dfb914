//! The one owner of `chrome.storage.local` on the web side. It moves raw
//! entries (key → JSON string) in and out; what they mean, how they migrate
//! and what is damaged is decided by `kindly_core::store`. Failures (quota,
//! a missing API) come back as plain-language errors for the UI to show.

use crate::chrome;
#[cfg(feature = "popup")]
use kindly_core::advice::Companies;
use kindly_core::store;
#[cfg(feature = "popup")]
use kindly_core::store::Loaded;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Reads every entry. Non-string values (written by hand or by a future
/// Kindly) are handed over as their JSON text so the loader can judge them.
/// The popup's and the worker's; the content script reads by key, except
/// on a complete Sent list, where every invitation remembered is needed
/// (see `outgoing`).
pub async fn read_all() -> Result<Vec<(String, String)>, String> {
    read_entries(chrome::storage_get(&JsValue::NULL).map_err(describe)?).await
}

/// Reads the entries stored under `keys` (those missing are left out).
pub async fn read_keys<K: AsRef<str>>(keys: &[K]) -> Result<Vec<(String, String)>, String> {
    let list: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k.as_ref())).collect();
    read_entries(chrome::storage_get(&list).map_err(describe)?).await
}

/// The entries of a read of storage (`get(null)` or `get([keys])`).
async fn read_entries(read: js_sys::Promise) -> Result<Vec<(String, String)>, String> {
    let items = JsFuture::from(read).await.map_err(describe)?;
    let mut entries = Vec::new();
    for pair in js_sys::Object::entries(items.unchecked_ref::<js_sys::Object>()).iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        let Some(key) = pair.get(0).as_string() else {
            continue;
        };
        if !store::is_kindly_key(&key) {
            continue;
        }
        let value = pair.get(1);
        let text = match value.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&value)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default(),
        };
        entries.push((key, text));
    }
    Ok(entries)
}

/// Writes entries in one call (atomic per call in Chromium and Firefox).
pub async fn write(entries: &[(String, String)]) -> Result<(), String> {
    set(entries).await.map_err(describe)
}

/// Why a write failed, for a panel to say in the person's language.
#[derive(Debug)]
pub enum WriteFailure {
    /// Storage is full (the browser's quota).
    Full,
    /// Anything else, in words for the console.
    Other(String),
}

/// [`write`], with a failure the panel can name: it resolves only once the
/// browser has the entries (or refused them).
pub async fn write_confirmed(entries: &[(String, String)]) -> Result<(), WriteFailure> {
    set(entries).await.map_err(|err| {
        if is_quota(&error_text(&err)) {
            WriteFailure::Full
        } else {
            WriteFailure::Other(describe(err))
        }
    })
}

async fn set(entries: &[(String, String)]) -> Result<(), JsValue> {
    if entries.is_empty() {
        return Ok(());
    }
    let items = js_sys::Object::new();
    for (key, value) in entries {
        js_sys::Reflect::set(&items, &JsValue::from_str(key), &JsValue::from_str(value))?;
    }
    let promise = chrome::storage_set(&items)?;
    JsFuture::from(promise).await.map(|_| ())
}

pub async fn remove(keys: &[String]) -> Result<(), String> {
    if keys.is_empty() {
        return Ok(());
    }
    let list: js_sys::Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
    let promise = chrome::storage_remove(&list).map_err(describe)?;
    JsFuture::from(promise).await.map(|_| ()).map_err(describe)
}

/// Opens the store: reads, migrates (backup first), sets damaged values
/// aside, and saves the result when that is allowed and needed. Holding
/// every person, it also heals the company index. The popup's, and the
/// background worker's (`open_store`) for the content script.
#[cfg(feature = "popup")]
pub async fn open() -> Result<Loaded, String> {
    let entries = read_entries(chrome::storage_get(&JsValue::NULL).map_err(describe)?).await?;
    let mut loaded = save_repairs(&entries).await?;
    if loaded.may_write() {
        prune_expired(&mut loaded).await?;
        heal_company_index(&entries, &loaded).await?;
    }
    Ok(loaded)
}

/// Removes the history older than the retention setting
/// (`settings.history_days`): people the person wrote nothing about, and
/// settled invitations sent (see `store::prune_history`, `sent::prune`).
/// So history stays bounded without anyone pressing "Prune".
#[cfg(feature = "popup")]
async fn prune_expired(loaded: &mut Loaded) -> Result<(), String> {
    let today = (js_sys::Date::now() / 86_400_000.0).floor() as kindly_core::Day;
    let people = store::prune_history(&mut loaded.data, today);
    let sent = kindly_core::sent::prune(&mut loaded.data, today);
    let keys: Vec<String> = people
        .iter()
        .map(|key| store::person_storage_key(key))
        .chain(sent.iter().map(|key| store::sent_storage_key(key)))
        .collect();
    remove(&keys).await
}

/// How many bytes storage holds (all of it, not only Kindly's: the quota
/// counts everything) and its quota: `QUOTA_BYTES` where the browser says
/// it, else Chromium's 10 MB.
#[cfg(feature = "popup")]
pub async fn usage() -> Result<(f64, f64), String> {
    const CHROMIUM_QUOTA: f64 = 10_485_760.0;
    let promise = chrome::storage_bytes_in_use(&JsValue::NULL).map_err(describe)?;
    let used = JsFuture::from(promise).await.map_err(describe)?;
    let quota = ["chrome", "storage", "local", "QUOTA_BYTES"]
        .iter()
        .try_fold(js_sys::global().into(), |at: JsValue, name| {
            js_sys::Reflect::get(&at, &JsValue::from_str(name)).ok()
        })
        .and_then(|q| q.as_f64())
        .unwrap_or(CHROMIUM_QUOTA);
    Ok((used.as_f64().unwrap_or(0.0), quota))
}

/// Writes the company index's entries that differ from what `loaded` (every
/// person) says, and removes those of companies nobody is filed under.
#[cfg(feature = "popup")]
async fn heal_company_index(entries: &[(String, String)], loaded: &Loaded) -> Result<(), String> {
    let index = Companies::from_data(&loaded.data);
    let stored: std::collections::BTreeMap<&str, &str> = entries
        .iter()
        .filter_map(|(k, v)| Some((store::company_key_of(k)?, v.as_str())))
        .collect();
    let writes: Vec<(String, String)> = index
        .companies()
        .map(|company| store::company_entry(&index, company))
        .filter(|(key, value)| {
            store::company_key_of(key).and_then(|c| stored.get(c)) != Some(&value.as_str())
        })
        .collect();
    let gone: Vec<String> = stored
        .keys()
        .filter(|company| index.members_of(company).is_none())
        .map(|company| store::company_storage_key(company))
        .collect();
    write(&writes).await?;
    remove(&gone).await
}

/// Loads `entries` (the company index left out: it is not part of the
/// layout `load` reads) and saves what it repaired or migrated.
#[cfg(feature = "popup")]
async fn save_repairs(entries: &[(String, String)]) -> Result<Loaded, String> {
    let loaded = load_layout(entries);
    save_loaded(&loaded, entries).await?;
    Ok(loaded)
}

/// `store::load` of `entries`, the company index left out.
#[cfg(feature = "popup")]
fn load_layout(entries: &[(String, String)]) -> Loaded {
    let layout: Vec<(String, String)> = entries
        .iter()
        .filter(|(k, _)| store::company_key_of(k).is_none())
        .cloned()
        .collect();
    store::load(&layout)
}

/// Saves what loading `entries` repaired or migrated (or a new user's
/// defaults).
#[cfg(feature = "popup")]
async fn save_loaded(loaded: &Loaded, entries: &[(String, String)]) -> Result<(), String> {
    let nothing_stored = entries
        .iter()
        .all(|(k, _)| store::company_key_of(k).is_some());
    if loaded.needs_save() || (nothing_stored && loaded.may_write()) {
        write(&loaded.writes()).await?;
        remove(&loaded.remove).await?;
    }
    Ok(())
}

/// The content script's start: `read` is its read of [`store::START_KEYS`]
/// (started before the module was instantiated), taken as it is when the
/// store is at the current schema (see [`store::read_start`]). Otherwise
/// (nothing stored, an older schema, damage) the background worker opens
/// it (`extension/background.js`, [`open`] in the popup's WASM) and it is
/// read again; if the worker cannot, what could be read is used, unwritten.
pub async fn open_start(read: js_sys::Promise) -> Result<store::Start, String> {
    let start = store::read_start(&read_entries(read).await?);
    if !start.needs_opening {
        return Ok(start);
    }
    if let Err(err) = ask_worker_to_open().await {
        web_sys::console::warn_1(&JsValue::from_str(&err));
        return Ok(start);
    }
    Ok(store::read_start(&read_keys(&store::START_KEYS).await?))
}

/// [`open_start`] with a read of the start keys made now (the side panel
/// reads storage itself, without the loader's early read).
#[cfg(feature = "popup")]
pub async fn open_start_now() -> Result<store::Start, String> {
    let keys: js_sys::Array = store::START_KEYS
        .iter()
        .map(|k| JsValue::from_str(k))
        .collect();
    open_start(chrome::storage_get(&keys).map_err(describe)?).await
}

/// Asks the background worker to open the store, and waits for it.
async fn ask_worker_to_open() -> Result<(), String> {
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"kindly".into(), &"store".into()).map_err(describe)?;
    let sent = chrome::runtime_send_message(&message).map_err(describe)?;
    let answer = JsFuture::from(sent).await.map_err(describe)?;
    match js_sys::Reflect::get(&answer, &"error".into())
        .ok()
        .and_then(|e| e.as_string())
    {
        Some(error) => Err(format!("Kindly could not open its storage: {error}")),
        None => Ok(()),
    }
}

/// Calls `listener` with each changed key and its new raw value (`None`
/// when removed) whenever Kindly's storage changes, in this tab, another
/// tab or the popup.
pub fn on_change(mut listener: impl FnMut(Vec<(String, Option<String>)>) + 'static) {
    let callback =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |changes: JsValue, area: JsValue| {
            if area.as_string().as_deref() != Some("local") {
                return;
            }
            let mut changed = Vec::new();
            for pair in js_sys::Object::entries(changes.unchecked_ref::<js_sys::Object>()).iter() {
                let pair: js_sys::Array = pair.unchecked_into();
                let Some(key) = pair.get(0).as_string() else {
                    continue;
                };
                if !store::is_kindly_key(&key) {
                    continue;
                }
                let new_value = js_sys::Reflect::get(&pair.get(1), &JsValue::from_str("newValue"))
                    .ok()
                    .and_then(|v| v.as_string());
                changed.push((key, new_value));
            }
            if !changed.is_empty() {
                listener(changed);
            }
        });
    // Without change events a tab still works; it only misses other tabs'
    // edits until the next page load.
    if let Err(err) = chrome::storage_on_changed(callback.as_ref().unchecked_ref()) {
        web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
    }
    callback.forget(); // lives as long as the page
}

/// A storage failure in words a person can act on.
fn describe(err: JsValue) -> String {
    let text = error_text(&err);
    if is_quota(&text) {
        format!(
            "Kindly's storage is full ({text}). Export your data, then wipe history in the popup."
        )
    } else {
        format!("Kindly could not use its storage: {text}")
    }
}

/// An error's message (a thrown `Error`'s, or a plain string).
fn error_text(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Whether a storage error says the quota is used up (Chromium:
/// "QUOTA_BYTES quota exceeded"; Firefox names the quota too).
fn is_quota(text: &str) -> bool {
    text.to_ascii_lowercase().contains("quota")
}
