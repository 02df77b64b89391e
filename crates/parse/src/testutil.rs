//! Helpers for the crate's tests.

/// `count` pseudo-random strings, each of up to `max_pieces - 1` pieces drawn
/// from `alphabet` (xorshift64 from `seed`: the same strings on every run).
pub(crate) fn random_strings(alphabet: &[&str], count: usize, max_pieces: u64, seed: u64) -> Vec<String> {
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let pieces = next() % max_pieces;
            (0..pieces).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect()
        })
        .collect()
}
