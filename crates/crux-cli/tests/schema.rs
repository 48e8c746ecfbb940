//! The JSON Schema of the output, generated from the types, is kept in `docs/` so that any change
//! to the output shape shows in review. This test fails when the two drift apart.

use std::path::Path;

#[test]
fn docs_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/output.schema.json");
    let generated = format!("{}\n", crux_cli::json_schema());
    if std::env::var_os("CRUX_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == generated,
        "docs/output.schema.json is out of date with the output types; review the change and \
         regenerate it with `cargo run -p crux-cli -- schema > docs/output.schema.json` \
         (or CRUX_UPDATE_SCHEMA=1 cargo test -p crux-cli --test schema)"
    );
}

#[test]
fn schema_names_every_contract_field() {
    let schema: serde_json::Value = serde_json::from_str(&crux_cli::json_schema()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in [
        "version",
        "source",
        "format",
        "text",
        "meta",
        "paragraphs",
        "sentences",
        "quotes",
        "caveats",
        "claims",
        "assessments",
        "balance",
    ] {
        assert!(required.contains(&field), "schema lacks required {field}");
    }
}
