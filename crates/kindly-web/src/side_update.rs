//! What the content script tells the side panel about its page: the one
//! message the two share (sent as JSON text over the side panel's port).

use kindly_core::Invitation;
use serde::{Deserialize, Serialize};

/// The port's name: the side panel connects with it (`chrome.tabs.connect`).
pub const PORT_NAME: &str = "kindly-side";

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SideUpdate {
    /// Kindly shows beside this page (else its panels are in the page, and
    /// the list stays empty).
    pub beside: bool,
    /// The invitations' keys, in the page's order.
    pub order: Vec<String>,
    /// Invitations read since the last update: new ones, and ones read
    /// again (the page re-rendered their card).
    pub cards: Vec<Invitation>,
    /// The keys of the cards on screen.
    pub visible: Vec<String>,
}
