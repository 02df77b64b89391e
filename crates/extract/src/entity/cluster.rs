//! Person clusters: one per human the text names. Full names first, in text
//! order; then the short mentions (a surname, a family name written first, a
//! given name used alone as Malay and Thai names are) join the cluster they
//! name. A name spelt once with one letter off joins the same cluster.

use super::{EntityType, Mention, PersonCluster};
use crate::lexicon::GAZETTEER;
use crate::tok::Tok;

/// The words of a name, compared without case.
fn words(name: &str) -> impl DoubleEndedIterator<Item = &str> + Clone {
    name.split(' ').filter(|w| !w.is_empty())
}

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// At most one edit apart (substitution, insertion or deletion), same first letter,
/// both words at least three letters: "Ban"/"Ben", "Lockart"/"Lockhart".
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() < 3 || b.len() < 3 || a.len().abs_diff(b.len()) > 1 || !a[0].eq_ignore_ascii_case(&b[0]) {
        return false;
    }
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let p = s.iter().zip(l).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count();
    if p == s.len() {
        return true;
    }
    let tail_eq =
        |x: &[u8], y: &[u8]| x.len() == y.len() && x.iter().zip(y).all(|(c, d)| c.eq_ignore_ascii_case(d));
    if s.len() == l.len() { tail_eq(&s[p + 1..], &l[p + 1..]) } else { tail_eq(&s[p..], &l[p + 1..]) }
}

/// Does the shorter name end the longer one, word for word (one word may be one edit off,
/// if it is not the only word)? "Ben Ali" ends "Zine El Abidine Ben Ali".
fn ends_name(short: &str, long: &str) -> bool {
    let n = words(short).count();
    let m = words(long).count();
    if n > m {
        return false;
    }
    let mut edits = 0;
    for (a, b) in words(short).rev().zip(words(long).rev()) {
        if eq(a, b) {
            continue;
        }
        edits += 1;
        if edits > 1 || n == 1 && m == 1 || !one_edit(a, b) {
            return false;
        }
    }
    true
}

/// Does a multi-word mention name this cluster?
fn same_person(name: &str, cluster: &str) -> bool {
    if eq(name, cluster) {
        return true;
    }
    let (f1, l1) = (words(name).next(), words(name).next_back());
    let (f2, l2) = (words(cluster).next(), words(cluster).next_back());
    if f1.zip(f2).is_some_and(|(a, b)| eq(a, b)) && l1.zip(l2).is_some_and(|(a, b)| eq(a, b)) {
        return true;
    }
    ends_name(name, cluster) || ends_name(cluster, name)
}

/// The cluster a one-word mention names: the surname (last word), else a family name
/// written first or a given name used alone (first word), else a word one edit off;
/// the most recent such cluster before the mention, else the first after.
fn single_target(word: &str, at: u32, clusters: &[PersonCluster]) -> Option<usize> {
    let pick = |f: &dyn Fn(&PersonCluster) -> bool| {
        let before = (0..clusters.len()).filter(|&c| clusters[c].first_tok < at && f(&clusters[c])).last();
        before.or_else(|| (0..clusters.len()).find(|&c| f(&clusters[c])))
    };
    let multi = |c: &PersonCluster| words(&c.name).nth(1).is_some();
    pick(&|c| words(&c.name).next_back().is_some_and(|l| eq(l, word)))
        .or_else(|| pick(&|c| multi(c) && words(&c.name).next().is_some_and(|f| eq(f, word))))
        .or_else(|| pick(&|c| multi(c) && words(&c.name).next_back().is_some_and(|l| one_edit(l, word))))
}

/// Group the person mentions of `ms` into clusters; each person mention gets its cluster index.
pub(crate) fn cluster_people(text: &str, toks: &[Tok], ms: &mut [Mention]) -> Vec<PersonCluster> {
    let g = &*GAZETTEER;
    let mut clusters: Vec<PersonCluster> = Vec::new();
    let span = |m: &Mention| toks[m.t0 as usize].s as usize..toks[m.t1 as usize - 1].e as usize;
    // Full names first, in order.
    for m in ms.iter_mut() {
        if m.ty != EntityType::Per || m.t1 - m.t0 < 2 {
            continue;
        }
        let name = &text[span(m)];
        let ci = match (0..clusters.len()).rev().find(|&c| same_person(name, &clusters[c].name)) {
            Some(c) => c,
            None => new_cluster(&mut clusters, name, m.t0),
        };
        m.person = ci as u32;
        // Longer names win as canonical ("Hillary Rodham Clinton" over "Hillary Clinton").
        if name.len() > clusters[ci].name.len() {
            clusters[ci].name = name.to_string();
        }
    }
    // One-word mentions.
    for m in ms.iter_mut() {
        if m.ty != EntityType::Per || m.person != u32::MAX {
            continue;
        }
        let word = &text[span(m)];
        // "His son, Marco,": a relative is someone else, whatever name they share.
        let target = if super::things::relative_apposition(text, toks, m.t0 as usize, m.t1 as usize).is_some()
        {
            clusters.iter().position(|c| eq(&c.name, word))
        } else {
            single_target(word, m.t0, &clusters)
        };
        let ci = match target {
            Some(c) => c,
            None => {
                let name = match g.famous.get(word) {
                    Some(&p) => g.people[p as usize],
                    None => word,
                };
                new_cluster(&mut clusters, name, m.t0)
            }
        };
        m.person = ci as u32;
    }
    also_known_as(text, toks, ms);
    clusters
}

/// "Ahmed Karim, also known as Abu Sami,": the alias is the same person. Its mentions join
/// the cluster of the person named just before (the alias cluster is left with none).
fn also_known_as(text: &str, toks: &[Tok], ms: &mut [Mention]) {
    let mut remap: Vec<(u32, u32)> = Vec::new();
    for i in 1..ms.len() {
        let m = &ms[i];
        let t0 = m.t0 as usize;
        if m.ty != EntityType::Per || m.person == u32::MAX || t0 < 3 {
            continue;
        }
        let w = |k: usize| toks[k].text(text);
        if !(w(t0 - 1) == "as" && w(t0 - 2) == "known") {
            continue;
        }
        let Some(p) = ms[..i].iter().rev().find(|p| p.ty == EntityType::Per && p.person != u32::MAX) else {
            continue;
        };
        let near = t0 - (p.t1 as usize) <= 6 && toks[p.t0 as usize].sent == toks[t0].sent;
        if near && p.person != m.person {
            remap.push((m.person, p.person));
        }
    }
    for (from, to) in remap {
        for m in ms.iter_mut().filter(|m| m.person == from) {
            m.person = to;
        }
    }
}

/// Open a cluster for a person first named `name` at token `first_tok`; its index.
fn new_cluster(clusters: &mut Vec<PersonCluster>, name: &str, first_tok: u32) -> usize {
    clusters.push(PersonCluster {
        name: name.to_string(),
        role: None,
        country: None,
        mentions: 0,
        first_tok,
    });
    clusters.len() - 1
}

#[cfg(test)]
mod tests {
    use super::{ends_name, one_edit};
    use crate::testutil::analysed;

    fn people(text: &str) -> Vec<(String, usize)> {
        analysed(text)
            .people
            .iter()
            .filter(|p| p.mentions > 0)
            .map(|p| (p.name.clone(), p.mentions))
            .collect()
    }

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("Lockart", "Lockhart"));
        assert!(one_edit("Ban", "Ben"));
        assert!(!one_edit("Ben", "Bin Laden"));
        assert!(!one_edit("Lee", "Kim"));
        assert!(!one_edit("Al", "Ali"), "too short to judge");
    }

    #[test]
    fn a_shorter_name_ending_the_full_one() {
        assert!(ends_name("Ben Ali", "Zine El Abidine Ben Ali"));
        assert!(ends_name("Van den Broek", "Hans van den Broek"));
        assert!(!ends_name("Ali", "Ahmed"));
    }

    #[test]
    fn a_family_name_written_first_links_to_the_full_name() {
        let text = "Premier Zhou Minghua arrived in Paris. Zhou said the talks went well.";
        assert_eq!(people(text), [("Zhou Minghua".to_string(), 2)]);
        let text = "Opposition leader Park Sung-ho met reporters. Park said he would run.";
        assert_eq!(people(text), [("Park Sung-ho".to_string(), 2)]);
    }

    #[test]
    fn a_given_name_used_alone_links_to_the_full_name() {
        let text = "Prime Minister Harun Zulkifli fired Deputy Minister Rahim Osman. Harun accused Rahim of disloyalty.";
        assert_eq!(people(text), [("Harun Zulkifli".to_string(), 2), ("Rahim Osman".to_string(), 2)]);
    }

    #[test]
    fn a_multi_part_name_and_its_short_form_are_one_person() {
        let text = "President Jean Paul Ben Salah spoke. Later Ben Salah left for Rome.";
        assert_eq!(people(text), [("Jean Paul Ben Salah".to_string(), 2)]);
    }

    #[test]
    fn an_alias_is_the_same_person() {
        let text = "Negotiator Karim Haddad, better known as Abu Sami, said talks would go on.";
        assert_eq!(people(text), [("Karim Haddad".to_string(), 2)]);
    }

    #[test]
    fn a_relative_sharing_a_given_name_is_someone_else() {
        let text = "General Marco Ferri was arrested. Ferri's son, Marco, told reporters he was angry.";
        let p = people(text);
        assert!(p.contains(&("Marco Ferri".to_string(), 2)), "{p:?}");
        assert!(p.contains(&("Marco".to_string(), 1)), "{p:?}");
    }

    #[test]
    fn a_name_misspelt_once_stays_one_person() {
        let text = "Spokesman Joe Lockhart said talks went on. Lockart added that nothing was agreed.";
        assert_eq!(people(text), [("Joe Lockhart".to_string(), 2)]);
    }
}
