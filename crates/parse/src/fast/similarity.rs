//! The selector's similarity: one sentence's sparse vector against many,
//! spread once over a dense array so that each comparison is one pass over
//! the other vector's terms instead of a merge join of two.
//! Plain twin: merge joins of the two sorted vectors for the dot product and
//! for the shared terms (test `similarities_agree_with_merge_joins`).

/// For the sparse vector `a` (sorted by term, weights non-zero) and each
/// `(j, b)` of `others`, call `f(j, dot, containment)`: `dot` is the dot
/// product of `a` and `b` (their cosine for unit vectors), `containment` the
/// share of the shorter vector's terms that the other has too (0 when one is
/// empty).
///
/// `dense` is scratch space, longer than the largest term id, all zeros; it
/// is left all zeros. Terms are summed in `b`'s order, so `dot` equals the
/// merge join's sum exactly.
///
/// ```
/// let a = [(0, 0.6), (2, 0.8)];
/// let b = [(1, 0.6), (2, 0.8)];
/// let mut dense = vec![0.0; 3];
/// let mut got = Vec::new();
/// attache_parse::fast::similarities(&a, [(7, &b[..])], &mut dense, |j, dot, c| got.push((j, dot, c)));
/// assert_eq!(got, [(7, 0.8 * 0.8, 0.5)]);
/// assert!(dense.iter().all(|&x| x == 0.0));
/// ```
#[inline]
pub fn similarities<'v>(
    a: &[(u32, f32)],
    others: impl IntoIterator<Item = (usize, &'v [(u32, f32)])>,
    dense: &mut [f32],
    mut f: impl FnMut(usize, f32, f32),
) {
    for &(t, w) in a {
        dense[t as usize] = w;
    }
    for (j, b) in others {
        let (mut dot, mut common) = (0.0f32, 0usize);
        for &(t, w) in b {
            let v = dense[t as usize];
            if v != 0.0 {
                dot += w * v;
                common += 1;
            }
        }
        let shorter = a.len().min(b.len());
        f(j, dot, if shorter == 0 { 0.0 } else { common as f32 / shorter as f32 });
    }
    for &(t, _) in a {
        dense[t as usize] = 0.0;
    }
}
