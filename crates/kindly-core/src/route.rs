//! Where Kindly works. The content script is injected on every LinkedIn page
//! (LinkedIn navigates in-app, so narrower match patterns miss arrivals) and
//! asks this module, on every navigation, whether the path is one it serves.

/// What a LinkedIn path is, for Kindly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Received invitations (any filter): panels go here.
    Received,
    /// Invitations the user sent: nothing to answer, no panels.
    Sent,
    /// Any other page: Kindly stays idle.
    Elsewhere,
}

/// Classifies `location.pathname`.
pub fn classify(path: &str) -> Route {
    let Some(rest) = path.strip_prefix("/mynetwork/invitation-manager") else {
        return Route::Elsewhere;
    };
    if !(rest.is_empty() || rest.starts_with('/')) {
        return Route::Elsewhere; // e.g. "/mynetwork/invitation-managerX"
    }
    let first = rest.trim_start_matches('/').split('/').next().unwrap_or("");
    if first.eq_ignore_ascii_case("sent") {
        Route::Sent
    } else {
        Route::Received
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let cases = [
            ("/mynetwork/invitation-manager/", Route::Received),
            ("/mynetwork/invitation-manager", Route::Received),
            ("/mynetwork/invitation-manager/received/", Route::Received),
            (
                "/mynetwork/invitation-manager/received/PEOPLE_WITH_MUTUAL_SCHOOL/",
                Route::Received,
            ),
            ("/mynetwork/invitation-manager/sent/", Route::Sent),
            (
                "/mynetwork/invitation-manager/sent/ORGANIZATION/",
                Route::Sent,
            ),
            ("/mynetwork/invitation-managerx/", Route::Elsewhere),
            ("/mynetwork/", Route::Elsewhere),
            ("/feed/", Route::Elsewhere),
            ("", Route::Elsewhere),
        ];
        for (path, want) in cases {
            assert_eq!(classify(path), want, "{path}");
        }
    }
}
