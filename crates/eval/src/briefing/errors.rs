//! The errors of one article, for error analysis (`attache eval briefing
//! --per-article OUT` writes one [`ArticleErrors`] per line).

use serde::Serialize;

use super::{BriefingPredQuote, PredNext};

/// Everything one article's briefing got wrong, section by section.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleErrors {
    /// The article id.
    pub id: String,
    /// People, roles and people's countries.
    pub people: PeopleErrors,
    /// Quotes of the briefing JSON.
    pub quotes: QuoteErrors,
    /// Quotes of the extractor alone (`attache extract`), when scored.
    pub extractor_quotes: Option<QuoteErrors>,
    /// Positions.
    pub positions: PositionErrors,
    /// What next.
    pub what_next: NextErrors,
    /// Countries.
    pub countries: CountryErrors,
}

impl ArticleErrors {
    /// No error at all.
    pub fn is_empty(&self) -> bool {
        let ArticleErrors {
            id: _,
            people: p,
            quotes,
            extractor_quotes,
            positions: s,
            what_next: n,
            countries: c,
        } = self;
        p.missed.is_empty()
            && p.false_positives.is_empty()
            && p.wrong_roles.is_empty()
            && p.wrong_countries.is_empty()
            && quotes.is_empty()
            && extractor_quotes.as_ref().is_none_or(QuoteErrors::is_empty)
            && s.missed.is_empty()
            && s.unsupported_points.is_empty()
            && n.missed.is_empty()
            && n.wrong_dates.is_empty()
            && n.unmatched.is_empty()
            && c.missed.is_empty()
            && c.false_positives.is_empty()
    }
}

/// People errors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PeopleErrors {
    /// Gold people no prediction matches (their gold names).
    pub missed: Vec<String>,
    /// Predicted people matching no gold person (false positives).
    pub false_positives: Vec<String>,
    /// Matched people whose predicted role is not right (or is given where the gold has none).
    pub wrong_roles: Vec<WrongRole>,
    /// Matched people whose predicted country is not the gold one (or is missing, or given where
    /// the gold has none).
    pub wrong_countries: Vec<WrongCountry>,
}

/// A matched person with a wrong or missing role.
#[derive(Debug, Clone, Serialize)]
pub struct WrongRole {
    /// The gold name.
    pub name: String,
    /// The predicted name it was matched with.
    pub predicted_name: String,
    /// The gold role.
    pub gold: Option<String>,
    /// What a right role must contain (one of them).
    pub role_ok: Vec<String>,
    /// The predicted role.
    pub predicted: Option<String>,
}

/// A matched person with a wrong or missing country.
#[derive(Debug, Clone, Serialize)]
pub struct WrongCountry {
    /// The gold name.
    pub name: String,
    /// The predicted name it was matched with.
    pub predicted_name: String,
    /// The gold country.
    pub gold: Option<String>,
    /// The predicted country.
    pub predicted: Option<String>,
}

/// Quote errors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QuoteErrors {
    /// Gold quotes no predicted quote contains.
    pub missed: Vec<QuoteMiss>,
    /// Gold quotes found, but with no predicted quote containing them having the right speaker.
    pub wrong_speakers: Vec<SpeakerError>,
    /// Predicted quotes that contain no gold quote.
    pub unmatched: Vec<BriefingPredQuote>,
}

impl QuoteErrors {
    /// No quote error.
    pub fn is_empty(&self) -> bool {
        self.missed.is_empty() && self.wrong_speakers.is_empty() && self.unmatched.is_empty()
    }
}

/// A missed gold quote.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteMiss {
    /// The gold piece.
    pub contains: String,
    /// Its gold speaker.
    pub speaker: Option<String>,
}

/// A found quote with the wrong speaker.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerError {
    /// The gold piece.
    pub contains: String,
    /// The gold speaker.
    pub gold: Option<String>,
    /// The speakers of the predicted quotes that contain it.
    pub predicted: Vec<Option<String>>,
}

/// Position errors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PositionErrors {
    /// Gold positions with no predicted point of their party containing an evidence piece.
    pub missed: Vec<MissedPosition>,
    /// Predicted points that contain no evidence piece of their party.
    pub unsupported_points: Vec<UnsupportedPoint>,
}

/// A missed gold position.
#[derive(Debug, Clone, Serialize)]
pub struct MissedPosition {
    /// The gold party.
    pub party: String,
    /// Its evidence pieces.
    pub evidence: Vec<String>,
    /// The points predicted for the same party (none of which holds the evidence).
    pub predicted_points: Vec<String>,
}

/// A predicted point without evidence.
#[derive(Debug, Clone, Serialize)]
pub struct UnsupportedPoint {
    /// The predicted party.
    pub party: String,
    /// The point's text.
    pub text: String,
}

/// What-next errors.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NextErrors {
    /// Gold items no predicted item contains.
    pub missed: Vec<NextMiss>,
    /// Found gold items with a date, none of whose predicted items has a date starting with it.
    pub wrong_dates: Vec<WrongDate>,
    /// Predicted items that contain no gold item.
    pub unmatched: Vec<PredNext>,
}

/// A missed what-next item.
#[derive(Debug, Clone, Serialize)]
pub struct NextMiss {
    /// The gold piece.
    pub contains: String,
    /// The gold date.
    pub when: Option<String>,
}

/// A found what-next item with a wrong date.
#[derive(Debug, Clone, Serialize)]
pub struct WrongDate {
    /// The gold piece.
    pub contains: String,
    /// The gold date.
    pub gold: Option<String>,
    /// The dates of the predicted items that contain it.
    pub predicted: Vec<Option<String>>,
}

/// Country errors (the article's `countries` list).
#[derive(Debug, Clone, Default, Serialize)]
pub struct CountryErrors {
    /// Gold countries not predicted.
    pub missed: Vec<String>,
    /// Predicted countries not in the gold.
    pub false_positives: Vec<String>,
}
