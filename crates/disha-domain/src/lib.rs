//! Disha's domain: the types every other crate speaks, parsed once at the edge so that the rest of the code
//! can trust them. Nothing here does I/O.

pub mod account;
pub mod assessment;
pub mod career;
pub mod career_listing;
pub mod community;
pub mod compare;
pub mod courses;
pub mod errors;
pub mod institutes;
pub mod institution;
pub mod listing;
pub mod matching;
pub mod mistake;
pub mod occupation;
mod passwords;
pub mod roadmap;
pub mod search;
pub mod slug;
pub mod stream;
pub mod synonyms;

pub use account::{Account, Email, NewPassword, Role, Username, parse_new_account};
pub use career::{
    AsOf, Career, CareerProfile, CareerSource, CareerSummary, CheckedOn, College, Course,
    CourseLevel, EducationLevel, Faq, FeePer, FeeRange, GovernmentScale, Job, JobZone,
    RestrictedSeats, Riasec, Route, SalaryBasis, SalaryRange, SchoolStream, SeatBasis, Source,
    SourceTopic, SourceUrl, StartingPay, Status, Step, StreamFit, TotalCost,
};
pub use career_listing::{CareerListing, StreamCount};
pub use community::{
    Article, ArticleChanges, ArticleDraft, ArticleStatus, Comment, CommentAuthor, CommentStatus,
    CommentTarget, GuestDetails, Profile, QueuedComment, parse_article, parse_article_changes,
    parse_comment_body, parse_guest_comment, parse_tags, title_slug,
};
pub use compare::{CompareRequest, MAX_COMPARED};
pub use courses::{CourseLink, CourseMap, InstituteRule};
pub use errors::{FieldCode, FieldError, FieldErrors, Problem};
pub use institutes::{
    CatalogInstitute, InstituteDetails, InstituteSource, SeatNote, parse_institute, programme_level,
};
pub use institution::{
    Institution, InstitutionKind, InstitutionSource, Programme, ProgrammeLevel, STATES, name_slug,
    normalise_name, normalise_state,
};
pub use listing::{
    CareerQuery, CareerSort, PageRequest, Paged, RawCareerQuery, TitlePrefix, title_words,
};
pub use mistake::{MAX_REPORT_CHARS, MistakeReport, ProfileSection, RawMistakeReport, trim_spaces};
pub use occupation::{
    EducationShare, InterestScores, ONET_ATTRIBUTION, Occupation, OnetCode, Technology,
    UsEducation, UsWage, UsWages,
};
pub use roadmap::{StepStatus, step_key};
pub use search::{RawSearchQuery, SearchKind, SearchQuery};
pub use slug::Slug;
pub use stream::Stream;
pub use synonyms::Synonyms;
