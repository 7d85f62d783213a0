//! Disha's use cases. Handlers call these; these call the store. Business rules that need no I/O live in
//! `disha-domain`; the ones that coordinate storage and caches live here.

pub mod accounts;
pub mod aicte;
pub mod catalog;
pub mod colleges;
pub mod community;
mod error;
pub mod feedback;
pub mod freshness;
pub mod guidance;
pub mod import;
mod institutes;
pub mod library;
mod limits;
pub mod mail;
pub mod newsletter;
mod occupations;
pub mod onet;
mod published_pages;
pub mod search;
pub mod wages;

pub use accounts::{Accounts, RawAccountChanges, SignedIn};
pub use catalog::{CatalogError, CatalogFile, parse_catalog, parse_synonyms};
pub use colleges::{
    College, CollegeFilter, CollegePage, CollegeSort, CollegeSummary, Colleges, RawCollegeQuery,
};
pub use community::{ArticleQuery, Community, GuestComment, GuestOutcome, RawArticle, ReaderList};
pub use error::CoreError;
pub use feedback::Feedback;
pub use freshness::ContentVersions;
pub use import::{ImportSummary, Rejection};
pub use institutes::InstitutePage;
pub use library::{CareerPage, HomeData, Library};
pub use mail::{DispatchReport, Dispatcher, MailTransport, SendFailure};
pub use newsletter::Newsletter;
pub use occupations::{OccupationFacts, OccupationPage};
pub use published_pages::PublishedPage;
pub use search::Search;
