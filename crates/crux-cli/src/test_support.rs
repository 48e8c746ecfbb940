//! What the renderers' tests share.

/// A report on an invented text with at least two hedges held by others ("Analysts believe",
/// "reporters asked whether") beside the writer's own ("may").
pub(crate) fn report_with_others_hedges() -> crux_report::Report {
    let text = "The council will vote on the ferry plan in May. Analysts believe the fares \
                could rise, and reporters asked whether the route would close. The plan \
                may fail, but it is cheap.";
    let report = crux_report::analyze_text("t", text, crux_parser::InputFormat::Text);
    let held = &report.analysis.document.attributed_caveats;
    assert!(held.len() >= 2, "{held:?}");
    report
}
