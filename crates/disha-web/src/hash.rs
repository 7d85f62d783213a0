//! The one fingerprint function: FNV-1a, stable across builds and dependency-free. Used for ETags and the
//! stylesheet's cache-busting URL, where a collision only costs a needless re-download.

/// FNV-1a over the given byte slices, as if they were concatenated.
#[must_use]
pub fn fnv1a<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    parts
        .into_iter()
        .flatten()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn matches_the_published_test_vector() {
        assert_eq!(super::fnv1a([&b"a"[..]]), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(
            super::fnv1a([&b"fo"[..], &b"o"[..]]),
            super::fnv1a([&b"foo"[..]])
        );
    }
}
