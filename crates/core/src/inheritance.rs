//! Inherited responsibility: a layer below the assessed service — an IaaS's own published
//! answers, or a vendor's published answers under a hospital's check — attached to an
//! assessment. Items the layer covers are shown as inherited from it, with the source; and
//! who claims what is split per party, with what nobody has claimed.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::party::{Party, PartyRole, SourceRef};
use crate::report::digest;
use crate::scale::Outcome;
use crate::scoring::outcome_of;

/// Another party's answers the assessment stands on.
#[derive(Serialize, Deserialize, JsonSchema, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Layer {
    /// The party of the register the layer is (e.g. the IaaS).
    pub party: String,
    /// Where its answers come from.
    pub source: SourceRef,
    /// The items it covers, with what it says about each.
    pub covers: BTreeMap<String, String>,
}

/// A layer from another assessment of the same catalog (its full file or its published
/// version): the items it meets, with its statements, and the digest of the data it was
/// made from.
pub fn layer_from(catalog: &Catalog, other: &Assessment, party: &str) -> Layer {
    let scale = catalog.scale();
    Layer {
        party: party.to_owned(),
        source: SourceRef {
            assessment: other.id.clone(),
            title: other.subject.product.clone(),
            digest: digest(other),
        },
        covers: other
            .answers
            .iter()
            .filter(|(_, answer)| outcome_of(scale, Some(answer)) == Some(Outcome::Met))
            .map(|(item, answer)| (item.clone(), answer.statement.clone()))
            .collect(),
    }
}

/// A layer of another assessment's answers read from a file (an IaaS's or a vendor's published
/// version, say), with the party it is, in `role` (an IaaS under a vendor, the vendor under a
/// hospital's own check): the party already standing for a layer from the same assessment, so
/// attaching the file again replaces its layer (and takes the role chosen now); else a new
/// party named after the file's applicant (or product), under an id the register does not use
/// yet.
pub fn layer_of_file(
    catalog: &Catalog,
    assessment: &Assessment,
    other: &Assessment,
    role: PartyRole,
) -> (Layer, Party) {
    let existing = assessment
        .layers
        .iter()
        .find(|layer| layer.source.assessment == other.id)
        .and_then(|layer| assessment.party(&layer.party))
        .map(|party| Party {
            role,
            ..party.clone()
        });
    let party = existing.unwrap_or_else(|| {
        let id = (1..)
            .map(|n| format!("layer-{n}"))
            .find(|id| assessment.party(id).is_none())
            .expect("an unbounded sequence has a free id");
        let name = [&other.subject.applicant, &other.subject.product, &other.id]
            .into_iter()
            .find(|name| !name.is_empty())
            .cloned()
            .unwrap_or_default();
        Party { id, role, name }
    });
    (layer_from(catalog, other, &party.id), party)
}

/// A layer of what `party` holds in `assessment` itself: e.g. the items a vendor's reference
/// marks as also covered by its IaaS.
pub fn layer_of_party(assessment: &Assessment, party: &str) -> Layer {
    Layer {
        party: party.to_owned(),
        source: SourceRef {
            assessment: assessment.id.clone(),
            title: assessment
                .party(party)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            digest: String::new(),
        },
        covers: assessment
            .answers
            .iter()
            .filter(|(_, answer)| answer.parties.iter().any(|p| p == party))
            .map(|(item, _)| (item.clone(), String::new()))
            .collect(),
    }
}

/// Attaches `layer` as `party` (added to the register if its id is new, else its entry there
/// replaced), replacing a layer of the same party.
pub fn attach(assessment: &mut Assessment, layer: Layer, party: Party) {
    match assessment.parties.iter_mut().find(|p| p.id == party.id) {
        Some(registered) => *registered = party,
        None => assessment.parties.push(party),
    }
    assessment
        .layers
        .retain(|existing| existing.party != layer.party);
    assessment.layers.push(layer);
}

/// Who claims which items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Claims {
    /// Per party of the register, in register order: the items it holds by an answer here.
    pub held: Vec<(String, Vec<String>)>,
    /// Items a layer covers: item, the layer's party.
    pub inherited: Vec<(String, String)>,
    /// Items no answer names a party for and no layer covers.
    pub unclaimed: Vec<String>,
}

/// Splits the catalog's items by who claims them.
pub fn claims(catalog: &Catalog, assessment: &Assessment) -> Claims {
    let mut result = Claims {
        held: assessment
            .parties
            .iter()
            .map(|party| (party.id.clone(), Vec::new()))
            .collect(),
        ..Claims::default()
    };
    for item in &catalog.items {
        let parties = assessment
            .answers
            .get(&item.id)
            .map(|answer| answer.parties.as_slice())
            .unwrap_or_default();
        for party in parties {
            if let Some((_, items)) = result.held.iter_mut().find(|(id, _)| id == party) {
                items.push(item.id.clone());
            }
        }
        let layers: Vec<&Layer> = assessment
            .layers
            .iter()
            .filter(|layer| layer.covers.contains_key(&item.id))
            .collect();
        for layer in &layers {
            result
                .inherited
                .push((item.id.clone(), layer.party.clone()));
        }
        if parties.is_empty() && layers.is_empty() {
            result.unclaimed.push(item.id.clone());
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded;

    #[test]
    fn the_vendor_samples_iaas_share_becomes_a_layer_and_the_rest_is_split_by_party() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let sample = embedded::sample_assessment();
        let iaas = sample
            .parties
            .iter()
            .find(|party| party.role == PartyRole::Iaas)
            .expect("the sample names an IaaS")
            .clone();
        let layer = layer_of_party(&sample, &iaas.id);
        assert!(layer.covers.len() > 100, "{}", layer.covers.len());
        let mut hospital = Assessment::new("hospital", catalog, "t");
        attach(&mut hospital, layer.clone(), iaas.clone());
        let split = claims(catalog, &hospital);
        assert_eq!(split.inherited.len(), layer.covers.len());
        assert_eq!(
            split.unclaimed.len() + layer.covers.len(),
            catalog.items.len()
        );
        // Attaching again replaces, never doubles.
        attach(&mut hospital, layer, iaas);
        assert_eq!(hospital.layers.len(), 1);
        assert_eq!(claims(catalog, &hospital), split);
    }

    #[test]
    fn a_layer_from_a_published_assessment_covers_what_it_meets() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let sample = embedded::sample_assessment();
        let layer = layer_from(catalog, &sample, "vendor");
        let met = sample
            .answers
            .values()
            .filter(|a| outcome_of(catalog.scale(), Some(a)) == Some(Outcome::Met))
            .count();
        assert_eq!(layer.covers.len(), met);
        assert_eq!(layer.source.digest, digest(&sample));
    }

    #[test]
    fn a_file_attached_twice_is_one_layer_of_a_new_party_named_after_it_in_the_role_chosen() {
        let catalog = embedded::catalog("meti-2012").unwrap();
        let mut sample = embedded::sample_assessment();
        for answer in sample.answers.values_mut().take(3) {
            answer.status = Some("compliant".into());
        }
        let published = crate::publish::publish(catalog, &sample, "2026-11-30T00:00:00Z");
        let mut hospital = Assessment::new("hospital", catalog, "t");
        let (layer, party) = layer_of_file(catalog, &hospital, &published, PartyRole::Vendor);
        assert_eq!(
            (party.id.as_str(), party.role),
            ("layer-1", PartyRole::Vendor)
        );
        assert_eq!(party.name, sample.subject.applicant);
        assert_eq!(layer.covers.len(), 3);
        attach(&mut hospital, layer, party.clone());
        let parties = hospital.parties.len();
        // Attached again, it is the same party, in the role chosen then.
        let (again, same) = layer_of_file(catalog, &hospital, &published, PartyRole::Iaas);
        assert_eq!((&same.id, &same.name), (&party.id, &party.name));
        attach(&mut hospital, again, same);
        assert_eq!(
            (hospital.layers.len(), hospital.parties.len()),
            (1, parties)
        );
        assert_eq!(hospital.party("layer-1").unwrap().role, PartyRole::Iaas);
    }
}
