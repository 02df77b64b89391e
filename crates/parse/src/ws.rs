//! White space: the crate's readers import [`words`], [`count_words`] and
//! [`collapse_ws`] from here; they live with the other byte-level fast paths
//! in [`crate::fast`] (module `space`), next to their agreement tests.

pub(crate) use crate::fast::{collapse_ws, count_words, words};
