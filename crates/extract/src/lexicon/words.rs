//! The word lists of the rules and their bit flags: speech and government
//! verbs, pronouns, organisation and place heads, connectors, future and
//! event words, months, weekdays, titles and honorifics (`data/titles.txt`),
//! stopwords; and the given names of `data/given_names.txt`.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::data_lines;

const TITLES: &str = include_str!("../../data/titles.txt");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");

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
    /// First words of storm names: "Hurricane Mitch", "Typhoon Haiyan".
    pub(crate) const STORM: u32 = 1 << 20;
    /// Words a sourcing rule starts from (`crate::sourcing`): attribution
    /// verbs, hedges, "according", "anonymity", "state", "official".
    pub(crate) const SOURCE_CUE: u32 = 1 << 21;
    /// Words a what-next cue starts from (`crate::next`), stopwords aside:
    /// "plans", "expected", "upcoming", "hope".
    pub(crate) const NEXT_CUE: u32 = 1 << 22;
    /// The cue flags: they say which rule reads a word, not what the word
    /// is, so the name rules ignore them (`Tok::known`).
    pub(crate) const CUES: u32 = SOURCE_CUE | NEXT_CUE | STANCE;
    /// Verbs by which an actor takes a position (`crate::positions`).
    pub(crate) const STANCE: u32 = 1 << 23;
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
    energy petroleum oil airways railways fc watch rights telecom securities";

const ORG_STARTS: &str = "ministry department university bank council institute committee commission \
    federation association office agency board court college school house church national royal";

const LOC_HEADS: &str = "mosque cathedral temple palace dam river sea ocean strait straits island islands mountains mountain hills valley \
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
    southern former ex pro anti whether either neither mostly much well why aboard amid beyond";

const MONTHS: &str = "january february march april may june july august september october november december \
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.";

const WEEKDAYS: &str = "monday tuesday wednesday thursday friday saturday sunday";

const MISC_HEADS: &str = "cup championship championships open games olympics war treaty accord accords \
    agreement award prize grand prix tournament series trophy festival act acts bill plan programme \
    program summit conference covenant charter constitution doctrine initiative revolution uprising \
    day channel average index";

const STORM_WORDS: &str = "hurricane typhoon cyclone storm tropical";

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
    add(STORM_WORDS, w::STORM);
    add(crate::next::CUE_WORDS, w::NEXT_CUE);
    add(crate::positions::STANCE_VERBS, w::STANCE);
    for words in crate::sourcing::CUE_WORDS {
        add(words, w::SOURCE_CUE);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::flags;

    #[test]
    fn lexicon_flags() {
        assert_ne!(flags("Said") & w::SPEECH, 0);
        assert_ne!(flags("minister") & w::TITLE_HEAD, 0);
        assert_ne!(flags("Mr") & w::HONORIFIC, 0);
        assert_eq!(flags("Jaishankar"), 0);
    }
}
