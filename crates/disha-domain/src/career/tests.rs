use super::*;

const VALID: &str = include_str!("../../tests/fixtures/valid.toml");

fn fields(errs: &FieldErrors) -> Vec<&str> {
    errs.0.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_complete_profile_parses() {
    let p = CareerProfile::from_toml(VALID).expect("valid fixture");
    assert_eq!(p.slug.as_str(), "test-career");
    assert_eq!(p.stream, Stream::Law);
    assert_eq!(p.education_level, EducationLevel::Professional);
    assert_eq!(p.interests.job_zone.get(), 4);
    assert_eq!(
        p.reviewed_on.map(|d| d.to_string()).as_deref(),
        Some("2026-11-28")
    );
    assert_eq!(p.jobs[0].salary.basis, SalaryBasis::Ctc);
    assert_eq!(p.interests.holland_code(), "EIC");
}

#[test]
fn a_wrong_type_is_reported_at_its_field_path() {
    let bad = VALID.replace("min_lpa = 6.0", "min_lpa = \"six\"");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["jobs[0].salary.min_lpa"]);
}

#[test]
fn an_unknown_stream_names_the_stream_field() {
    let bad = VALID.replace("stream = \"law\"", "stream = \"cooking\"");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["stream"]);
}

#[test]
fn a_misspelt_field_is_rejected_rather_than_ignored() {
    let bad = VALID.replace("skills =", "skils =");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert!(errs.0[0].field.contains("skils"), "{errs}");
}

#[test]
fn ranges_and_counts_are_checked_after_parsing() {
    let bad = VALID
        .replace("min_inr = 50000", "min_inr = 500000")
        .replace("job_zone = 4", "job_zone = 9");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["interests.job_zone"]);

    let bad = VALID
        .replace("min_inr = 50000", "min_inr = 500000")
        .replace("realistic = 1.0", "realistic = 0.5");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(
        fields(&errs),
        ["interests.realistic", "courses[0].fee.min_inr"]
    );
}

#[test]
fn html_in_the_overview_is_refused() {
    let bad = VALID.replace("written in **Markdown**", "written in <script>x</script>");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["overview"]);
}

#[test]
fn broken_toml_is_reported_against_the_file() {
    let errs = CareerProfile::from_toml("slug = ").expect_err("must fail");
    assert_eq!(fields(&errs), ["file"]);
}

#[test]
fn as_of_takes_a_year_or_a_month() {
    assert!(AsOf::parse("2025").is_ok());
    assert!(AsOf::parse("2025-12").is_ok());
    for bad in ["25", "2025-13", "2025-1", "last year", "1850"] {
        assert!(AsOf::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn onet_job_zone_is_one_to_five() {
    assert!(JobZone::new(1).is_ok());
    assert!(JobZone::new(5).is_ok());
    assert!(JobZone::new(0).is_err());
    assert!(JobZone::new(6).is_err());
}

#[test]
fn the_known_fields_are_exactly_the_serialised_ones() {
    let p = CareerProfile::from_toml(VALID).expect("valid fixture");
    let json = serde_json::to_value(&p).expect("json");
    let mut keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut known = PROFILE_FIELDS.to_vec();
    keys.sort_unstable();
    known.sort_unstable();
    assert_eq!(keys, known);
}

#[test]
fn a_profile_without_sources_is_refused() {
    let cut = VALID.find("[[sources]]").expect("fixture has sources");
    let errs = CareerProfile::from_toml(&VALID[..cut]).expect_err("must fail");
    assert!(fields(&errs).contains(&"sources"), "{errs}");
}

#[test]
fn sources_must_cover_exams_eligibility_and_regulator() {
    let bad = VALID.replace("covers = [\"regulator\"]", "covers = [\"exams\"]");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["sources"]);
    assert!(errs.0[0].english().contains("regulator"), "{errs}");
}

#[test]
fn a_source_url_must_be_a_web_address() {
    let bad = VALID.replace(
        "url = \"https://www.barcouncilofindia.org/\"",
        "url = \"javascript:alert(1)\"",
    );
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["sources[1].url"]);
}

#[test]
fn seat_restrictions_name_their_basis() {
    let p = CareerProfile::from_toml(VALID).expect("valid fixture");
    assert_eq!(p.restricted_seats[0].basis, SeatBasis::Domicile);
    let bad = VALID.replace("basis = \"domicile\"", "basis = \"caste\"");
    let errs = CareerProfile::from_toml(&bad).expect_err("must fail");
    assert_eq!(fields(&errs), ["restricted_seats[0].basis"]);
}
