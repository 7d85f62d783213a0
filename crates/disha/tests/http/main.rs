//! Black-box HTTP tests: the real app on 127.0.0.1:0 with a fresh database each, driven over real sockets.
//! `DISHA_TEST_DB=postgres` (with `TEST_POSTGRES_URL`) runs the same tests against PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod api;
mod assessment;
mod blog;
mod colleges;
mod community;
mod connections;
mod family;
mod freshness;
mod institutes;
pub mod mail;
mod newsletter;
mod occupations;
mod ops;
mod pages;
mod reports;
mod search;
mod support;
