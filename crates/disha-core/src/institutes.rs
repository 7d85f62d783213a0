//! The curated institutes (IITs, NITs, AIIMS, NLUs …) in the store and on the site: loaded whole from the
//! catalog at start, each with a page, found by search, and linked from the career profiles that name them.

use crate::import::sha256_hex;
use crate::{CoreError, Library};
use disha_domain::{
    CatalogInstitute, College, InstituteDetails, InstitutionKind, STATES, Slug,
    institutes::find_institute,
};
use disha_store::{DataRecord, Dataset, ImportCounts, StoreError, StoredRecord};
use serde::{Deserialize, Serialize};

/// A curated institute as the store keeps it.
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    name: String,
    kind: String,
    state: String,
    women_only: bool,
    details: InstituteDetails,
}

/// A curated institute's page.
#[derive(Debug, Clone)]
pub struct InstitutePage {
    /// Its address.
    pub slug: Slug,
    /// Its full name.
    pub name: String,
    /// Its family.
    pub kind: InstitutionKind,
    /// Its state.
    pub state: &'static str,
    /// Admits women only.
    pub women_only: bool,
    /// Everything else the catalog says.
    pub details: InstituteDetails,
}

fn corrupt(key: &str, what: &str) -> CoreError {
    CoreError::Internal(StoreError::Corrupt(format!("institute {key}: {what}")))
}

fn decode(r: &StoredRecord) -> Result<InstitutePage, CoreError> {
    let s: Stored = serde_json::from_str(&r.body).map_err(|e| corrupt(&r.key, &e.to_string()))?;
    Ok(InstitutePage {
        slug: r.slug.clone().ok_or_else(|| corrupt(&r.key, "no slug"))?,
        kind: s
            .kind
            .parse()
            .map_err(|_unknown| corrupt(&r.key, &s.kind))?,
        state: STATES
            .iter()
            .find(|x| **x == s.state)
            .copied()
            .ok_or_else(|| corrupt(&r.key, &s.state))?,
        name: s.name,
        women_only: s.women_only,
        details: s.details,
    })
}

impl Library {
    /// Makes the stored curated institutes exactly `institutes`, in one transaction; changes nothing (and
    /// refreshes no page) when they are already stored as given.
    ///
    /// # Errors
    /// When the store fails; then nothing was written.
    pub async fn load_institutes(
        &self,
        institutes: &[CatalogInstitute],
    ) -> Result<ImportCounts, CoreError> {
        let records = institutes
            .iter()
            .map(|i| {
                let stored = Stored {
                    name: i.name.clone(),
                    kind: <&'static str>::from(i.kind).to_owned(),
                    state: i.state.to_owned(),
                    women_only: i.women_only,
                    details: i.details.clone(),
                };
                let body = serde_json::to_string(&stored)
                    .map_err(|e| corrupt(i.slug.as_str(), &e.to_string()))?;
                Ok(DataRecord {
                    key: i.slug.as_str().to_owned(),
                    slug: Some(i.slug.clone()),
                    digest: sha256_hex(&[&body]),
                    summary: String::from("{}"),
                    body,
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        let counts = self
            .store
            .import_dataset(Dataset::Institutes, &records)
            .await?;
        if counts.inserted + counts.updated + counts.removed > 0 {
            self.observe_writes().await;
        }
        Ok(counts)
    }

    /// A curated institute by its slug.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn institute(&self, slug: &Slug) -> Result<Option<InstitutePage>, CoreError> {
        self.store
            .data_record(Dataset::Institutes, slug.as_str())
            .await?
            .as_ref()
            .map(decode)
            .transpose()
    }

    /// Every stored curated institute: what search and the sitemap list.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn institutes(&self) -> Result<Vec<InstitutePage>, CoreError> {
        self.store
            .data_records(Dataset::Institutes)
            .await?
            .iter()
            .map(decode)
            .collect()
    }

    /// The slug of the curated institute a profile's college is, when the catalog has it.
    #[must_use]
    pub fn institute_for(&self, college: &College) -> Option<Slug> {
        find_institute(&self.catalog_institutes, &college.name, &college.city)
            .map(|i| i.slug.clone())
    }
}
