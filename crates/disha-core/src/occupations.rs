//! US occupations (O*NET) and their wages (BLS) in the career library: imported whole, listed beside the
//! curated profiles, and read as pages of their own.

use crate::import::{ImportSummary, sha256_hex};
use crate::{CoreError, Library};
use disha_domain::{
    CareerSource, CareerSummary, EducationLevel, Occupation, OnetCode, Slug, Stream, UsWages,
};
use disha_store::{DataRecord, Dataset, StoreError, StoredRecord};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What a list needs of an occupation, stored beside it.
#[derive(Debug, Serialize, Deserialize)]
struct ListedOccupation {
    title: String,
    field: Stream,
    level: EducationLevel,
    summary: String,
}

/// An occupation's page: the occupation, its US wages and the careers it relates to.
#[derive(Debug, Clone)]
pub struct OccupationPage {
    /// The page's address.
    pub slug: Slug,
    /// The occupation.
    pub occupation: Occupation,
    /// US wages for its SOC code (or the broad group holding it), when BLS publishes them.
    pub wages: Option<UsWages>,
    /// Its related occupations that have pages, closest first.
    pub related: Vec<CareerSummary>,
    /// Curated profiles built on this occupation.
    pub curated: Vec<CareerSummary>,
    /// When the import last changed it.
    pub updated_at: OffsetDateTime,
}

/// The O*NET facts a curated profile can show: the occupation's page and what the profile lacks.
#[derive(Debug, Clone)]
pub struct OccupationFacts {
    /// The occupation's page.
    pub slug: Slug,
    /// The occupation.
    pub occupation: Occupation,
    /// Its US wages.
    pub wages: Option<UsWages>,
}

fn corrupt(what: &str, key: &str, e: &serde_json::Error) -> CoreError {
    CoreError::Internal(StoreError::Corrupt(format!("{what} {key}: {e}")))
}

/// A stored occupation's list entry.
pub(crate) fn summary_of(r: &StoredRecord) -> Result<CareerSummary, CoreError> {
    let listed: ListedOccupation =
        serde_json::from_str(&r.summary).map_err(|e| corrupt("occupation summary", &r.key, &e))?;
    let slug = r.slug.clone().ok_or_else(|| {
        CoreError::Internal(StoreError::Corrupt(format!(
            "occupation {} has no slug",
            r.key
        )))
    })?;
    Ok(CareerSummary {
        slug,
        title: listed.title,
        stream: listed.field,
        summary: listed.summary,
        education_level: listed.level,
        school_streams: Vec::new(),
        revision: 1,
        updated_at: r.updated_at,
        source: CareerSource::Onet,
    })
}

fn occupation_of(r: &StoredRecord) -> Result<Occupation, CoreError> {
    serde_json::from_str(&r.body).map_err(|e| corrupt("occupation", &r.key, &e))
}

/// An occupation as the store keeps it.
///
/// # Errors
/// When it cannot be encoded (it always can: it is plain data).
fn record(o: &Occupation) -> Result<DataRecord, CoreError> {
    let listed = ListedOccupation {
        title: o.title.clone(),
        field: o.field(),
        level: o.education_level(),
        summary: o.summary(),
    };
    let encode = |e: serde_json::Error| corrupt("occupation", o.code.as_str(), &e);
    let summary = serde_json::to_string(&listed).map_err(encode)?;
    let body = serde_json::to_string(o).map_err(encode)?;
    Ok(DataRecord {
        key: o.code.as_str().to_owned(),
        slug: Some(o.wanted_slug()),
        digest: sha256_hex(&[&summary, &body]),
        summary,
        body,
    })
}

impl Library {
    /// Makes the stored occupations exactly `occupations`, in one transaction, and refreshes this
    /// instance's caches when anything changed.
    ///
    /// # Errors
    /// When the store fails; then nothing was written.
    pub async fn import_onet(
        &self,
        occupations: &[Occupation],
        mut summary: ImportSummary,
    ) -> Result<ImportSummary, CoreError> {
        let records = occupations
            .iter()
            .map(record)
            .collect::<Result<Vec<_>, _>>()?;
        summary.counts = self.store.import_dataset(Dataset::Onet, &records).await?;
        self.observe_writes().await;
        Ok(summary)
    }

    /// Makes the stored US wages exactly `wages`, in one transaction.
    ///
    /// # Errors
    /// When the store fails; then nothing was written.
    pub async fn import_wages(
        &self,
        wages: &[UsWages],
        mut summary: ImportSummary,
    ) -> Result<ImportSummary, CoreError> {
        let records = wages
            .iter()
            .map(|w| {
                let body = serde_json::to_string(w).map_err(|e| corrupt("wages", &w.soc, &e))?;
                Ok(DataRecord {
                    key: w.soc.clone(),
                    slug: None,
                    digest: sha256_hex(&[&body]),
                    summary: String::from("{}"),
                    body,
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        summary.counts = self.store.import_dataset(Dataset::Wages, &records).await?;
        self.observe_writes().await;
        Ok(summary)
    }

    /// Every imported occupation's list entry.
    pub(crate) async fn occupation_summaries(&self) -> Result<Vec<CareerSummary>, CoreError> {
        self.store
            .data_summaries(Dataset::Onet)
            .await?
            .iter()
            .map(summary_of)
            .collect()
    }

    /// Every imported occupation in full, with its page's slug: what search indexes.
    ///
    /// # Errors
    /// When the store fails or a record no longer decodes.
    pub async fn occupations(&self) -> Result<Vec<(Slug, Occupation)>, CoreError> {
        self.store
            .data_records(Dataset::Onet)
            .await?
            .iter()
            .filter_map(|r| Some((r.slug.clone()?, occupation_of(r))))
            .map(|(s, o)| o.map(|o| (s, o)))
            .collect()
    }

    /// US wages for a SOC code, or for the broad group that holds it when BLS publishes only that.
    async fn wages(&self, code: &OnetCode) -> Result<Option<UsWages>, CoreError> {
        let soc = code.soc();
        let broad = format!("{}0", soc.get(..6).unwrap_or(soc));
        for key in [soc, broad.as_str()] {
            if let Some(r) = self.store.data_record(Dataset::Wages, key).await? {
                return serde_json::from_str(&r.body)
                    .map(Some)
                    .map_err(|e| corrupt("wages", key, &e));
            }
        }
        Ok(None)
    }

    /// An occupation's page.
    ///
    /// # Errors
    /// `NotFound` for a slug no occupation has.
    pub async fn occupation(&self, slug: &Slug) -> Result<OccupationPage, CoreError> {
        let r = self
            .store
            .data_record_by_slug(Dataset::Onet, slug)
            .await?
            .ok_or(CoreError::NotFound)?;
        let occupation = occupation_of(&r)?;
        let wages = self.wages(&occupation.code).await?;
        let listing = self.listing().await?;
        let related = listing.pick(&self.occupation_slugs(&occupation.related).await?);
        let curated = listing.pick(&self.curated_for(&occupation.code).await?);
        Ok(OccupationPage {
            slug: slug.clone(),
            occupation,
            wages,
            related,
            curated,
            updated_at: r.updated_at,
        })
    }

    /// The O*NET occupation a curated profile is built on, with its wages, when it has been imported.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn occupation_facts(&self, code: &str) -> Result<Option<OccupationFacts>, CoreError> {
        let Some(r) = self.store.data_record(Dataset::Onet, code).await? else {
            return Ok(None);
        };
        let Some(slug) = r.slug.clone() else {
            return Ok(None);
        };
        let occupation = occupation_of(&r)?;
        let wages = self.wages(&occupation.code).await?;
        Ok(Some(OccupationFacts {
            slug,
            occupation,
            wages,
        }))
    }

    async fn occupation_slugs(&self, codes: &[OnetCode]) -> Result<Vec<Slug>, CoreError> {
        let map = self.occupation_index().await?;
        Ok(codes
            .iter()
            .filter_map(|c| map.slugs.get(c.as_str()).cloned())
            .collect())
    }

    /// The O*NET code each curated profile is built on.
    pub(crate) async fn curated_codes(
        &self,
    ) -> Result<std::collections::HashMap<Slug, String>, CoreError> {
        let map = self.occupation_index().await?;
        Ok(map
            .curated
            .iter()
            .flat_map(|(code, slugs)| slugs.iter().map(|s| (s.clone(), code.clone())))
            .collect())
    }

    async fn curated_for(&self, code: &OnetCode) -> Result<Vec<Slug>, CoreError> {
        let map = self.occupation_index().await?;
        Ok(map.curated.get(code.as_str()).cloned().unwrap_or_default())
    }
}

/// Which page each O*NET code has, and which curated profiles are built on it.
#[derive(Debug, Default)]
pub(crate) struct OccupationIndex {
    slugs: std::collections::HashMap<String, Slug>,
    curated: std::collections::HashMap<String, Vec<Slug>>,
}

impl Library {
    /// The code-to-page index, built once per careers-scope version.
    async fn occupation_index(&self) -> Result<std::sync::Arc<OccupationIndex>, CoreError> {
        let version = self.content_version(disha_store::scopes::CAREERS);
        self.occupation_index
            .get(version, async || {
                let mut index = OccupationIndex::default();
                for r in self.store.data_summaries(Dataset::Onet).await? {
                    if let Some(slug) = r.slug {
                        index.slugs.insert(r.key, slug);
                    }
                }
                let listing = self.listing().await?;
                for s in listing.all() {
                    if s.source != CareerSource::Curated {
                        continue;
                    }
                    if let Some(c) = self.store.published_career(&s.slug).await? {
                        let i = &c.profile.interests;
                        let code = i
                            .occupation_code
                            .clone()
                            .unwrap_or_else(|| i.onet_code.clone());
                        index.curated.entry(code).or_default().push(s.slug);
                    }
                }
                Ok(index)
            })
            .await
    }
}
