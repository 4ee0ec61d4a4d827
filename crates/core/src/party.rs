//! Parties: who holds an item. Responsibility for an item is shared out among named parties —
//! the vendor, its IaaS or a subcontractor (by name, e.g. Microsoft Azure), the hospital, its
//! SI — and an answer lists every party that does part of it.
//!
//! An assessment keeps a register of its parties; answers refer to them by id. A register
//! that was never edited holds the four standard parties, whose ids are their roles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of party, which decides what the dashboard and the hospital's to-do list show.
#[derive(
    Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum PartyRole {
    /// 事業者: the service provider being assessed.
    Vendor,
    /// IaaS・再委託先: the infrastructure provider or a subcontractor of the vendor.
    Iaas,
    /// 医療機関等: the hospital or clinic using the service.
    Hospital,
    /// SI事業者: the hospital's system integrator.
    Si,
}

impl PartyRole {
    /// Every role, in the order they are offered.
    pub const ALL: [PartyRole; 4] = [
        PartyRole::Vendor,
        PartyRole::Iaas,
        PartyRole::Hospital,
        PartyRole::Si,
    ];

    /// The id of the standard party of this role.
    pub fn standard_id(self) -> &'static str {
        match self {
            PartyRole::Vendor => "vendor",
            PartyRole::Iaas => "iaas",
            PartyRole::Hospital => "hospital",
            PartyRole::Si => "si",
        }
    }
}

/// One party of an assessment.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    /// What answers refer to, e.g. `vendor` or `azure`.
    pub id: String,
    /// What the party is to the product: vendor, IaaS or subcontractor, hospital or SI.
    pub role: PartyRole,
    /// The party's own name (e.g. `Microsoft Azure`); empty for a party known by its role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Party {
    /// The four standard parties, one per role.
    pub fn standard() -> Vec<Party> {
        PartyRole::ALL
            .into_iter()
            .map(|role| Party {
                id: role.standard_id().to_owned(),
                role,
                name: String::new(),
            })
            .collect()
    }
}

/// Where an answer came from, when it was not entered in this assessment.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    /// Whether the vendor provided it, another assessment passed it on, or an importer read it.
    pub kind: ProvenanceKind,
    /// The assessment the answer was taken from.
    pub source: SourceRef,
    /// When a person here confirmed or changed the answer (RFC 3339); until then it is only
    /// what the source said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_at: Option<String>,
}

/// How an answer reached this assessment.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ProvenanceKind {
    /// Provided by the vendor (its published answers), not yet confirmed here.
    Provided,
    /// Inherited from another assessment (e.g. an IaaS layer's own).
    Inherited,
    /// Read from a source document by an importer: the vendor stated it; the status, where
    /// there is one, is the importer's reading and says so in the answer's notes.
    Imported,
}

/// Another assessment, named well enough to find it again.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    /// The source assessment's id.
    pub assessment: String,
    /// What a person recognises it by: product and vendor, or the document's title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// SHA-256 of its content as a signature covers it (`report::digest`): the same for a
    /// JSON, Excel or CSV file of it. Empty when not known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
}
