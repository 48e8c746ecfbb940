//! Risks, benefits and verdicts on texts of the crux developers' own writing: a news report, an
//! editorial, and one table per class of error seen on real articles (issue 13).

use crux_analysis::{Analysis, AssessmentKind, Verdict, WeightReason, analyze};

fn analysis(text: &str) -> Analysis {
    analyze(crux_parser::parse(text).document)
}

fn kinds(text: &str) -> Vec<AssessmentKind> {
    analysis(text).assessments.iter().map(|a| a.kind).collect()
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

use AssessmentKind::{Benefit, Risk};

/// Each row: a sentence and the kinds it states, in order.
fn check(rows: &[(&str, &[AssessmentKind])]) {
    for (text, expected) in rows {
        assert_eq!(&kinds(text), expected, "{text}");
    }
}

#[test]
fn a_news_report_relays_views_and_weighs_none() {
    let a = analysis(&fixture("news-report.txt"));
    // The farmer's risk, the mayor's benefits: stated, each held by its speaker.
    let held: Vec<(AssessmentKind, &str)> = a
        .assessments
        .iter()
        .map(|x| (x.kind, x.holder.as_str()))
        .collect();
    assert!(held.contains(&(Risk, "Ann Hope")), "{held:?}");
    assert!(
        held.iter().any(|&(k, h)| k == Benefit && h == "Tom Reed"),
        "{held:?}"
    );
    assert!(
        a.assessments.iter().all(|x| x.holder != "author"),
        "{held:?}"
    );
    // Relayed, not weighed: the report's verdict is neutral.
    for x in &a.assessments {
        assert_eq!(x.weighting[0].reason, WeightReason::Reported);
        assert_eq!(x.weight, 0.0);
    }
    assert_eq!(a.balance.verdict, Verdict::Neutral);
    assert_eq!(a.balance.net, 0.0);
}

#[test]
fn an_editorial_weighs_and_concedes() {
    let a = analysis(&fixture("editorial.txt"));
    assert!(a.assessments.iter().all(|x| x.holder == "author"));
    // "Supporters promise jobs and growth, to be sure. But …": the benefit granted counts half.
    let conceded = a
        .assessments
        .iter()
        .find(|x| x.kind == Benefit)
        .expect("the benefit the writer grants");
    assert_eq!(conceded.weighting[0].reason, WeightReason::Conceded);
    assert!(matches!(
        a.balance.verdict,
        Verdict::Negative | Verdict::MostlyNegative
    ));
}

#[test]
fn an_editorial_for_something_concludes_on_its_benefit() {
    // It argues for the night trains mostly by the harm of cutting them, and concludes with
    // their benefit: the conclusion carries the verdict.
    let a = analysis(&fixture("editorial-for.txt"));
    let last = a.assessments.last().expect("the concluding benefit");
    assert_eq!(last.kind, Benefit);
    assert_eq!(
        last.weighting.iter().map(|w| w.reason).collect::<Vec<_>>(),
        [WeightReason::Conclusion]
    );
    assert_eq!(last.weight, crux_analysis::CONCLUSION_WEIGHT);
    // Only the concluding paragraph is weighed so.
    assert!(
        a.assessments[..a.assessments.len() - 1]
            .iter()
            .all(|x| x.weighting.is_empty())
    );
    // Counted once, the benefits would weigh less than the harms stated.
    let once = a.balance.benefit - last.score * (last.weight - 1.0);
    assert!(once < a.balance.risk, "{:?}", a.balance);
    assert!(a.balance.net > 0.05, "{:?}", a.balance);
}

#[test]
fn words_out_of_their_sense_state_nothing() {
    check(&[
        ("The comedian's charm offensive broke records.", &[]),
        ("The gunshot victim is now in a stable condition.", &[]),
        ("Gross domestic output rose last year.", &[]),
        ("The mayor declined to give details.", &[]),
        ("Fewer than ten people came.", &[]),
    ]);
}

#[test]
fn an_evaluative_word_of_gain_is_not_a_benefit_alone() {
    check(&[
        ("The festival runs until Friday.", &[]),
        ("It was a wonderful evening.", &[]),
        ("The team was expected to win.", &[]),
        // Backed by a second word of gain, it is.
        ("The scheme is a wonderful, generous gift.", &[Benefit]),
    ]);
}

#[test]
fn negations_and_shifters_turn_the_polarity() {
    check(&[
        ("The filter will prevent intense suffering.", &[Benefit]),
        ("Nuclear plants produce no harmful gases.", &[Benefit]),
        ("The region has no protection from floods.", &[Risk]),
        ("The campaign did not stop risky behaviour.", &[Risk]),
        ("Vaccination reduces the risk of infection.", &[Benefit]),
        ("The drug cuts deaths from malaria.", &[Benefit]),
        ("Road deaths fell last year.", &[Benefit]),
        ("Factory output dropped in March.", &[Risk]),
        ("The move is not a threat.", &[]),
    ]);
}

#[test]
fn a_sentence_states_as_many_as_its_clauses() {
    check(&[
        (
            "The plan will cost billions and it could fail.",
            &[Risk, Risk],
        ),
        (
            "The dam will destroy the valley, but the lake will boost tourism.",
            &[Risk, Benefit],
        ),
        // One clause states one risk however many words name it.
        ("The plan is a costly and dangerous risk.", &[Risk]),
    ]);
}

#[test]
fn others_words_are_theirs() {
    let a = analysis(
        "The plan is sound and useful. \"It will destroy the village,\" said Ann Hope, a \
         farmer. We should adopt it.",
    );
    let risk = a
        .assessments
        .iter()
        .find(|x| x.kind == Risk)
        .expect("the farmer's risk");
    assert_eq!(risk.holder, "Ann Hope");
    assert_eq!(risk.weighting[0].reason, WeightReason::OthersView);
}

#[test]
fn a_harm_a_reported_speaker_would_lessen_is_their_benefit() {
    // A general harm word in reported speech describes the events reported and states nothing
    // alone; under a mitigating verb it is the object of a stated gain, the speaker's.
    check(&[
        ("The mayor said violence in the park had grown.", &[]),
        (
            "The mayor said the new lights would reduce violence in the park.",
            &[Benefit],
        ),
        (
            "Officials said the new law would curb abuse in care homes.",
            &[Benefit],
        ),
    ]);
    let a = analysis("The mayor said the new lights would reduce violence in the park.");
    assert_eq!(a.assessments[0].holder, "The mayor");
}

#[test]
fn a_reporter_who_weighs_next_to_nothing_leaves_the_report_neutral() {
    // Most sentences are others' words; the writer's own single word of harm ("failed") is
    // the event reported, not a weighing.
    let a = analysis(
        "The council met on Monday. The vote was twelve to three. \"The road will destroy the village,\" said Ann Hope, a \
         farmer. \"It will bring jobs and growth,\" said Tom Reed, the mayor. \"Traffic deaths \
         will fall,\" he added. Two earlier plans failed.",
    );
    let own: Vec<_> = a
        .assessments
        .iter()
        .filter(|x| x.holder == "author")
        .collect();
    assert_eq!(own.len(), 1, "{:?}", a.assessments);
    assert_eq!(own[0].weighting[0].reason, WeightReason::ReportedFact);
    assert_eq!(a.balance.verdict, Verdict::Neutral);
}

#[test]
fn a_capitalised_word_inside_its_sentence_is_a_name() {
    check(&[
        ("She works for Save the Children in Leeds.", &[]),
        ("The band signed with a label named Violator.", &[]),
    ]);
}

#[test]
fn a_hazard_noun_is_a_topic_unless_a_frame_states_it() {
    check(&[
        // Named as what the text is about: no risk stated.
        ("The museum opened a room on the history of war.", &[]),
        (
            "She works with families affected by domestic violence.",
            &[],
        ),
        (
            "The court heard the case of a crime committed in 1990.",
            &[],
        ),
        ("The registration fee is one percent of the price.", &[]),
        // Said to be possible or made worse: a risk.
        ("The dispute could end in war.", &[Risk]),
        ("Cutting the police budget will increase crime.", &[Risk]),
        // Lessened or absent: a benefit.
        ("Street lighting reduces crime.", &[Benefit]),
        (
            "The charity seeks no royalties for its software.",
            &[Benefit],
        ),
        // Beside a harm term proper, the harm term states the risk.
        ("The war killed thousands.", &[Risk]),
    ]);
}

#[test]
fn what_is_survived_or_at_its_lowest_is_a_harm_lessened() {
    check(&[
        ("Modern houses let us survive harsh winters.", &[Benefit]),
        ("The old custom survives in a few villages.", &[]),
        ("Road deaths were at a record low last year.", &[Benefit]),
        ("Business confidence fell to a record low.", &[Risk]),
    ]);
}

#[test]
fn few_turns_what_it_counts_and_a_few_does_not() {
    check(&[
        ("So few people die of cold today.", &[Benefit]),
        ("The report gave few useful answers.", &[Risk]),
        ("The drug has a few dangerous side effects.", &[Risk]),
    ]);
}

#[test]
fn not_being_able_to_is_a_failure() {
    check(&[
        ("The two sides would not be able to reach a deal.", &[Risk]),
        (
            "Without the bridge, farmers will never be able to reach the market.",
            &[Risk],
        ),
        ("Farmers will be able to reach the market.", &[]),
    ]);
}

#[test]
fn a_feeling_no_one_is_said_to_have_is_not_the_writer_s() {
    let a = analysis("There are also concerns about the cost of the new bridge.");
    assert_eq!(a.assessments.len(), 1, "{:?}", a.assessments);
    assert_eq!(a.assessments[0].kind, Risk);
    assert_eq!(a.assessments[0].holder, "unattributed");
    // A risk stated as such is the writer's.
    let a = analysis("There are real risks in the new bridge.");
    assert_eq!(a.assessments[0].holder, "author");
}

#[test]
fn legal_statuses_and_denied_links_state_nothing() {
    check(&[
        ("The firm filed for bankruptcy protection last week.", &[]),
        (
            "Her claim for humanitarian protection was heard in May.",
            &[],
        ),
        ("The new rules have nothing to do with the tragedies.", &[]),
        // Protection proper is a gain.
        (
            "The wall gives the town protection from floods.",
            &[Benefit],
        ),
    ]);
}

#[test]
fn what_is_talked_about_is_not_stated() {
    check(&[
        ("The press talks about juvenile gun deaths.", &[]),
        ("We should argue about how we gauge disasters.", &[]),
        // An approximation, a purpose: no topic.
        ("About 20 people died in the fire.", &[Risk]),
        (
            "It's about helping farmers to benefit from the harvest.",
            &[Benefit],
        ),
        // The concern is stated; what it is about is its object.
        ("There are worries about rising crime.", &[Risk]),
    ]);
}

#[test]
fn a_word_of_gain_said_twice_is_still_one_word() {
    check(&[
        ("We must better understand why better rules matter.", &[]),
        ("The scheme is a wonderful, generous gift.", &[Benefit]),
    ]);
}

#[test]
fn an_absence_turns_its_first_term_and_a_gain_at_risk_is_no_benefit() {
    check(&[
        ("The plant produces no harmful gases.", &[Benefit]),
        // The recovery is not what is absent: no risk to it is stated.
        (
            "The rise helped the economy without damaging the recovery.",
            &[Benefit],
        ),
        // The gain is what the risk threatens.
        ("The new rule puts people's safety at risk.", &[Risk]),
    ]);
}

#[test]
fn a_negative_question_asserts_and_waning_is_a_decline() {
    check(&[
        ("Is this not dangerous?", &[Risk]),
        ("This is not dangerous.", &[]),
        ("Why not make the risky trip?", &[]),
        ("Confidence may be waning.", &[Risk]),
        ("Road deaths have plummeted.", &[Benefit]),
        ("Much was at stake in the talks.", &[Risk]),
    ]);
}

#[test]
fn a_decline_named_as_an_event_lessens_nothing_before_it() {
    check(&[
        ("Markets fear the risk of a slowdown.", &[Risk]),
        ("Road deaths fell last year.", &[Benefit]),
        ("A fall in road deaths was recorded.", &[Benefit]),
    ]);
}

#[test]
fn a_counteracting_verb_turns_the_harm_it_takes_as_object() {
    check(&[
        // An editorial's praise of our own: what is rooted out or remedied is a gain.
        (
            "The new inspectors rooted out fraud in the housing office.",
            &[Benefit],
        ),
        (
            "The council moved quickly to remedy the damage to the old pier.",
            &[Benefit],
        ),
        // A news report of our own: the harm halted is a gain, the benefit repealed a loss.
        (
            "The ruling halted the violence that had spread through the valley.",
            &[Benefit],
        ),
        (
            "Ministers plan to repeal the benefits for tenants.",
            &[Risk],
        ),
        // Alone the verb states nothing; in the passive what follows "by" is its agent.
        ("The talks were halted on Friday.", &[]),
        (
            "The march was prohibited by the police because it was violent.",
            &[Risk],
        ),
        // A noun of the same spelling is no verb: "tower blocks" turn nothing.
        ("The old tower blocks suffer from decay.", &[Risk]),
    ]);
}

#[test]
fn a_degree_of_excess_is_a_downside_and_additive_too_is_not() {
    check(&[
        // An editorial of our own.
        ("The inquiry took too long.", &[Risk]),
        ("Too many stations still close before midnight.", &[Risk]),
        ("The new rules are overly cautious.", &[Risk]),
        // A news report of our own: the builder's "too" is his stated risk.
        ("\"We have grown too fast,\" the builder said.", &[Risk]),
        // Too much of a gain is a downside; too much of a harm is that harm.
        ("Landlords have too great an advantage.", &[Risk]),
        ("The crossing is too dangerous.", &[Risk]),
        // "too" as "also", and "not too" denied.
        ("She too attended the opening.", &[]),
        ("The mayor came to the opening, too.", &[]),
        ("It is not too late to register.", &[]),
    ]);
}

#[test]
fn a_gain_brought_about_is_stated() {
    check(&[
        // An editorial of our own: a general word of gain after a causative verb of
        // contribution is a stated benefit; alone it is not.
        (
            "Cheap power contributes to health and a better life.",
            &[Benefit],
        ),
        ("Cheap power means a better life.", &[]),
        // A harm brought about is a stated risk.
        ("The cuts could lead to war.", &[Risk]),
        // A news report of our own: a gain a quoted planner brings about is hers.
        (
            "\"The new line will lead to better journeys,\" the planner said.",
            &[Benefit],
        ),
    ]);
}

#[test]
fn a_lack_is_a_downside_and_turns_what_it_lacks() {
    check(&[
        // A news report and an editorial of our own.
        (
            "The absence of a timetable kept passengers away from the new line.",
            &[Risk],
        ),
        ("The clinic lacks staff.", &[Risk]),
        (
            "The absence of violence at the march surprised the police.",
            &[Benefit],
        ),
        ("The plan shows a lack of protection for tenants.", &[Risk]),
        // A verb further back does not take the lack as its object.
        (
            "The school had to cut lunches because of a lack of funding.",
            &[Risk],
        ),
        // What is badly needed is a gain wanted.
        (
            "The council will build badly needed homes near the station.",
            &[Benefit],
        ),
    ]);
}

#[test]
fn an_attitude_adverbial_opening_a_clause_judges_it() {
    check(&[
        // An editorial of our own: the writer judges the clause the adverbial opens.
        (
            "Fortunately, the council kept the library open on Sundays.",
            &[Benefit],
        ),
        ("Sadly, the council closed the library on Sundays.", &[Risk]),
        (
            "To her credit, the mayor answered every letter.",
            &[Benefit],
        ),
        // A manner adverb states nothing.
        ("The couple were happily married for forty years.", &[]),
    ]);
}
