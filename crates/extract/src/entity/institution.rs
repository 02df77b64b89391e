//! National institutions whose name alone says which country a person serves:
//! a "White House spokesman" speaks for the United States, a "Kremlin aide" for
//! Russia. Read from a person's role, once per person cluster (not per token).
//!
//! Source: the organisations' own official websites and the CIA World Factbook
//! "Government" field (executive branch, legislative branch; public domain), as the
//! seats and bodies of government the gazetteer's `data/organisations.txt` already
//! names; written by hand for Attaché. Only names that belong to one country.

use crate::lexicon::GAZETTEER;

/// Lower-case institution names and the short name of the country they belong to.
const INSTITUTIONS: [(&str, &str); 22] = [
    ("white house", "United States"),
    ("state department", "United States"),
    ("department of state", "United States"),
    ("pentagon", "United States"),
    ("justice department", "United States"),
    ("department of defense", "United States"),
    ("cia", "United States"),
    ("fbi", "United States"),
    ("nasa", "United States"),
    ("kremlin", "Russia"),
    ("duma", "Russia"),
    ("foreign office", "United Kingdom"),
    ("home office", "United Kingdom"),
    ("downing street", "United Kingdom"),
    ("house of commons", "United Kingdom"),
    ("house of lords", "United Kingdom"),
    ("elysee", "France"),
    ("quai d'orsay", "France"),
    ("bundestag", "Germany"),
    ("bundesrat", "Germany"),
    ("knesset", "Israel"),
    ("zhongnanhai", "China"),
];

/// The country of the national institution a role names ("White House spokesman"), if
/// it names one and only one.
pub(crate) fn institution_country(role: &str) -> Option<u16> {
    let r = role.to_ascii_lowercase();
    let mut found: Option<&str> = None;
    for (inst, country) in INSTITUTIONS {
        if contains_word(&r, inst) {
            match found {
                Some(c) if c != country => return None,
                _ => found = Some(country),
            }
        }
    }
    let name = found?;
    GAZETTEER.countries.iter().position(|c| c.name == name).map(|i| i as u16)
}

/// `needle` in `hay` as whole words ("cia" not in "special").
pub(crate) fn contains_word(hay: &str, needle: &str) -> bool {
    let b = hay.as_bytes();
    hay.match_indices(needle).any(|(i, _)| {
        let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let j = i + needle.len();
        let after = j >= b.len() || !b[j].is_ascii_alphanumeric();
        before && after
    })
}

#[cfg(test)]
mod tests {
    use super::institution_country;

    fn name(role: &str) -> Option<&'static str> {
        institution_country(role).map(|c| crate::lexicon::GAZETTEER.countries[c as usize].name)
    }

    #[test]
    fn a_national_institution_in_the_role_gives_its_country() {
        assert_eq!(name("White House spokesman"), Some("United States"));
        assert_eq!(name("Kremlin chief of staff"), Some("Russia"));
        assert_eq!(name("Home Office Minister"), Some("United Kingdom"));
    }

    #[test]
    fn whole_words_only_and_no_conflicts() {
        assert_eq!(name("special envoy"), None);
        assert_eq!(name("envoy between the Kremlin and the White House"), None);
    }
}
