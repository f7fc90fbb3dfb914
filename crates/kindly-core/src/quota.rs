//! When the storage quota is worth a word: at 80 % of it or more the popup
//! says how full it is and offers an export and pruning. Figures are whole
//! numbers formatted by hand: float formatting would add its code to the
//! WASM (about 16 KB, measured).

/// The share of the quota at which the popup speaks up, in percent.
pub const WARN_AT_PERCENT: u64 = 80;

/// What the popup says about a quota `used` bytes full of `quota`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaWarning {
    /// How full, in whole percent, rounded down.
    pub percent: u64,
    /// Bytes used, in megabytes with one decimal ("8.4 MB").
    pub used: String,
    /// The quota, the same way.
    pub quota: String,
}

/// The warning for `used` of `quota` bytes, when it is due.
pub fn warning(used: u64, quota: u64) -> Option<QuotaWarning> {
    if quota == 0 || used.saturating_mul(100) < quota.saturating_mul(WARN_AT_PERCENT) {
        return None;
    }
    Some(QuotaWarning {
        percent: used.saturating_mul(100) / quota,
        used: megabytes(used),
        quota: megabytes(quota),
    })
}

/// `bytes` in megabytes (MiB), to the nearest tenth.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes.saturating_mul(10) + 524_288) / 1_048_576;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1_048_576;

    #[test]
    fn speaks_from_eighty_percent() {
        assert_eq!(warning(8 * MB - 1, 10 * MB), None);
        let w = warning(8 * MB, 10 * MB).unwrap();
        assert_eq!(
            (w.percent, w.used.as_str(), w.quota.as_str()),
            (80, "8.0 MB", "10.0 MB")
        );
        assert_eq!(warning(10 * MB, 10 * MB).unwrap().percent, 100);
        assert_eq!(warning(5, 0), None, "no quota known");
    }

    #[test]
    fn megabytes_round_to_a_tenth() {
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(MB + MB / 20 + 1), "1.1 MB");
        assert_eq!(megabytes(MB + MB / 20), "1.0 MB");
    }
}
