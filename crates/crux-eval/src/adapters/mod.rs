//! One module per data set. Each exposes `run(path, reader) -> Result<DatasetResult, _>`,
//! registered in [`crate::DATASETS`]; `docs/evaluation.md` documents its metric.

pub(crate) mod corenlp;
pub(crate) mod golden_rules;
pub(crate) mod iam_claims;
pub(crate) mod iam_stance;
pub(crate) mod ibm_claim_stance;
pub(crate) mod ibm_evidence;
pub(crate) mod microtexts;
pub(crate) mod newssd;
pub(crate) mod polar;
pub(crate) mod polnear;
pub(crate) mod szeged;
pub(crate) mod textacy;
pub(crate) mod ukp;
pub(crate) mod vader_nyt;
pub(crate) mod webis_editorials;
