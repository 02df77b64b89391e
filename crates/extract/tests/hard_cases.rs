//! The hard cases of extraction, on articles written for these tests.

use attache_extract::{EntityType, Extraction, Extractor};
use attache_parse::{Document, read_json, read_text};

fn extract(text: &str) -> Extraction {
    Extractor::new().extract(&Document::new(read_text(text).expect("article reads")))
}

fn extract_dated(body: &str, published: &str) -> (Document, Extraction) {
    let json = serde_json::json!({"title": "Test article", "published": published, "text": body}).to_string();
    let doc = Document::new(read_json(&json).expect("article reads"));
    let x = Extractor::new().extract(&doc);
    (doc, x)
}

const SUMMIT: &str = "\
Quad ministers meet in Tokyo as tensions rise

TOKYO (Wire) — India's external affairs minister Subrahmanyam Jaishankar met his Japanese counterpart Yoko Kamikawa in Tokyo on Monday, as the Quad sought a common line on the Indo-Pacific.

“We are not here to contain anyone,” Jaishankar said. “We are here to keep the sea lanes open.”

Kamikawa told reporters that Japan would raise the issue of the South China Sea. She said: “Freedom of navigation is not negotiable.”

UN Secretary-General António Guterres urged restraint. “The region cannot afford a miscalculation,” he warned.

Bonnie Glaser, an Asia expert at the German Marshall Fund, said the meeting mattered. “This is the first time the four have agreed on the wording,” Glaser said.

Beijing said the grouping was a relic of the Cold War. Tokyo and Seoul welcomed the statement.

Germany's Baerbock, speaking in Berlin, called for a Franco-German initiative. Chinese and Australian diplomats were also present.";

#[test]
fn people_have_roles_and_countries() {
    let x = extract(SUMMIT);
    let j = x.people.iter().find(|p| p.name == "Subrahmanyam Jaishankar").expect("Jaishankar found");
    assert_eq!(j.role.as_deref(), Some("external affairs minister"));
    assert_eq!(j.country.as_deref(), Some("India"));
    assert_eq!(j.mentions, 2, "the surname-only mention links to the full name");
    let g = x.people.iter().find(|p| p.name == "António Guterres").expect("Guterres found");
    assert_eq!(g.role.as_deref(), Some("UN Secretary-General"));
    let b = x.people.iter().find(|p| p.name == "Bonnie Glaser").expect("Glaser found");
    assert_eq!(b.role.as_deref(), Some("Asia expert at the German Marshall Fund"));
    assert_eq!(b.mentions, 2);
    // A well-known surname is shown by the full name; the possessive gives the country.
    let bae = x.people.iter().find(|p| p.name == "Annalena Baerbock").expect("Baerbock found");
    assert_eq!(bae.country.as_deref(), Some("Germany"));
    assert!(x.organisations.iter().any(|o| o.name == "German Marshall Fund"));
}

#[test]
fn capitals_used_for_governments_are_countries_never_people() {
    let x = extract(SUMMIT);
    for c in ["Japan", "South Korea", "China"] {
        assert!(x.countries.iter().any(|n| n.name == c), "{c} in countries: {:?}", x.countries);
    }
    assert!(!x.people.iter().any(|p| ["Tokyo", "Seoul", "Beijing"].contains(&p.name.as_str())));
    // "in Tokyo" is a place.
    assert!(x.places.iter().any(|p| p.name == "Tokyo"));
}

#[test]
fn demonyms_compounds_and_regions() {
    let x = extract(SUMMIT);
    for c in ["France", "Germany", "Australia", "India"] {
        assert!(x.countries.iter().any(|n| n.name == c), "{c} in countries: {:?}", x.countries);
    }
    assert!(x.places.iter().any(|p| p.name == "Indo-Pacific"));
    assert!(x.places.iter().any(|p| p.name == "South China Sea"));
    let compound = x.mentions.iter().find(|m| m.text == "Franco-German").expect("compound found");
    assert_eq!(compound.ty, EntityType::Misc);
    assert_eq!(compound.canonical, "France, Germany");
    // The region is not India.
    assert!(!x.mentions.iter().any(|m| m.text == "Indo"));
}

#[test]
fn split_quotes_and_pronoun_speakers() {
    let x = extract(SUMMIT);
    let by = |t: &str| {
        x.quotes.iter().find(|q| q.text.starts_with(t)).unwrap_or_else(|| panic!("quote {t:?} found"))
    };
    assert_eq!(by("We are not here").speaker.as_deref(), Some("Subrahmanyam Jaishankar"));
    assert_eq!(
        by("We are here to keep").speaker.as_deref(),
        Some("Subrahmanyam Jaishankar"),
        "second half of a split quote"
    );
    assert_eq!(
        by("Freedom of navigation").speaker.as_deref(),
        Some("Yoko Kamikawa"),
        "colon lead-in with a pronoun"
    );
    assert_eq!(by("The region cannot").speaker.as_deref(), Some("António Guterres"), "“…,” he warned");
    assert_eq!(by("This is the first time").speaker.as_deref(), Some("Bonnie Glaser"));
    assert!(x.quotes.iter().all(|q| q.direct));
    assert_eq!(by("We are not here").text, "We are not here to contain anyone,");
}

#[test]
fn quote_spanning_paragraphs_keeps_its_speaker() {
    let x = extract(
        "\
Envoy warns on grain deal

The envoy, Maria Lindqvist, spoke for twenty minutes. “The corridor has carried forty million tonnes of grain.

“If it closes, the poorest importers will pay first. We cannot let that happen,” Lindqvist said.

Later, the Turkish foreign ministry said talks would continue.",
    );
    let q: Vec<_> = x.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[0].text.starts_with("The corridor") && q[0].text.ends_with("grain."));
    assert!(q[1].text.starts_with("If it closes"));
    assert_eq!(q[0].speaker.as_deref(), Some("Maria Lindqvist"));
    assert_eq!(q[1].speaker.as_deref(), Some("Maria Lindqvist"));
}

#[test]
fn previous_sentence_subject_speaks_and_phrases_go_to_the_subject() {
    let x = extract(
        "\
Minister rejects tariff plan

Trade minister Ana Costa rejected the plan on Tuesday. “It would hurt our farmers more than anyone.”

Costa described the proposal as a “rules-based order in name only” and left the meeting. \
Austria's Brenner backed her.",
    );
    let full = x.quotes.iter().find(|q| q.text.starts_with("It would hurt")).expect("quote");
    assert!(full.direct);
    assert_eq!(full.speaker.as_deref(), Some("Ana Costa"));
    let phrase = x.quotes.iter().find(|q| q.text.starts_with("rules-based")).expect("phrase");
    assert!(!phrase.direct, "a quoted phrase inside reported speech is not a direct quote");
    assert_eq!(phrase.speaker.as_deref(), Some("Ana Costa"));
    let p = &x.people[0];
    assert_eq!((p.name.as_str(), p.role.as_deref(), p.mentions), ("Ana Costa", Some("Trade minister"), 2));
    let b = x.people.iter().find(|p| p.name == "Brenner").expect("a bare name after a country's possessive");
    assert_eq!(b.country.as_deref(), Some("Austria"));
}

#[test]
fn straight_quotes_and_said_after_name() {
    let x = extract(
        "\
Talks stall

\"There is no agreement yet,\" said Prime Minister Fumio Kishida. \"We will keep talking.\"

A spokesman for the ministry said: \"The door remains open.\"",
    );
    let q: Vec<_> = x.quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].speaker.as_deref(), Some("Fumio Kishida"));
    assert_eq!(q[1].speaker.as_deref(), Some("Fumio Kishida"));
    assert_eq!(q[2].speaker.as_deref(), Some("A spokesman for the ministry"));
    let k = x.people.iter().find(|p| p.name == "Fumio Kishida").expect("Kishida");
    assert_eq!(k.role.as_deref(), Some("Prime Minister"));
}

#[test]
fn what_next_is_dated_against_publication_and_sorted() {
    // 2026-11-04 is a Wednesday.
    let (_, x) = extract_dated(
        "Foreign ministers met in Brussels on Monday.\n\nLeaders will hold a summit later this year. \
         The two sides will meet again on Friday to settle the text. A vote in parliament is scheduled for next week.",
        "2026-11-04",
    );
    let when: Vec<Option<&str>> = x.what_next.iter().map(|w| w.when.as_deref()).collect();
    // A range gives its first day; "later this year" is the year.
    assert_eq!(when, [Some("2026"), Some("2026-11-06"), Some("2026-11-09")]);
    assert!(x.what_next[1].text.contains("on Friday"));
    assert_eq!(x.what_next[1].sentence, 2);

    // Without a publication date the expression is kept as written.
    let x = extract("Talks\n\nThe two sides will meet again on Friday to settle the text.");
    assert_eq!(x.what_next.len(), 1);
    assert_eq!(x.what_next[0].when.as_deref(), Some("on Friday"));
    assert!(!x.what_next[0].resolved);
}

#[test]
fn positions_group_by_party() {
    let x = extract(SUMMIT);
    let india = x.positions.iter().find(|p| p.party == "India").expect("India has a position");
    assert!(india.points.iter().any(|p| p.text.contains("contain anyone")), "{india:?}");
    let japan = x.positions.iter().find(|p| p.party == "Japan").expect("Japan has a position");
    assert!(japan.points.iter().any(|p| p.text.contains("welcomed")), "{japan:?}");
}

#[test]
fn spans_count_code_points_and_exclude_marks() {
    let s =
        Extractor::new().spans("Café owner Zoë Müller met Angela Merkel in Berlin.\n“Ça va,” Merkel said.");
    let per: Vec<_> = s.entities.iter().filter(|e| e.ty == EntityType::Per).collect();
    let text: Vec<char> =
        "Café owner Zoë Müller met Angela Merkel in Berlin.\n“Ça va,” Merkel said.".chars().collect();
    for e in &s.entities {
        assert_eq!(text[e.start..e.end].iter().collect::<String>(), e.text);
    }
    assert!(per.iter().any(|e| e.text == "Angela Merkel"));
    assert_eq!(s.quotes.len(), 1);
    let q = &s.quotes[0];
    assert_eq!(text[q.start..q.end].iter().collect::<String>(), "Ça va,");
    assert_eq!(q.speaker.as_deref(), Some("Angela Merkel"));
    let merkel = s.entities.iter().rfind(|e| e.text == "Merkel").expect("surname");
    assert_eq!(merkel.canonical, "Angela Merkel");
}

#[test]
fn extractor_is_shared_across_threads() {
    let ex = Extractor::new();
    let doc = Document::new(read_text(SUMMIT).expect("reads"));
    let one = ex.extract(&doc);
    std::thread::scope(|s| {
        let hs: Vec<_> = (0..3).map(|_| s.spawn(|| ex.extract(&doc))).collect();
        for h in hs {
            assert_eq!(h.join().expect("thread"), one);
        }
    });
}

#[test]
fn transcripts_participles_and_parenthetical_parties() {
    let x = extract(
        "\
Interview on the budget

Partial transcript as follows:

\"HOLLIS: Will the senator back the bill?

\"GRANT: Not in its present form.

Senator Ruth Grant attacked the plan on the floor, saying, \"This budget borrows from our children.\"

\"We will vote no,\" Rep. Dan Ortiz (D-Ore.) said.",
    );
    let by = |t: &str| {
        x.quotes.iter().find(|q| q.text.starts_with(t)).unwrap_or_else(|| panic!("quote {t:?} found"))
    };
    assert_eq!(by("HOLLIS:").speaker.as_deref(), Some("Hollis"));
    assert_eq!(
        by("GRANT:").speaker.as_deref(),
        Some("Ruth Grant"),
        "a label naming a known person gives the full name"
    );
    assert_eq!(by("This budget").speaker.as_deref(), Some("Ruth Grant"));
    assert_eq!(by("We will vote no").speaker.as_deref(), Some("Dan Ortiz"));
}
