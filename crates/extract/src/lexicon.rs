//! Word lists and gazetteers, compiled into the binary from `data/` and
//! built once on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const COUNTRIES: &str = include_str!("../data/countries.txt");
const COMBINING: &str = include_str!("../data/combining.txt");
const ORGANISATIONS: &str = include_str!("../data/organisations.txt");
const PLACES: &str = include_str!("../data/places.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
const ADJECTIVES: &str = include_str!("../data/adjectives.txt");
const PEOPLE: &str = include_str!("../data/people.txt");

/// One country of the gazetteer.
#[derive(Debug)]
pub(crate) struct Country {
    pub(crate) name: &'static str,
}

/// What a gazetteer surface form names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GazKind {
    /// A country name or alias.
    Country(u16),
    /// A demonym or adjective of a country ("Chinese").
    Demonym(u16),
    /// A capital city, which may stand for its government ("Tokyo said").
    Capital(u16),
    /// An organisation (index into `orgs`).
    Org(u16),
    /// A place that is not a country (index into `places`).
    Place(u16),
    /// An adjective or group noun naming no single country ("Kurdish", "Olympic").
    Adjective,
    /// A well-known person (index into `people`).
    Person(u16),
}

/// The gazetteer: every surface form in one Aho–Corasick automaton.
pub(crate) struct Gazetteer {
    pub(crate) countries: Vec<Country>,
    pub(crate) orgs: Vec<&'static str>,
    pub(crate) places: Vec<&'static str>,
    /// Well-known people's full names.
    pub(crate) people: Vec<&'static str>,
    /// Unambiguous surnames of well-known people.
    pub(crate) famous: rustc_hash::FxHashMap<&'static str, u16>,
    pub(crate) ac: AhoCorasick,
    /// Per pattern: its surface form and what it names.
    pub(crate) patterns: Vec<(&'static str, GazKind)>,
    /// Combining forms and country names/demonyms for hyphenated compounds, by exact surface.
    pub(crate) compound_parts: rustc_hash::FxHashMap<&'static str, u16>,
    /// Packed first words of every pattern: a token whose packed form is not here starts no match.
    pub(crate) first_words: WordTable,
}

impl Gazetteer {
    /// Can a gazetteer name start with this token? (Non-ASCII and long tokens: maybe.)
    #[inline]
    pub(crate) fn may_start(&self, token: &str) -> bool {
        pack(token.as_bytes()).is_none_or(|p| self.first_words.get(p) != 0)
    }
}

fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn split_list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// The built gazetteer.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut countries = Vec::new();
    let mut patterns: Vec<(&'static str, GazKind)> = Vec::new();
    let mut seen: HashMap<&'static str, usize> = HashMap::new();
    let mut compound_parts = rustc_hash::FxHashMap::default();
    let mut push = |patterns: &mut Vec<(&'static str, GazKind)>, s: &'static str, k: GazKind| {
        // The first kind given for a surface wins (countries before capitals).
        if !seen.contains_key(s) {
            seen.insert(s, patterns.len());
            patterns.push((s, k));
        }
    };
    let mut demonyms = Vec::new();
    let mut capitals = Vec::new();
    for line in data_lines(COUNTRIES) {
        let f: Vec<&'static str> = line.split('|').collect();
        let id = countries.len() as u16;
        countries.push(Country { name: f[1] });
        push(&mut patterns, f[1], GazKind::Country(id));
        compound_parts.insert(f[1], id);
        for a in split_list(f.get(2).copied().unwrap_or("")) {
            push(&mut patterns, a, GazKind::Country(id));
            compound_parts.insert(a, id);
        }
        for d in split_list(f.get(3).copied().unwrap_or("")) {
            demonyms.push((d, id));
            compound_parts.entry(d).or_insert(id);
        }
        for c in split_list(f.get(4).copied().unwrap_or("")) {
            capitals.push((c, id));
        }
    }
    for (d, id) in demonyms {
        push(&mut patterns, d, GazKind::Demonym(id));
        // Plural nouns for people: Americans, Britons, Germans.
        if !d.ends_with("ese")
            && !d.ends_with("sh")
            && !d.ends_with("ch")
            && !d.ends_with('s')
            && !d.ends_with("ss")
        {
            let plural: &'static str = Box::leak(format!("{d}s").into_boxed_str());
            push(&mut patterns, plural, GazKind::Demonym(id));
        }
    }
    let mut orgs = Vec::new();
    for line in data_lines(ORGANISATIONS) {
        let mut f = line.split('|');
        let name = f.next().unwrap_or("").trim();
        let id = orgs.len() as u16;
        orgs.push(name);
        push(&mut patterns, name, GazKind::Org(id));
        for a in split_list(f.next().unwrap_or("")) {
            push(&mut patterns, a, GazKind::Org(id));
        }
    }
    let mut places = Vec::new();
    for line in data_lines(PLACES) {
        let name = line.split('|').next().unwrap_or("").trim();
        let id = places.len() as u16;
        places.push(name);
        push(&mut patterns, name, GazKind::Place(id));
    }
    for (c, id) in capitals {
        push(&mut patterns, c, GazKind::Capital(id));
    }
    for a in data_lines(ADJECTIVES) {
        push(&mut patterns, a, GazKind::Adjective);
        if !a.ends_with('s') && !a.ends_with("ic") && !a.ends_with("ish") {
            let plural: &'static str = Box::leak(format!("{a}s").into_boxed_str());
            push(&mut patterns, plural, GazKind::Adjective);
        }
    }
    let mut people = Vec::new();
    let mut famous: rustc_hash::FxHashMap<&'static str, u16> = rustc_hash::FxHashMap::default();
    let mut ambiguous = Vec::new();
    for line in data_lines(PEOPLE) {
        let name = line.split('|').next().unwrap_or("").trim();
        let id = people.len() as u16;
        people.push(name);
        push(&mut patterns, name, GazKind::Person(id));
        let words: Vec<&'static str> = name.split(' ').filter(|w| !w.ends_with('.')).collect();
        let mut keys = vec![*words.last().unwrap_or(&name)];
        if words.len() > 1 && !GIVEN.contains(words[0]) {
            keys.push(words[0]);
        }
        for k in keys {
            if famous.insert(k, id).is_some_and(|old| people[old as usize] != name) {
                ambiguous.push(k);
            }
        }
    }
    for k in ambiguous {
        famous.remove(k);
    }
    for line in data_lines(COMBINING) {
        let mut f = line.split('|');
        let form = f.next().unwrap_or("").trim();
        let code = f.next().unwrap_or("").trim();
        if let Some(id) = country_by_code(code) {
            compound_parts.insert(form, id);
        }
    }
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .start_kind(aho_corasick::StartKind::Anchored)
        .build(patterns.iter().map(|p| p.0))
        .expect("gazetteer automaton builds");
    let mut first_words = Vec::new();
    for (p, _) in &patterns {
        for cut in [&[' ', ','][..], &[' ', ',', '\'', '’'][..]] {
            let w = p.split(cut).next().unwrap_or(p);
            if let Some(k) = pack(w.as_bytes()) {
                first_words.push((k, 1));
            }
        }
    }
    let first_words = WordTable::new(first_words);
    Gazetteer { countries, orgs, places, people, famous, ac, patterns, compound_parts, first_words }
});

fn country_by_code(code: &str) -> Option<u16> {
    data_lines(COUNTRIES).position(|l| l.split('|').next() == Some(code)).map(|i| i as u16)
}

/// Bit flags of a lower-cased word in the lexicon.
pub(crate) mod w {
    pub(crate) const STOP: u32 = 1;
    pub(crate) const TITLE_HEAD: u32 = 1 << 1;
    pub(crate) const TITLE_MOD: u32 = 1 << 2;
    pub(crate) const HONORIFIC: u32 = 1 << 3;
    pub(crate) const SPEECH: u32 = 1 << 4;
    pub(crate) const PRONOUN_PER: u32 = 1 << 5;
    pub(crate) const PRONOUN_GRP: u32 = 1 << 6;
    pub(crate) const ORG_HEAD: u32 = 1 << 7;
    pub(crate) const LOC_HEAD: u32 = 1 << 8;
    pub(crate) const LOC_PREP: u32 = 1 << 9;
    pub(crate) const CONNECTOR: u32 = 1 << 10;
    pub(crate) const GOV_VERB: u32 = 1 << 11;
    pub(crate) const FUTURE: u32 = 1 << 12;
    pub(crate) const EVENT: u32 = 1 << 13;
    pub(crate) const COMMON_START: u32 = 1 << 14;
    pub(crate) const ORG_START: u32 = 1 << 15;
    pub(crate) const LOC_START: u32 = 1 << 16;
    pub(crate) const MONTH: u32 = 1 << 17;
    pub(crate) const WEEKDAY: u32 = 1 << 18;
    pub(crate) const MISC_HEAD: u32 = 1 << 19;
}

const SPEECH_VERBS: &str = "say says said saying told tell tells telling added adds adding stressed stresses \
    emphasised emphasized emphasises emphasizes noted notes warned warns explained explains argued argues \
    insisted insists asked asks replied replies responded responds continued continues wrote writes \
    tweeted tweets declared declares stated states announced acknowledged admitted admits claimed claims \
    complained recalled recalls suggested suggests urged urges observed remarked joked quipped conceded \
    cautioned predicted reported reports mused added countered recounted vowed pledged promised \
    contended maintained agreed thundered shouted yelled answered blasted boasted bragged \
    concluded announced posted wrote alleged charged reacted fumed exclaimed lamented pointed \
    snapped scoffed retorted chided tweeted read reads assured pressed interjected chanted opined \
    demurred insisted mocked demanded commented asking adding noting arguing writing tweeting warning \
    explaining insisting claiming declaring asserting asserted stating replying responding recalling \
    joking urging suggesting acknowledging admitting conceding";

const GOV_VERBS: &str = "said says welcomed welcomes rejected rejects accused accuses warned warns wants \
    want has have had is was were are will would denied denies insisted insists responded condemned \
    condemns protested announced summoned agreed agree signed sees see argues argue urged urges called \
    calls demanded demands backed backs opposed opposes hopes hoped fears feared vowed threatened \
    imposed imposes expelled recalled sent sends criticised criticized blamed blames expects expected \
    plans planned refused refuses sought seeks offered offers pledged";

const PRONOUNS_PER: &str = "he she";
const PRONOUNS_GRP: &str = "they it we";

const ORG_HEADS: &str = "ministry ministries department office council committee commission agency \
    bank university college institute institution foundation fund federation association union \
    party parliament assembly congress senate court tribunal authority board bureau service services \
    corporation corp corp. inc inc. ltd ltd. plc co co. group company airlines airline holdings \
    club united rovers wanderers athletic city county team society organisation organization \
    league army navy force forces guard police cabinet government administration embassy consulate \
    mission centre center press news times post journal herald tribune telegraph daily agency \
    exchange church network alliance coalition movement front brigade brigades secretariat \
    academy school hospital reserve trust partners capital motors industries systems technologies \
    energy petroleum oil airways railways fc";

const ORG_STARTS: &str = "ministry department university bank council institute committee commission \
    federation association office agency board court college school house church national royal";

const LOC_HEADS: &str = "river sea ocean strait straits island islands mountains mountain hills valley \
    province region peninsula desert canal gulf bay lake coast street avenue square road stadium \
    airport park bridge state county district oblast prefecture basin plateau heights shoal \
    shoals reef reefs atoll cay archipelago";

const LOC_STARTS: &str = "mount lake gulf port fort cape isle";

const LOC_PREPS: &str = "in at near from to across outside inside into toward towards via around through";

const CONNECTORS: &str = "of de du da van von der den la le al bin ibn del des y and &";

const FUTURE_WORDS: &str = "will shall 'll plans plan planned planning expected expects scheduled due \
    set intends intend aims upcoming next later forthcoming tomorrow";

const EVENT_WORDS: &str = "meeting meetings meet visit visits talks summit summits vote votes voting \
    election elections referendum deadline conference session negotiations hearing trial ceremony \
    deadline visit tour consultations ballot deliberations";

const COMMON_STARTS: &str = "the a an but and or so yet in on at for with after before despite during \
    while when if as though although because since until however meanwhile also still then there \
    this that these those it its he she they we i you his her their our my your what which who whom \
    where why how all some many most several few both each every no not never one two three four \
    five six seven eight nine ten first last next new other another such more less only even just \
    here now today yesterday tomorrow earlier later under over about against between among from by \
    to into through without within officials analysts critics experts diplomats observers \
    sources police troops residents witnesses asked speaking according following separately \
    meanwhile instead indeed yes no mr mrs ms dr sir please thank thanks let don't we're it's \
    that's there's nothing something everything everyone anyone someone asked like unlike once \
    again perhaps maybe overall elsewhere earlier above below further western eastern northern \
    southern former ex pro anti whether either neither mostly much well why";

const MONTHS: &str = "january february march april may june july august september october november december \
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.";

const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";

const MISC_HEADS: &str = "cup championship championships open games olympics war treaty accord accords \
    agreement award prize grand prix tournament series trophy festival";

/// FNV-1a: word lookups hash short strings, where SipHash's set-up dominates.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

/// Builds [`Fnv`] hashers.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Flags of every known lower-cased word.
pub(crate) static LEXICON: LazyLock<HashMap<&'static str, u32, FnvBuild>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, u32, FnvBuild> = HashMap::default();
    let mut add = |words: &'static str, f: u32| {
        for x in words.split_whitespace() {
            *m.entry(x).or_default() |= f;
        }
    };
    add(SPEECH_VERBS, w::SPEECH);
    add(GOV_VERBS, w::GOV_VERB);
    add(PRONOUNS_PER, w::PRONOUN_PER);
    add(PRONOUNS_GRP, w::PRONOUN_GRP);
    add(ORG_HEADS, w::ORG_HEAD);
    add(ORG_STARTS, w::ORG_START);
    add(LOC_HEADS, w::LOC_HEAD);
    add(LOC_STARTS, w::LOC_START);
    add(LOC_PREPS, w::LOC_PREP);
    add(CONNECTORS, w::CONNECTOR);
    add(FUTURE_WORDS, w::FUTURE);
    add(EVENT_WORDS, w::EVENT);
    add(COMMON_STARTS, w::COMMON_START);
    add(MONTHS, w::MONTH);
    add(WEEKDAYS, w::WEEKDAY);
    add(MISC_HEADS, w::MISC_HEAD);
    for line in data_lines(TITLES) {
        let mut f = line.split('|');
        let word = f.next().unwrap_or("").trim();
        let flag = match f.next().unwrap_or("").trim() {
            "head" => w::TITLE_HEAD,
            "mod" => w::TITLE_MOD,
            _ => w::HONORIFIC,
        };
        *m.entry(word).or_default() |= flag;
    }
    for word in attache_stopwords() {
        *m.entry(word).or_default() |= w::STOP;
    }
    m
});

fn attache_stopwords() -> impl Iterator<Item = &'static str> {
    // The parse crate's list is behind a predicate; the words that matter for
    // entity boundaries are function words, listed in COMMON_STARTS and here.
    "a an the and or but if of at by for with about against between into through during before after \
     above below to from up down in out on off over under again further then once here there when where \
     why how all any both each few more most other some such no nor not only own same so than too very \
     can will just should now is are was were be been being have has had do does did i me my we our you \
     your he him his she her it its they them their what which who whom this that these those am"
        .split_whitespace()
}

/// Given names (case-sensitive, as written in `data/given_names.txt`).
pub(crate) static GIVEN: LazyLock<std::collections::HashSet<&'static str, FnvBuild>> =
    LazyLock::new(|| data_lines(GIVEN_NAMES).collect());

/// The lexicon keyed by lower-cased ASCII words of up to 16 bytes packed into a `u128`:
/// one multiply-hash probe per token, no string building.
static PACKED: LazyLock<WordTable> =
    LazyLock::new(|| WordTable::new(LEXICON.iter().filter_map(|(k, &v)| pack(k.as_bytes()).map(|p| (p, v)))));

/// An open-addressing table from packed words (see [`pack`]) to flags. The empty word packs
/// to 0, which marks a free slot; it is never a key.
pub(crate) struct WordTable {
    keys: Box<[u128]>,
    vals: Box<[u32]>,
    shift: u32,
}

impl WordTable {
    /// A table holding `items`; a later duplicate key overwrites an earlier one.
    pub(crate) fn new(items: impl IntoIterator<Item = (u128, u32)>) -> WordTable {
        let items: Vec<(u128, u32)> = items.into_iter().filter(|&(k, _)| k != 0).collect();
        // At most a quarter full: probes stay short.
        let bits = (items.len().max(1) * 4).next_power_of_two().trailing_zeros().max(4);
        let size = 1usize << bits;
        let mut t = WordTable {
            keys: vec![0; size].into_boxed_slice(),
            vals: vec![0; size].into_boxed_slice(),
            shift: 64 - bits,
        };
        for (k, v) in items {
            let mut i = t.slot(k);
            while t.keys[i] != 0 && t.keys[i] != k {
                i = (i + 1) & (size - 1);
            }
            t.keys[i] = k;
            t.vals[i] = v;
        }
        t
    }

    #[inline]
    fn slot(&self, k: u128) -> usize {
        let lo = k as u64;
        let hi = (k >> 64) as u64;
        ((lo ^ hi.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value stored for `k`, or 0.
    #[inline]
    pub(crate) fn get(&self, k: u128) -> u32 {
        let mask = self.keys.len() - 1;
        let mut i = self.slot(k);
        loop {
            let kk = self.keys[i];
            if kk == k {
                return self.vals[i];
            }
            if kk == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A set of ASCII words, matched ignoring ASCII case (as `eq_ignore_ascii_case` against each).
pub(crate) struct WordSet(WordTable);

impl WordSet {
    /// The set of the white-space separated `words` (each ASCII, at most 16 bytes).
    pub(crate) fn new(words: &str) -> WordSet {
        WordSet(WordTable::new(words.split_whitespace().map(|w| {
            assert!(w.len() <= 16 && w.is_ascii(), "word sets hold short ASCII words: {w}");
            (pack(w.as_bytes()).unwrap_or(0), 1)
        })))
    }

    /// Does the set hold `word`, ignoring ASCII case?
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        pack(word.as_bytes()).is_some_and(|p| self.0.get(p) != 0)
    }
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Lower-case the ASCII bytes of `x` (eight at a time; no byte may have its high bit set).
#[inline]
fn lower8(x: u64) -> u64 {
    // Per byte b < 0x80: b + 0x3f sets the high bit iff b >= b'A'; b + 0x25 iff b > b'Z'.
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | ((ge_a & !gt_z & HIGH) >> 2)
}

/// Up to 16 bytes as two little-endian words, zero-padded, without a copy loop.
#[inline]
fn load16(b: &[u8]) -> (u64, u64) {
    let n = b.len();
    let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as u64;
    let u64_at = |i: usize| {
        u64::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]])
    };
    match n {
        0 => (0, 0),
        1..=3 => {
            let v = b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1));
            (v, 0)
        }
        4..=7 => (u32_at(0) | u32_at(n - 4) << (8 * (n - 4)), 0),
        8 => (u64_at(0), 0),
        _ => (u64_at(0), u64_at(n - 8) >> (8 * (16 - n))),
    }
}

/// Lower-cased ASCII bytes of up to 16 bytes packed into a `u128`.
#[inline]
pub(crate) fn pack(b: &[u8]) -> Option<u128> {
    if b.len() > 16 {
        return None;
    }
    let (lo, hi) = load16(b);
    if (lo | hi) & HIGH != 0 {
        return None;
    }
    Some(lower8(lo) as u128 | (lower8(hi) as u128) << 64)
}

/// Flags of a word, looked up case-insensitively without allocating.
#[inline]
pub(crate) fn flags(word: &str) -> u32 {
    let b = word.as_bytes();
    if let Some(p) = pack(b) {
        return PACKED.get(p);
    }
    flags_slow(word)
}

/// The packed lexicon, for [`word_flags`].
#[inline]
pub(crate) fn packed() -> &'static WordTable {
    &PACKED
}

/// Flags of the tokenizer's word `text[s..e]`, as [`flags`] gives them. When 16 bytes can be
/// read from `s` on, the word is loaded in two machine words and lower-cased by setting bit
/// 0x20 of every byte: right for the bytes a word holds (ASCII letters and digits, `-`, `.`,
/// `'`, `&`, `$`), which is why this is for the tokenizer only.
#[inline(always)]
pub(crate) fn word_flags(table: &WordTable, text: &str, s: usize, e: usize) -> u32 {
    let b = text.as_bytes();
    let n = e - s;
    if n <= 16
        && let Some(w16) = b.get(s..s + 16)
    {
        let (mlo, mhi) = MASKS[n];
        let lo = u64::from_le_bytes(w16[..8].try_into().unwrap_or_default()) & mlo;
        let hi = u64::from_le_bytes(w16[8..].try_into().unwrap_or_default()) & mhi;
        if (lo | hi) & HIGH == 0 {
            const CASE: u64 = 0x2020_2020_2020_2020;
            return table.get(((lo | CASE) & mlo) as u128 | (((hi | CASE) & mhi) as u128) << 64);
        }
    }
    flags(&text[s..e])
}

/// Per length 0..=16: masks keeping that many low bytes of two little-endian words.
const MASKS: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut n = 1;
    while n <= 16 {
        t[n] = if n < 8 {
            ((1u64 << (8 * n)) - 1, 0)
        } else if n < 16 {
            (u64::MAX, (1u64 << (8 * (n - 8))) - 1)
        } else {
            (u64::MAX, u64::MAX)
        };
        n += 1;
    }
    t
};

/// Flags of words that do not pack: longer than 16 bytes or not ASCII.
#[cold]
fn flags_slow(word: &str) -> u32 {
    let b = word.as_bytes();
    if b.is_ascii() {
        // Longer words ("secretary-general").
        return LEXICON.get(word.to_ascii_lowercase().as_str()).copied().unwrap_or(0);
    }
    if word.contains('’') {
        LEXICON.get(word.to_lowercase().replace('’', "'").as_str()).copied().unwrap_or(0)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads_every_kind() {
        let g = &*GAZETTEER;
        assert!(g.countries.len() > 190);
        let kind = |s: &str| g.patterns.iter().find(|p| p.0 == s).map(|p| p.1);
        assert!(matches!(kind("China"), Some(GazKind::Country(_))));
        assert!(matches!(kind("Chinese"), Some(GazKind::Demonym(_))));
        assert!(matches!(kind("Americans"), Some(GazKind::Demonym(_))));
        assert!(matches!(kind("Tokyo"), Some(GazKind::Capital(_))));
        assert!(matches!(kind("ASEAN"), Some(GazKind::Org(_))));
        assert!(matches!(kind("Indo-Pacific"), Some(GazKind::Place(_))));
        assert!(g.compound_parts.contains_key("Franco"));
    }

    #[test]
    fn lexicon_flags() {
        assert_ne!(flags("Said") & w::SPEECH, 0);
        assert_ne!(flags("minister") & w::TITLE_HEAD, 0);
        assert_ne!(flags("Mr") & w::HONORIFIC, 0);
        assert_eq!(flags("Jaishankar"), 0);
    }

    #[test]
    fn packing_lower_cases_ascii_only() {
        let reference = |b: &[u8]| -> Option<u128> {
            if b.len() > 16 || !b.is_ascii() {
                return None;
            }
            let mut buf = [0u8; 16];
            buf[..b.len()].copy_from_slice(b);
            buf.make_ascii_lowercase();
            Some(u128::from_le_bytes(buf))
        };
        // Every byte value in every position of every length.
        for n in 0..=17usize {
            for pos in 0..n.max(1) {
                for v in 0..=255u8 {
                    let mut b: Vec<u8> = (0..n).map(|k| b"aZ@[`{09-."[k % 10]).collect();
                    if n > 0 {
                        b[pos] = v;
                    }
                    assert_eq!(pack(&b), reference(&b), "{b:?}");
                }
            }
        }
        // In place, with 16 bytes to read or fewer.
        let text = "Said the MINISTER, Secretary-General. Mr";
        for (s, e) in [(0, 4), (9, 17), (19, 36), (38, 40), (39, 40), (4, 4), (0, 8), (0, 16), (19, 37)] {
            assert_eq!(word_flags(packed(), text, s, e), flags(&text[s..e]), "{}", &text[s..e]);
        }
        assert_ne!(word_flags(packed(), text, 19, 36) & w::TITLE_HEAD, 0);
        assert_ne!(word_flags(packed(), text, 38, 40) & w::HONORIFIC, 0);
    }
}
