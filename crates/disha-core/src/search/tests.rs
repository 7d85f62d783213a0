use super::index::{Entry, Source, build};
use disha_domain::{RawSearchQuery, SearchKind, SearchQuery, Stream};

fn source(kind: SearchKind, title: &str, alt: &str, text: &str, weight: f64) -> Source {
    Source {
        entry: Entry {
            kind,
            url: format!("/{}", title.to_lowercase().replace(' ', "-")),
            title: title.to_owned(),
            text: text.to_owned(),
            us: false,
            stream: (kind == SearchKind::Career).then_some(Stream::EngineeringTechnology),
            state: (kind == SearchKind::College).then_some("Kerala"),
            district: None,
            level: None,
        },
        alt: alt.to_owned(),
        more: String::new(),
        weight,
    }
}

fn index() -> super::index::Built {
    build(vec![
        source(
            SearchKind::Career,
            "Back-end Developer",
            "software · software developers",
            "Builds server software.",
            5.0,
        ),
        source(
            SearchKind::Career,
            "Doctor",
            "mbbs",
            "Treats patients.",
            5.0,
        ),
        source(
            SearchKind::College,
            "Model Engineering College",
            "Ernakulam Kerala",
            "Government institution.",
            1.0,
        ),
        source(
            SearchKind::Course,
            "B.E./B.Tech in Computer Science",
            "BE/BTech in Computer Science",
            "Back-end Developer",
            2.0,
        ),
    ])
    .expect("built")
}

fn query(q: &str, kind: Option<&str>) -> SearchQuery {
    SearchQuery::parse(&RawSearchQuery {
        q: Some(q),
        kind,
        ..RawSearchQuery::default()
    })
    .expect("valid")
}

fn titles(found: &super::Found) -> Vec<&str> {
    found.hits.iter().map(|h| h.entry.title.as_str()).collect()
}

#[test]
fn a_slip_of_a_letter_finds_the_word_and_says_so() {
    let b = index();
    let found = b.search(&query("docter", None), 20).expect("search");
    assert_eq!(titles(&found), ["Doctor"]);
    assert!(found.corrected);
    let exact = b.search(&query("doctor", None), 20).expect("search");
    assert!(!exact.corrected);
}

#[test]
fn every_word_must_match_unless_none_does_all() {
    let b = index();
    let both = b
        .search(&query("engineering kerala", None), 20)
        .expect("search");
    assert_eq!(titles(&both), ["Model Engineering College"]);
    assert!(!both.partial);
    let some = b.search(&query("doctor kerala", None), 20).expect("search");
    assert_eq!(some.total, 2);
    assert!(some.partial);
}

#[test]
fn titles_outrank_other_names_and_filters_and_facets_follow_the_kind() {
    let b = index();
    let found = b.search(&query("software", None), 20).expect("search");
    assert_eq!(titles(&found).first(), Some(&"Back-end Developer"));
    let kinds: Vec<(&str, u64)> = found
        .facets
        .kind
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .collect();
    assert!(kinds.contains(&("career", 1)), "{kinds:?}");
    let courses = b
        .search(&query("btech", Some("course")), 20)
        .expect("search");
    assert_eq!(titles(&courses), ["B.E./B.Tech in Computer Science"]);
    let states = b.search(&query("college", None), 20).expect("search");
    assert_eq!(states.facets.state, [("Kerala".to_owned(), 1)]);
}

#[test]
fn the_last_word_matches_the_start_of_words_and_marks_what_matched() {
    let b = index();
    let found = b.search(&query("serv", None), 20).expect("search");
    assert_eq!(titles(&found), ["Back-end Developer"]);
    assert!(
        found.hits[0].snippet_html.contains("<mark>server</mark>"),
        "{}",
        found.hits[0].snippet_html
    );
    let suggested = b.suggest("back-e", 8).expect("suggest");
    assert_eq!(
        suggested.first().map(|e| e.title.as_str()),
        Some("Back-end Developer")
    );
}

#[test]
fn snippets_escape_the_text_they_show() {
    let b = build(vec![source(
        SearchKind::Article,
        "Tags",
        "",
        "Use <b> & \"quotes\" wisely.",
        1.0,
    )])
    .expect("built");
    let found = b.search(&query("tags", None), 20).expect("search");
    assert_eq!(
        found.hits[0].snippet_html,
        "Use &lt;b&gt; &amp; &quot;quotes&quot; wisely."
    );
}
