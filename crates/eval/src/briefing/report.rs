//! The figures of the briefing metric, from the counts.

use serde::Serialize;

use super::score::Counts;

/// Every figure of the briefing metric, micro-averaged over the articles,
/// with the counts behind it. Shares are 0 when their denominator is 0.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingReport {
    /// Articles scored.
    pub articles: usize,
    /// People, roles and people's countries.
    pub people: PeopleReport,
    /// Quotes of the briefing JSON.
    pub quotes: BriefingQuoteReport,
    /// Quotes of the extractor alone (`attache extract`); zero counts when not scored.
    pub extractor_quotes: BriefingQuoteReport,
    /// Positions.
    pub positions: PositionReport,
    /// What next.
    pub what_next: NextReport,
    /// Countries.
    pub countries: CountryReport,
}

/// People figures.
#[derive(Debug, Clone, Serialize)]
pub struct PeopleReport {
    /// Gold people.
    pub gold: usize,
    /// Predicted people.
    pub predicted: usize,
    /// One-to-one matches.
    pub matched: usize,
    /// `matched / predicted`.
    pub precision: f64,
    /// `matched / gold`.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
    /// Matched gold people with a role.
    pub roles_gold: usize,
    /// …whose predicted role contains one of `role_ok`.
    pub roles_right: usize,
    /// `roles_right / roles_gold`.
    pub role_accuracy: f64,
    /// Matched predictions with a role.
    pub roles_predicted: usize,
    /// …whose role is not right (including a role where the gold has none).
    pub roles_wrong: usize,
    /// `roles_wrong / roles_predicted`: the share of predicted roles that are wrong.
    pub roles_wrong_share: f64,
    /// Matched gold people with a country.
    pub countries_gold: usize,
    /// …whose predicted country is the same after aliases.
    pub countries_right: usize,
    /// `countries_right / countries_gold`.
    pub country_accuracy: f64,
    /// Matched predictions with a country.
    pub countries_predicted: usize,
    /// …whose country is not the gold one (including a country where the gold has none).
    pub countries_wrong: usize,
    /// `countries_wrong / countries_predicted`: the share of predicted countries that are wrong.
    pub countries_wrong_share: f64,
}

/// Quote counts, added over articles.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct QuoteCounts {
    /// Gold quotes.
    pub gold: usize,
    /// Gold quotes some predicted quote contains.
    pub found: usize,
    /// …of which one such predicted quote has the right speaker.
    pub speaker_hits: usize,
    /// Predicted quotes.
    pub predicted: usize,
    /// Predicted quotes that contain some gold quote.
    pub predicted_right: usize,
}

/// Quote figures.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingQuoteReport {
    /// The counts.
    #[serde(flatten)]
    pub counts: QuoteCounts,
    /// `found / gold`: quotes found.
    pub recall: f64,
    /// `speaker_hits / gold`: quote + right speaker.
    pub speaker_recall: f64,
    /// `speaker_hits / found`: speaker accuracy.
    pub speaker_accuracy: f64,
    /// `predicted_right / predicted`: quote precision.
    pub precision: f64,
}

/// Position figures.
#[derive(Debug, Clone, Serialize)]
pub struct PositionReport {
    /// Gold positions.
    pub gold: usize,
    /// …found (a point of the same party contains one of its evidence pieces).
    pub found: usize,
    /// Predicted points.
    pub points: usize,
    /// …that contain an evidence piece of their party.
    pub points_right: usize,
    /// `points_right / points`.
    pub precision: f64,
    /// `found / gold`.
    pub recall: f64,
    /// F1 of the two.
    pub f1: f64,
}

/// What-next figures.
#[derive(Debug, Clone, Serialize)]
pub struct NextReport {
    /// Gold items.
    pub gold: usize,
    /// …found (a predicted item contains the gold piece).
    pub found: usize,
    /// Predicted items.
    pub predicted: usize,
    /// …that contain some gold piece.
    pub predicted_right: usize,
    /// `predicted_right / predicted`.
    pub precision: f64,
    /// `found / gold`.
    pub recall: f64,
    /// Found items with a gold date.
    pub dated: usize,
    /// …whose predicted date starts with it.
    pub dates_right: usize,
    /// `dates_right / dated`.
    pub date_accuracy: f64,
}

/// Country figures.
#[derive(Debug, Clone, Serialize)]
pub struct CountryReport {
    /// Gold countries (distinct per article).
    pub gold: usize,
    /// Predicted countries (distinct per article, after aliases).
    pub predicted: usize,
    /// In both.
    pub matched: usize,
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn quote_report(c: QuoteCounts) -> BriefingQuoteReport {
    BriefingQuoteReport {
        counts: c,
        recall: share(c.found, c.gold),
        speaker_recall: share(c.speaker_hits, c.gold),
        speaker_accuracy: share(c.speaker_hits, c.found),
        precision: share(c.predicted_right, c.predicted),
    }
}

pub(super) fn report(articles: usize, c: &Counts) -> BriefingReport {
    let (pp, pr, pf) =
        crate::prf(c.people_matched, c.people_predicted - c.people_matched, c.people_gold - c.people_matched);
    let (sp, sr) = (share(c.points_right, c.points), share(c.positions_found, c.positions_gold));
    let sf = if sp + sr == 0.0 { 0.0 } else { 2.0 * sp * sr / (sp + sr) };
    let (cp, cr, cf) = crate::prf(
        c.countries_matched,
        c.countries_predicted - c.countries_matched,
        c.countries_gold - c.countries_matched,
    );
    BriefingReport {
        articles,
        people: PeopleReport {
            gold: c.people_gold,
            predicted: c.people_predicted,
            matched: c.people_matched,
            precision: pp,
            recall: pr,
            f1: pf,
            roles_gold: c.roles_gold,
            roles_right: c.roles_right,
            role_accuracy: share(c.roles_right, c.roles_gold),
            roles_predicted: c.roles_predicted,
            roles_wrong: c.roles_wrong,
            roles_wrong_share: share(c.roles_wrong, c.roles_predicted),
            countries_gold: c.person_countries_gold,
            countries_right: c.person_countries_right,
            country_accuracy: share(c.person_countries_right, c.person_countries_gold),
            countries_predicted: c.person_countries_predicted,
            countries_wrong: c.person_countries_wrong,
            countries_wrong_share: share(c.person_countries_wrong, c.person_countries_predicted),
        },
        quotes: quote_report(c.quotes),
        extractor_quotes: quote_report(c.extractor_quotes),
        positions: PositionReport {
            gold: c.positions_gold,
            found: c.positions_found,
            points: c.points,
            points_right: c.points_right,
            precision: sp,
            recall: sr,
            f1: sf,
        },
        what_next: NextReport {
            gold: c.next_gold,
            found: c.next_found,
            predicted: c.next_predicted,
            predicted_right: c.next_predicted_right,
            precision: share(c.next_predicted_right, c.next_predicted),
            recall: share(c.next_found, c.next_gold),
            dated: c.next_dated,
            dates_right: c.next_dates_right,
            date_accuracy: share(c.next_dates_right, c.next_dated),
        },
        countries: CountryReport {
            gold: c.countries_gold,
            predicted: c.countries_predicted,
            matched: c.countries_matched,
            precision: cp,
            recall: cr,
            f1: cf,
        },
    }
}
