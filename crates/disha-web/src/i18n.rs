//! The message catalog: all fixed page text, in Project Fluent files under `locales/`. Templates and handlers
//! ask for a message by id and never hold sentences of their own, so a translation needs no code change;
//! plurals go through Fluent's plural rules for the catalog's language, which differ between English and
//! Hindi.

use disha_domain::{
    EducationLevel, FieldError, JobZone, SalaryBasis, SeatBasis, SourceTopic, Stream,
};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use unic_langid::LanguageIdentifier;

/// A value for a message's `{ $name }` placeholder.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

/// Every message a page can show, in one language.
pub struct Messages {
    lang: String,
    bundle: FluentBundle<FluentResource>,
    /// Names every list card shows, formatted once at start-up rather than once per card.
    streams: Vec<String>,
    levels: Vec<String>,
    levels_short: Vec<String>,
    schools: Vec<String>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Ids the code builds at run time (`stream-law`, `level_3`, …) rather than naming literally; each must exist.
fn computed_ids() -> Vec<String> {
    let mut ids: Vec<String> = Stream::ALL
        .iter()
        .map(|s| format!("stream-{}", s.key()))
        .collect();
    ids.extend(
        <EducationLevel as strum::VariantArray>::VARIANTS
            .iter()
            .flat_map(|l| {
                [
                    format!("level-{}", l.key()),
                    format!("level_short-{}", l.key()),
                ]
            }),
    );
    ids.extend((1..=5).map(|n| format!("job_zone_{n}")));
    ids.extend(
        <disha_domain::Role as strum::VariantArray>::VARIANTS
            .iter()
            .map(|r| format!("role-{}", r.key())),
    );
    ids.extend(
        <disha_domain::ProfileSection as strum::VariantArray>::VARIANTS
            .iter()
            .map(|s| format!("section-{}", s.key())),
    );
    ids.extend("risec".chars().map(|c| format!("enjoy_{c}")));
    ids.extend("risec".chars().map(|c| format!("riasec_{c}")));
    ids.extend(["basis_ctc", "basis_in_hand", "basis_gross"].map(str::to_owned));
    ids.extend(["gender", "domicile", "category"].map(|b| format!("seat_basis_{b}")));
    ids.extend(["exams", "eligibility", "regulator"].map(|t| format!("source_topic_{t}")));
    ids.extend(["title", "level", "updated"].map(|s| format!("sort_{s}")));
    ids.extend(
        <disha_domain::SchoolStream as strum::VariantArray>::VARIANTS
            .iter()
            .flat_map(|s| {
                [
                    format!("school_stream_{}", s.key()),
                    format!("school_stream_hint_{}", s.key()),
                ]
            }),
    );
    for code in [
        "not_found",
        "invalid_input",
        "unauthorized",
        "forbidden",
        "conflict",
        "payload_too_large",
        "unprocessable",
        "rate_limited",
        "unavailable",
        "internal",
    ] {
        ids.push(format!("error_{code}_title"));
        ids.push(format!("error_{code}_body"));
    }
    ids.extend(
        <disha_domain::FieldCode as strum::IntoEnumIterator>::iter()
            .map(|c| format!("field-error-{}", c.as_str())),
    );
    ids
}

/// A name formatted at start-up for the enum value `v`, by its position among the enum's variants: cards show
/// these on every list page, and formatting them through Fluent per card is a measurable part of a miss.
fn cached_name<T: strum::VariantArray + PartialEq>(names: &[String], v: T) -> Option<&str> {
    T::VARIANTS
        .iter()
        .position(|x| *x == v)
        .and_then(|i| names.get(i))
        .map(String::as_str)
}

impl Messages {
    /// The English catalog compiled into the binary.
    ///
    /// # Errors
    /// A message naming the malformed entry or the missing id.
    pub fn english() -> Result<Self, String> {
        Self::parse("en", include_str!("../locales/en.ftl"))
    }

    /// Parses a catalog for `lang` (a BCP 47 tag such as `en` or `hi`) and checks that every message the code
    /// builds by name exists.
    ///
    /// # Errors
    /// A message naming the malformed entry or the missing id.
    pub fn parse(lang: &str, ftl: &str) -> Result<Self, String> {
        let langid: LanguageIdentifier = lang
            .parse()
            .map_err(|e| format!("message catalog: bad language tag {lang}: {e}"))?;
        let resource = FluentResource::try_new(ftl.to_owned()).map_err(|(_, errs)| {
            let first = errs
                .first()
                .map(|e| format!("{:?} at byte {}", e.kind, e.pos.start))
                .unwrap_or_default();
            format!(
                "message catalog {lang}: {} syntax errors, first: {first}",
                errs.len()
            )
        })?;
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Pages are left-to-right in every language Disha plans; isolation marks would only add invisible
        // characters to titles and attributes.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errs| format!("message catalog {lang}: duplicate ids: {errs:?}"))?;
        if let Some(missing) = computed_ids().iter().find(|id| !bundle.has_message(id)) {
            return Err(format!("message catalog {lang}: {missing} is missing"));
        }
        let mut m = Self {
            lang: lang.to_owned(),
            bundle,
            streams: Vec::new(),
            levels: Vec::new(),
            levels_short: Vec::new(),
            schools: Vec::new(),
        };
        m.streams = Stream::ALL
            .iter()
            .map(|s| m.get(&format!("stream-{}", s.key())).into_owned())
            .collect();
        m.levels = <EducationLevel as strum::VariantArray>::VARIANTS
            .iter()
            .map(|l| m.get(&format!("level-{}", l.key())).into_owned())
            .collect();
        m.levels_short = <EducationLevel as strum::VariantArray>::VARIANTS
            .iter()
            .map(|l| m.get(&format!("level_short-{}", l.key())).into_owned())
            .collect();
        m.schools = <disha_domain::SchoolStream as strum::VariantArray>::VARIANTS
            .iter()
            .map(|s| m.get(&format!("school_stream_{}", s.key())).into_owned())
            .collect();
        Ok(m)
    }

    /// The catalog's language tag, for `<html lang>`.
    #[must_use]
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// True when the catalog has a message with this id.
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` without arguments.
    #[must_use]
    pub fn get(&self, id: &str) -> Cow<'_, str> {
        self.format(id, None)
    }

    /// The message `id` with its placeholders filled in.
    #[must_use]
    pub fn fmt(&self, id: &str, args: &[Arg<'_>]) -> String {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        self.format(id, Some(&fa)).into_owned()
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> Cow<'_, str> {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::error!(id, lang = %self.lang, "message missing from the catalog");
            return Cow::Owned(id.to_owned());
        };
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(id, ?errors, "message could not be formatted");
        }
        text
    }

    /// A field's display name.
    #[must_use]
    pub fn stream(&self, s: Stream) -> Cow<'_, str> {
        Stream::ALL
            .iter()
            .position(|x| *x == s)
            .and_then(|i| self.streams.get(i))
            .map_or_else(
                || self.get(&format!("stream-{}", s.key())),
                |n| Cow::Borrowed(n),
            )
    }

    /// An Indian education level in words ("A bachelor's degree").
    #[must_use]
    pub fn level(&self, l: EducationLevel) -> Cow<'_, str> {
        cached_name(&self.levels, l)
            .map_or_else(|| self.get(&format!("level-{}", l.key())), Cow::Borrowed)
    }

    /// An Indian education level in a few words, for menus and cards.
    #[must_use]
    pub fn level_short(&self, l: EducationLevel) -> Cow<'_, str> {
        cached_name(&self.levels_short, l).map_or_else(
            || self.get(&format!("level_short-{}", l.key())),
            Cow::Borrowed,
        )
    }

    /// O*NET's description of a Job Zone, labelled as O*NET's.
    #[must_use]
    pub fn job_zone(&self, z: JobZone) -> String {
        self.fmt(
            "job_zone",
            &[
                ("zone", z.get().into()),
                (
                    "text",
                    self.get(&format!("job_zone_{}", z.get()))
                        .into_owned()
                        .into(),
                ),
            ],
        )
    }

    /// "Suits you if you enjoy …", from the strongest three of the six interests.
    #[must_use]
    pub fn suits(&self, holland_code: &str) -> String {
        self.fmt("suits_you", &[("likes", self.likes(holland_code).into())])
    }

    /// "ideas, analysis and research, hands-on, practical work and …": what the strongest interests enjoy.
    #[must_use]
    pub fn likes(&self, holland_code: &str) -> String {
        let likes: Vec<String> = holland_code
            .chars()
            .map(|c| {
                self.get(&format!("enjoy_{}", c.to_ascii_lowercase()))
                    .into_owned()
            })
            .collect();
        match likes.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self.fmt(
                "list_and",
                &[
                    ("init", init.join(", ").into()),
                    ("last", last.as_str().into()),
                    ("count", likes.len().into()),
                ],
            ),
        }
    }

    /// The label of a salary basis.
    #[must_use]
    pub fn basis(&self, b: SalaryBasis) -> Cow<'_, str> {
        self.get(match b {
            SalaryBasis::Ctc => "basis_ctc",
            SalaryBasis::InHand => "basis_in_hand",
            SalaryBasis::Gross => "basis_gross",
        })
    }

    /// What a seat restriction depends on.
    #[must_use]
    pub fn seat_basis(&self, b: SeatBasis) -> Cow<'_, str> {
        let key: &'static str = b.into();
        self.get(&format!("seat_basis_{key}"))
    }

    /// A class-11 stream's name.
    #[must_use]
    pub fn school_stream(&self, s: disha_domain::SchoolStream) -> Cow<'_, str> {
        cached_name(&self.schools, s).map_or_else(
            || self.get(&format!("school_stream_{}", s.key())),
            Cow::Borrowed,
        )
    }

    /// What an official source covers.
    #[must_use]
    pub fn source_topic(&self, t: SourceTopic) -> Cow<'_, str> {
        let key: &'static str = t.into();
        self.get(&format!("source_topic_{key}"))
    }

    /// "1 career" or "12 careers", by the catalog language's plural rules.
    #[must_use]
    pub fn stream_count(&self, n: u64) -> String {
        self.fmt("stream_count", &[("count", n.into())])
    }

    /// The name of a RIASEC letter.
    #[must_use]
    pub fn riasec(&self, letter: char) -> Cow<'_, str> {
        self.get(&format!("riasec_{}", letter.to_ascii_lowercase()))
    }

    /// A field error in words: the message `field-error-<code>` filled with the error's parameters.
    #[must_use]
    pub fn field_error(&self, e: &FieldError) -> String {
        let args: Vec<Arg<'_>> = e
            .params
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
            .collect();
        let id = format!("field-error-{}", e.code.as_str());
        if self.has(&id) {
            self.fmt(&id, &args)
        } else {
            e.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_english_catalog_has_every_computed_id() {
        let m = Messages::english().expect("valid catalog");
        assert_eq!(m.lang(), "en");
        for &s in Stream::ALL {
            assert_ne!(m.stream(s), s.key(), "{} needs a display name", s.key());
        }
    }

    /// Every `t.get("…")` and `t.fmt("…"` in the templates and the code names a message that exists.
    #[test]
    fn every_id_the_code_names_is_in_the_catalog() {
        let m = Messages::english().expect("valid catalog");
        let root = concat!(env!("CARGO_MANIFEST_DIR"));
        let mut ids = BTreeSet::new();
        let mut stack = vec![
            std::path::PathBuf::from(root).join("src"),
            std::path::PathBuf::from(root).join("templates"),
        ];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("readable dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("text file");
                for call in ["t.get(\"", "t.fmt(\"", "t.fmt(\n"] {
                    for (i, _) in text.match_indices(call) {
                        let rest = text[i + call.len()..].trim_start().trim_start_matches('"');
                        let id: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                            .collect();
                        if !id.is_empty() {
                            ids.insert(id);
                        }
                    }
                }
            }
        }
        assert!(ids.len() > 50, "the scan found too few ids: {ids:?}");
        let missing: Vec<_> = ids.iter().filter(|id| !m.has(id)).collect();
        assert!(missing.is_empty(), "missing from en.ftl: {missing:?}");
    }

    #[test]
    fn a_missing_computed_id_is_named() {
        let text = include_str!("../locales/en.ftl").replace("stream-law =", "stream-lw =");
        let err = Messages::parse("en", &text).expect_err("must fail");
        assert!(err.contains("stream-law"), "{err}");
    }

    #[test]
    fn plurals_follow_the_language_rules() {
        let en = Messages::english().expect("valid catalog");
        assert_eq!(en.stream_count(1), "1 career");
        assert_eq!(en.stream_count(0), "0 careers");
        assert_eq!(en.stream_count(12), "12 careers");
        // Hindi puts 0 in the "one" category, unlike English.
        let mut hi = include_str!("../locales/en.ftl").to_owned();
        hi.push_str("\nplural-probe = { $n ->\n    [one] एक\n   *[other] अनेक\n}\n");
        let hi = Messages::parse("hi", &hi).expect("valid catalog");
        assert_eq!(hi.fmt("plural-probe", &[("n", 0.into())]), "एक");
        assert_eq!(hi.fmt("plural-probe", &[("n", 1.into())]), "एक");
        assert_eq!(hi.fmt("plural-probe", &[("n", 2.into())]), "अनेक");
        let en = Messages::parse("en", &{
            let mut t = include_str!("../locales/en.ftl").to_owned();
            t.push_str("\nplural-probe = { $n ->\n    [one] one\n   *[other] many\n}\n");
            t
        })
        .expect("valid catalog");
        assert_eq!(en.fmt("plural-probe", &[("n", 0.into())]), "many");
    }
}
