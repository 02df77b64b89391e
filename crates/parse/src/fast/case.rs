//! Letter case, eight ASCII bytes at a time.
//! Plain twin: `s.chars().any(char::is_uppercase)` (test `uppercase_agrees_with_chars`).

/// Does `s` hold an upper-case letter? Eight ASCII bytes are tested at a
/// time; other characters are decoded.
pub(crate) fn has_uppercase(s: &str) -> bool {
    use super::space::{HI, LO, chunk};
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(x) = chunk(b, i)
            && x & HI == 0
        {
            // For ASCII bytes, `b | 0x80` minus `A` (or `Z` + 1) borrows from
            // no other byte and keeps the high bit exactly when `b >= A` (`b > Z`).
            let ge_a = (x | HI).wrapping_sub(u64::from(b'A') * LO);
            let gt_z = (x | HI).wrapping_sub(u64::from(b'Z' + 1) * LO);
            if ge_a & !gt_z & HI != 0 {
                return true;
            }
            i += 8;
            continue;
        }
        let c = s[i..].chars().next().expect("char boundary");
        if c.is_uppercase() {
            return true;
        }
        i += c.len_utf8();
    }
    false
}
