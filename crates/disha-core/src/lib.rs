//! Disha's use cases. Handlers call these; these call the store. Business rules that need no I/O live in
//! `disha-domain`; the ones that coordinate storage and caches live here.

pub mod accounts;
pub mod catalog;
mod error;
pub mod feedback;
pub mod freshness;
pub mod library;
pub mod mail;

pub use accounts::{Accounts, SignedIn};
pub use catalog::{CatalogError, CatalogFile, parse_catalog, parse_synonyms};
pub use error::CoreError;
pub use feedback::Feedback;
pub use freshness::ContentVersions;
pub use library::{CareerPage, HomeData, Library};
pub use mail::{DispatchReport, Dispatcher, MailTransport, SendFailure};
