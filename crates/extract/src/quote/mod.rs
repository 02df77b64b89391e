//! Quotations and their speakers, by concern:
//!
//! - [`segments`]: quoted segments found from the quotation marks of each paragraph;
//! - [`direct`]: which segments are direct quotes (whole statements) and
//!   which are partial (a phrase quoted inside reported speech);
//! - [`speaker`]: the grammar of a speaker (subject before or after a speech
//!   verb, noun phrases, pronouns resolved to people);
//! - [`attribution`]: where to look for the speaker of each quotation (after it,
//!   before it, a partial quote's reporting verb first), and the fall-backs
//!   across sentences;
//! - [`tail`]: attribution at a sentence's end and names in apposition;
//! - [`describe`]: speakers named by description ("the Cuban leader", "a
//!   statement by the EU") resolved to who the text names, and what is never a
//!   speaker (storms, clause fragments).
//!
//! A quotation is a quoted stretch of three words or more
//! ([`Segment::is_quotation`]); scare quotes and titles are quoted but no
//! quotation. A quote split by "he said" is two quotes of one group.
//!
//! This module holds the context the rules share.

mod attribution;
mod describe;
mod direct;
mod segments;
mod speaker;
mod tail;

use std::ops::Range;
use std::sync::LazyLock;

use crate::entity::{Mention, PersonCluster};
use crate::lexicon::WordSet;
use crate::tok::Tok;

pub(crate) use attribution::attribute;
pub(crate) use segments::{Segment, find_segments};

/// Token index range covering byte range `r` (tokens fully inside).
fn tok_range(toks: &[Tok], r: Range<usize>) -> Range<usize> {
    let a = toks.partition_point(|t| (t.s as usize) < r.start);
    let b = toks.partition_point(|t| (t.e as usize) <= r.end);
    a..b.max(a)
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Speaker {
    /// A mention (index into the mentions).
    Mention(usize),
    /// A noun phrase that is not a named entity ("a spokesman for the ministry").
    Phrase(Range<usize>),
}

/// Attribution context shared by the rules.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    pub(crate) ms: &'a [Mention],
    pub(crate) people: &'a [PersonCluster],
    /// Byte ranges of sentences.
    pub(crate) sents: &'a [Range<usize>],
    /// Byte ranges of quoted segments, marks included.
    pub(crate) quoted: &'a [Range<usize>],
}

const DETERMINERS: &str = "a an the his her their its our one another some many several two three other";
const SPEAKER_NOUNS: &str = "source sources statement aide aides people spokesman spokeswoman spokesperson official officials \
    supporter supporters voter voters campaign report memo letter post tweet ad release email resident residents \
    witness witnesses critic critics analyst analysts expert experts observer observers lawyer lawyers attorney \
    member members friend friends leader leaders adviser advisers advisor advisors staff organizer organizers \
    protester protesters delegate delegates woman man organization organisation group agency ministry \
    government newspaper committee council commission";

static DETERMINER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DETERMINERS));
static SPEAKER_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPEAKER_NOUNS));
/// Auxiliaries and adverbs between a subject and its speech verb: "has said", "also said".
static BEFORE_VERB: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        "has had have also later then again further previously once repeatedly recently would will \
         reportedly quickly back simply publicly privately bluntly flatly forcefully",
    )
});

fn is_determiner(word: &str) -> bool {
    DETERMINER_SET.contains(word)
}
