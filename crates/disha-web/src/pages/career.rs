//! `/careers/{slug}`: every section of a profile.

use super::{Card, Head, json_ld, render};
use crate::error::{AppError, AppResult};
use crate::format::{self, decimal, inr};
use crate::i18n::Messages;
use crate::markdown::to_safe_html;
use crate::respond::cached_public;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use disha_core::CareerPage;
use disha_domain::{Course, CourseLevel, FeePer, Slug};
use disha_store::scopes;
use serde_json::json;

struct SeatRow {
    basis: String,
    applies_to: String,
    rule: String,
    source: String,
}

/// The facts a family came for, each empty when the profile does not give it.
#[derive(Default)]
pub(super) struct Glance {
    pub(super) streams: String,
    pub(super) exams: String,
    pub(super) route: String,
    pub(super) cost: String,
    pub(super) cost_note: String,
    pub(super) pay: String,
    pub(super) pay_note: String,
    pub(super) pay_example: bool,
    /// "7th CPC pay matrix, Level 10: basic pay ₹56,100 a month", for a government first job.
    pub(super) scale: String,
    pub(super) scale_source: Option<SourceRow>,
    /// What the pay's basis (CTC, in-hand, gross) means, said once where the pay first appears.
    pub(super) basis_note: String,
}

struct RouteRow {
    label: String,
    name: String,
    years: String,
    path: String,
}

pub(super) struct SourceRow {
    name: String,
    url: String,
    note: String,
}

struct CourseRow {
    name: String,
    duration: String,
    exams: String,
    fee: String,
    total: String,
}

/// A course's fees over its whole length: the yearly fee times the years (rounded to the nearest ₹1,000, as
/// the inputs are estimates), or the whole-course fee as given.
fn course_total(c: &Course) -> (u32, u32) {
    match c.fee.per {
        FeePer::Total => (c.fee.min_inr, c.fee.max_inr),
        FeePer::Year => {
            let times = |fee: u32| {
                let total = (f64::from(fee) * c.duration_years / 1000.0).round() * 1000.0;
                // At most 15 years of at most ₹1 crore a year: far inside u32 after rounding.
                #[expect(
                    clippy::as_conversions,
                    reason = "a rounded, bounded, non-negative value"
                )]
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "as above"
                )]
                let n = total.clamp(0.0, f64::from(u32::MAX)) as u32;
                n
            };
            (times(c.fee.min_inr), times(c.fee.max_inr))
        }
    }
}

struct CourseTable {
    id: &'static str,
    caption: String,
    rows: Vec<CourseRow>,
    sources: Vec<String>,
}

struct JobRow {
    title: String,
    experience: String,
    salary: String,
    basis: String,
    example: bool,
}

struct Interest {
    letter: char,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "career.html")]
struct CareerView<'a> {
    t: &'a Messages,
    head: Head,
    comments: Vec<super::comments::CommentItem>,
    comment_base: String,
    slug: &'a str,
    title: &'a str,
    summary: &'a str,
    whatsapp_href: String,
    stream_key: &'static str,
    stream_name: String,
    suits: String,
    holland: String,
    job_zone: String,
    reviewed_text: String,
    overview_html: String,
    responsibilities: &'a [String],
    steps: &'a [disha_domain::Step],
    course_tables: Vec<CourseTable>,
    /// Curated courses leading here, each a link to the colleges that teach it: (slug, name).
    college_courses: Vec<(String, String)>,
    /// The colleges the profile names: name, city and, for a curated institute, its page.
    colleges: Vec<(String, String, Option<String>)>,
    skills: &'a [String],
    jobs: Vec<JobRow>,
    job_sources: Vec<String>,
    interests_intro: String,
    interests_source: String,
    interests_borrowed: Option<String>,
    interests: Vec<Interest>,
    faqs: &'a [disha_domain::Faq],
    related: Vec<Card<'a>>,
    revision_text: String,
    seats: Vec<SeatRow>,
    glance: Glance,
    routes: Vec<RouteRow>,
    stream_notes: Vec<String>,
    pending: &'a [String],
    official_sources: Vec<SourceRow>,
    onet: Option<OnetFacts>,
}

/// What the US occupation a profile is built on adds to it: a link, the US pay and the tools asked for.
struct OnetFacts {
    slug: String,
    intro: String,
    pay: Option<super::occupation::WageTable>,
    tools: Vec<super::occupation::ToolKind>,
}

/// How many kinds of tool a profile shows from O*NET, and how many tools of each.
const ONET_TOOL_KINDS: usize = 3;
const ONET_TOOLS: usize = 6;

fn onet_facts(t: &Messages, f: &disha_core::OccupationFacts) -> OnetFacts {
    let o = &f.occupation;
    OnetFacts {
        slug: f.slug.as_str().to_owned(),
        intro: t.fmt(
            "occupation_onet_facts_intro",
            &[("title", o.title.as_str().into())],
        ),
        pay: f
            .wages
            .as_ref()
            .and_then(|w| super::occupation::wage_table(t, w, o.code.soc())),
        tools: super::occupation::tool_kinds(o, ONET_TOOL_KINDS, ONET_TOOLS),
    }
}

/// Distinct "Source: …. As of …." notes, in first-seen order.
fn sources<'a>(t: &Messages, items: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (source, as_of) in items {
        let note = t.fmt(
            "figures_source",
            &[("source", source.into()), ("as_of", as_of.into())],
        );
        if !out.contains(&note) {
            out.push(note);
        }
    }
    out
}

fn course_table(t: &Messages, courses: &[Course], level: CourseLevel) -> Option<CourseTable> {
    let picked: Vec<&Course> = courses.iter().filter(|c| c.level == level).collect();
    if picked.is_empty() {
        return None;
    }
    let rows = picked
        .iter()
        .map(|c| CourseRow {
            name: c.name.clone(),
            duration: if (c.duration_years - 1.0).abs() < f64::EPSILON {
                t.get("duration_one").into_owned()
            } else {
                t.fmt(
                    "duration_many",
                    &[("years", decimal(c.duration_years).into())],
                )
            },
            exams: if c.entrance_exams.is_empty() {
                t.get("course_exams_none").into_owned()
            } else {
                c.entrance_exams.join(", ")
            },
            total: {
                let (min, max) = course_total(c);
                if max == 0 {
                    t.get("fee_free").into_owned()
                } else {
                    t.fmt(
                        "fee_range",
                        &[
                            ("min", inr(min).into()),
                            ("max", inr(max).into()),
                            ("per", t.get("fee_total").into_owned().into()),
                        ],
                    )
                }
            },
            fee: if c.fee.max_inr == 0 {
                t.get("fee_free").into_owned()
            } else {
                let per = t.get(match c.fee.per {
                    FeePer::Year => "fee_per_year",
                    FeePer::Total => "fee_total",
                });
                t.fmt(
                    "fee_range",
                    &[
                        ("min", inr(c.fee.min_inr).into()),
                        ("max", inr(c.fee.max_inr).into()),
                        ("per", per.into_owned().into()),
                    ],
                )
            },
        })
        .collect();
    let (id, caption) = match level {
        CourseLevel::Ug => ("courses-ug", t.get("career_courses_ug").into_owned()),
        CourseLevel::Pg => ("courses-pg", t.get("career_courses_pg").into_owned()),
    };
    Some(CourseTable {
        id,
        caption,
        rows,
        sources: sources(
            t,
            picked
                .iter()
                .map(|c| (c.fee.source.as_str(), c.fee.as_of.as_str())),
        ),
    })
}

/// Schema.org `Occupation` and `FAQPage` data for search engines.
fn structured_data(app: &AppState, page: &CareerPage, url: &str) -> serde_json::Value {
    let p = &page.career.profile;
    let salary_min = p
        .jobs
        .iter()
        .map(|j| j.salary.min_lpa)
        .fold(f64::INFINITY, f64::min);
    let salary_max = p.jobs.iter().map(|j| j.salary.max_lpa).fold(0.0, f64::max);
    let mut occupation = json!({
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": p.title,
        "description": p.summary,
        "url": url,
        "occupationalCategory": p.interests.occupation_code.as_ref().unwrap_or(&p.interests.onet_code),
        "occupationLocation": { "@type": "Country", "name": "India" },
        "educationRequirements": app.t.level(p.education_level).as_ref(),
        "skills": p.skills.join(", "),
        "responsibilities": p.responsibilities.join(" "),
    });
    if salary_min.is_finite() && salary_max > 0.0 {
        occupation["estimatedSalary"] = json!([{
            "@type": "MonetaryAmountDistribution",
            "name": "CTC",
            "currency": "INR",
            "duration": "P1Y",
            "minValue": (salary_min * 100_000.0).round(),
            "maxValue": (salary_max * 100_000.0).round(),
        }]);
        occupation["mainEntityOfPage"] =
            json!({ "@type": "WebPage", "lastReviewed": p.reviewed_on.map(|d| d.to_string()) });
    }
    let faq = json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": p.faqs.iter().map(|f| json!({
            "@type": "Question",
            "name": f.question,
            "acceptedAnswer": { "@type": "Answer", "text": f.answer },
        })).collect::<Vec<_>>(),
    });
    json!([occupation, faq])
}

pub(super) fn glance(t: &Messages, p: &disha_domain::CareerProfile) -> Glance {
    let mut g = Glance {
        streams: p
            .school_streams
            .iter()
            .map(|s| t.school_stream(s.stream).into_owned())
            .collect::<Vec<_>>()
            .join(", "),
        exams: p.main_exams.join(", "),
        ..Glance::default()
    };
    if let Some(years) = p.route_years.filter(|_| !p.route_summary.is_empty()) {
        g.route = t.fmt(
            "glance_route_value",
            &[
                ("route", p.route_summary.as_str().into()),
                ("years", years.into()),
            ],
        );
    }
    if let Some(c) = &p.total_cost {
        g.cost = t.fmt(
            "glance_cost_value",
            &[
                ("min", inr(c.min_inr).into()),
                ("max", inr(c.max_inr).into()),
            ],
        );
        g.cost_note = format!(
            "{} {}",
            c.covers.trim_end_matches('.'),
            t.fmt(
                "figures_source",
                &[
                    ("source", c.source.as_str().into()),
                    ("as_of", c.as_of.as_str().into())
                ],
            )
        );
    }
    if let Some(pay) = &p.starting_pay {
        g.pay = t.fmt(
            "glance_pay_value",
            &[
                ("min", decimal(pay.min_lpa).into()),
                ("max", decimal(pay.max_lpa).into()),
                ("basis", t.basis(pay.basis).into_owned().into()),
                ("month_min", inr(pay.monthly_in_hand_min).into()),
                ("month_max", inr(pay.monthly_in_hand_max).into()),
            ],
        );
        g.pay_note = t.fmt(
            "figures_source",
            &[
                ("source", pay.source.as_str().into()),
                ("as_of", pay.as_of.as_str().into()),
            ],
        );
        g.pay_example = pay.illustrative;
        g.basis_note = t
            .get(match pay.basis {
                disha_domain::SalaryBasis::Ctc => "basis_ctc_explained",
                disha_domain::SalaryBasis::InHand => "basis_in_hand_explained",
                disha_domain::SalaryBasis::Gross => "basis_gross_explained",
            })
            .into_owned();
        if let Some(scale) = &pay.government_scale {
            g.scale = t.fmt(
                "glance_scale",
                &[
                    ("scale", scale.name.as_str().into()),
                    ("basic", inr(scale.basic_monthly_inr).into()),
                ],
            );
            g.scale_source = Some(SourceRow {
                name: scale.source_name.clone(),
                url: scale.source_url.as_str().to_owned(),
                note: t.fmt(
                    "source_checked",
                    &[("date", format::day(scale.checked.date()).into())],
                ),
            });
        }
    }
    g
}

fn view<'a>(
    app: &'a AppState,
    page: &'a CareerPage,
    comments: &[disha_domain::Comment],
    onet: Option<&disha_core::OccupationFacts>,
) -> CareerView<'a> {
    let t = &app.t;
    let p = &page.career.profile;
    let slug = &p.slug;
    let path = format!("/careers/{slug}");
    let mut head = Head::new(
        app,
        format!("{} · {}", p.title, t.get("site_name")),
        p.summary.clone(),
        &path,
        "careers",
    );
    head.og_type = "article";
    head.json_ld = json_ld(&structured_data(app, page, &head.canonical));
    CareerView {
        t,
        comments: super::comments::thread(comments),
        comment_base: format!("/careers/{slug}/comments"),
        whatsapp_href: whatsapp_href(t, &p.title, &head.canonical),
        head,
        slug: p.slug.as_str(),
        title: &p.title,
        summary: &p.summary,
        stream_key: p.stream.key(),
        stream_name: t.stream(p.stream).into_owned(),
        suits: t.suits(&p.interests.holland_code()),
        holland: p.interests.holland_code(),
        job_zone: t.job_zone(p.interests.job_zone),
        reviewed_text: p.reviewed_on.map_or_else(String::new, |on| {
            t.fmt(
                "career_reviewed",
                &[
                    ("who", p.reviewed_by.as_str().into()),
                    ("date", format::day(on.date()).into()),
                ],
            )
        }),
        overview_html: to_safe_html(&p.overview),
        responsibilities: &p.responsibilities,
        steps: &p.steps,
        course_tables: [CourseLevel::Ug, CourseLevel::Pg]
            .into_iter()
            .filter_map(|l| course_table(t, &p.courses, l))
            .collect(),
        college_courses: app
            .library
            .courses()
            .for_career(slug.as_str())
            .map(|c| (c.slug.as_str().to_owned(), c.name.clone()))
            .collect(),
        colleges: p
            .colleges
            .iter()
            .map(|c| {
                let page = app
                    .library
                    .institute_for(c)
                    .map(|s| format!("/colleges/{s}"));
                (c.name.clone(), c.city.clone(), page)
            })
            .collect(),
        skills: &p.skills,
        jobs: p
            .jobs
            .iter()
            .map(|j| JobRow {
                title: j.title.clone(),
                experience: j.experience.clone(),
                salary: t.fmt(
                    "salary_range",
                    &[
                        ("min", decimal(j.salary.min_lpa).into()),
                        ("max", decimal(j.salary.max_lpa).into()),
                    ],
                ),
                basis: t.basis(j.salary.basis).into_owned(),
                example: j.salary.illustrative,
            })
            .collect(),
        job_sources: sources(
            t,
            p.jobs
                .iter()
                .map(|j| (j.salary.source.as_str(), j.salary.as_of.as_str())),
        ),
        interests_intro: t.get("interests_intro").into_owned(),
        interests_source: t.fmt(
            "interests_source",
            &[
                ("code", p.interests.onet_code.as_str().into()),
                ("title", p.interests.onet_title.as_str().into()),
            ],
        ),
        interests_borrowed: p
            .interests
            .occupation_code
            .as_deref()
            .zip(p.interests.occupation_title.as_deref())
            .map(|(code, title)| {
                t.fmt(
                    "interests_borrowed",
                    &[("code", code.into()), ("title", title.into())],
                )
            }),
        interests: p
            .interests
            .scores()
            .iter()
            .map(|(letter, v)| Interest {
                letter: *letter,
                label: t.riasec(*letter).into_owned(),
                value: decimal(*v),
            })
            .collect(),
        faqs: &p.faqs,
        related: page.related.iter().map(|c| Card::new(t, c)).collect(),
        revision_text: t.fmt(
            "career_revision",
            &[
                ("revision", page.career.revision.into()),
                ("date", format::date(page.career.updated_at).into()),
            ],
        ),
        seats: p
            .restricted_seats
            .iter()
            .map(|r| SeatRow {
                basis: t.seat_basis(r.basis).into_owned(),
                applies_to: r.applies_to.clone(),
                rule: r.rule.clone(),
                source: r.source.as_str().to_owned(),
            })
            .collect(),
        glance: glance(t, p),
        routes: p
            .routes
            .iter()
            .zip('A'..='Z')
            .map(|(r, letter)| RouteRow {
                label: t.fmt("route_label", &[("letter", letter.to_string().into())]),
                name: r.name.clone(),
                years: t.fmt("route_years", &[("years", r.years.into())]),
                path: r.path.clone(),
            })
            .collect(),
        stream_notes: p
            .school_streams
            .iter()
            .filter(|s| !s.note.is_empty())
            .map(|s| format!("{}: {}", t.school_stream(s.stream), s.note))
            .collect(),
        pending: &p.pending,
        onet: onet.map(|f| onet_facts(t, f)),
        official_sources: p
            .sources
            .iter()
            .map(|s| SourceRow {
                name: s.name.clone(),
                url: s.url.as_str().to_owned(),
                note: t.fmt(
                    "source_covers",
                    &[
                        (
                            "topics",
                            s.covers
                                .iter()
                                .map(|c| t.source_topic(*c).into_owned())
                                .collect::<Vec<_>>()
                                .join(", ")
                                .into(),
                        ),
                        ("date", format::day(s.checked.date()).into()),
                    ],
                ),
            })
            .collect(),
    }
}

/// A WhatsApp share link: a plain link to WhatsApp's own page with the text filled in, so the profile page
/// loads no script and tells no one that it was shared.
fn whatsapp_href(t: &Messages, title: &str, url: &str) -> String {
    let text = t.fmt(
        "share_text",
        &[("title", title.into()), ("url", url.into())],
    );
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("text", &text)
        .finish();
    format!("https://wa.me/?{query}")
}

/// `/careers/{slug}`: every section of a profile.
pub async fn career(
    State(app): State<AppState>,
    viewer: crate::auth::Viewer,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    // A malformed slug names no page, so it is the same 404 as an unknown one.
    let slug = Slug::parse(&slug).ok().ok_or(AppError::NotFound)?;
    let key = format!("page:/careers/{slug}");
    let target = disha_domain::CommentTarget::Career(slug.clone());
    // Comments have a scope per page, so a new comment here leaves every other cached page alone.
    let comment_scope = scopes::comments_on(&target);
    // The page is the same for everyone (a signed-in reader's own comments that wait for an editor are
    // shown to them on the thank-you page, not here), so signed-in readers get the public copy.
    cached_public(
        &app,
        &key,
        &[scopes::CAREERS, comment_scope.as_str()],
        &headers,
        viewer.account.as_ref(),
        || async {
            let page = match app.library.career(&slug).await {
                Err(disha_core::CoreError::NotFound) => {
                    let page = app.library.occupation(&slug).await?;
                    return super::occupation::render_page(&app, &page);
                }
                other => other?,
            };
            let comments = app.community.comments(&target, None).await?;
            let interests = &page.career.profile.interests;
            let code = interests
                .occupation_code
                .as_deref()
                .unwrap_or(&interests.onet_code);
            let onet = app.library.occupation_facts(code).await?;
            render(&view(&app, &page, &comments, onet.as_ref()))
        },
    )
    .await
}
