//! People who sign in: their email, public username, password rules and role, each parsed once at the edge.

use crate::{FieldErrors, Problem};
use serde::{Deserialize, Serialize};
use std::fmt;
use utoipa::ToSchema;

/// An email address, trimmed and lowercased (addresses are compared without case). Never shown publicly.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld`: 3–254 characters, one `@`, a dot in the domain, no spaces or controls.
    ///
    /// # Errors
    /// A format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim().to_lowercase();
        let bad = || Problem::format("an email address such as name@example.com");
        let n = s.chars().count();
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        let ok = (3..=254).contains(&n)
            && !local.is_empty()
            && local.chars().count() <= 64
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !s
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>');
        if ok { Ok(Self(s)) } else { Err(bad()) }
    }

    /// The address.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

// Addresses stay out of logs and debug output unless asked for by name.
impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(…)")
    }
}

/// A public name: 3–30 letters, digits, `_`, `-` or `.`; unique without regard to case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    /// Checks the characters and length.
    ///
    /// # Errors
    /// A length or format problem.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let s = raw.trim();
        let n = s.chars().count();
        if !(3..=30).contains(&n) {
            return Err(Problem::length(3, 30, n));
        }
        if s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            Ok(Self(s.to_owned()))
        } else {
            Err(Problem::format("letters, digits, _, - or ."))
        }
    }

    /// The name as chosen.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as compared for uniqueness.
    #[must_use]
    pub fn key(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

/// A new password that meets the rules. Never printed.
#[derive(Clone)]
pub struct NewPassword(String);

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

impl NewPassword {
    /// 10–128 characters, not one of the commonly used passwords, and not the email or username itself.
    ///
    /// # Errors
    /// A length problem, or `invalid` naming the rule.
    pub fn parse(
        raw: &str,
        email: Option<&Email>,
        username: Option<&Username>,
    ) -> Result<Self, Problem> {
        let n = raw.chars().count();
        if !(10..=128).contains(&n) {
            return Err(Problem::length(10, 128, n));
        }
        let lower = raw.to_lowercase();
        let is_own = email.is_some_and(|e| {
            lower == e.as_str() || lower == e.as_str().split('@').next().unwrap_or("")
        }) || username.is_some_and(|u| lower == u.key());
        if is_own || crate::passwords::is_common(&lower) {
            return Err(Problem::invalid(
                "is too easy to guess: it is a commonly used password or your own email or username",
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The password, for hashing.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What a person may do on the site.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Role {
    /// Reads, saves careers, comments (the default).
    #[default]
    Student,
    /// Answers callback requests and chats.
    Counsellor,
    /// Writes and moderates.
    Editor,
    /// Everything, including roles.
    Admin,
}

impl Role {
    /// The stored key.
    #[must_use]
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// Editors and admins write, publish and moderate anyone's content.
    #[must_use]
    pub fn edits(self) -> bool {
        matches!(self, Role::Editor | Role::Admin)
    }

    /// Whose articles go out without an editor checking them first.
    #[must_use]
    pub fn publishes(self) -> bool {
        !matches!(self, Role::Student)
    }
}

/// A signed-in person as the site sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The account's number.
    pub id: i64,
    /// Their address; shown only to themselves.
    pub email: Email,
    /// Their public name.
    pub username: Username,
    /// What they may do.
    pub role: Role,
    /// A short public biography, possibly empty.
    pub bio: String,
    /// A picture's address, possibly empty.
    pub image: String,
    /// Whether they have followed the link mailed to their address.
    pub verified: bool,
}

/// Checks the fields of a new account together, naming every bad one.
///
/// # Errors
/// The fields that could not be accepted: `email`, `username`, `password`.
pub fn parse_new_account(
    email: &str,
    username: &str,
    password: &str,
) -> Result<(Email, Username, NewPassword), FieldErrors> {
    let mut e = FieldErrors::default();
    let email = Email::parse(email).map_err(|p| e.at("email", p)).ok();
    let username = Username::parse(username)
        .map_err(|p| e.at("username", p))
        .ok();
    let password = NewPassword::parse(password, email.as_ref(), username.as_ref())
        .map_err(|p| e.at("password", p))
        .ok();
    match (email, username, password) {
        (Some(a), Some(b), Some(c)) if e.is_empty() => Ok((a, b, c)),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_checked() {
        assert_eq!(
            Email::parse("  Asha.K@Example.IN ").map(|e| e.as_str().to_owned()),
            Ok("asha.k@example.in".into())
        );
        for bad in [
            "asha",
            "a@b",
            "@example.in",
            "a b@example.in",
            "a@@example.in",
            "a@example.",
            "<a@example.in>",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            format!("{:?}", Email::parse("a@example.in")),
            "Ok(Email(…))",
            "never printed"
        );
    }

    #[test]
    fn usernames_are_short_plain_names_unique_without_case() {
        assert_eq!(
            Username::parse("Asha_K").map(|u| u.key()),
            Ok("asha_k".into())
        );
        assert!(Username::parse("as").is_err());
        assert!(Username::parse("asha k").is_err());
        assert!(Username::parse("<script>").is_err());
    }

    #[test]
    fn passwords_must_be_long_uncommon_and_not_your_own_name() {
        let email = Email::parse("asha@example.in").ok();
        let user = Username::parse("ashakumari").ok();
        assert!(NewPassword::parse("short", None, None).is_err());
        assert!(
            NewPassword::parse("1234567890", None, None).is_err(),
            "common"
        );
        assert!(
            NewPassword::parse("Password123", None, None).is_err(),
            "common, any case"
        );
        assert!(
            NewPassword::parse("AshaKumari", email.as_ref(), user.as_ref()).is_err(),
            "own username"
        );
        assert!(NewPassword::parse("river-mango-kite-42", email.as_ref(), user.as_ref()).is_ok());
        assert_eq!(
            format!(
                "{:?}",
                NewPassword::parse("river-mango-kite-42", None, None)
            ),
            "Ok(NewPassword(…))"
        );
    }

    #[test]
    fn a_new_account_names_every_bad_field() {
        let errs = parse_new_account("not-an-email", "a", "123").expect_err("all bad");
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "username", "password"]);
    }
}
