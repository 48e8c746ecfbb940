//! Unit tests for the sentence splitter. Every check is a round trip through the spans:
//! `&text[span]` must be the expected sentence.

use proptest::prelude::*;

use super::split_sentences;

/// The sentences of `text`, as slices of it.
fn split(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|s| &text[s])
        .collect()
}

/// Asserts that `text` splits into exactly the listed sentences.
macro_rules! check {
    ($text:expr, [$($sentence:expr),* $(,)?]) => {{
        let expected: Vec<&str> = vec![$($sentence),*];
        assert_eq!(split($text), expected, "splitting {:?}", $text);
    }};
}

const ARTICLE: &str =
    include_str!("../../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

/// The body sentences of the bundled Lawfare article, read by hand. It mixes no-break spaces
/// into sentence gaps (".\u{a0} ", ". \u{a0}", "\u{a0}\u{a0}"), abbreviations (U.S., C.I.A.,
/// D.E.A., Mr.), a ")." before a no-break space, an ellipsis inside parentheses that ends
/// nothing, a parenthesised sentence standing alone, and a quotation opened with a curly
/// and closed with a straight quote.
const ARTICLE_SENTENCES: [&str; 31] = [
    "U.S. involvement in Mexico's struggle against violent drug-trafficking organizations has deepened recently, according to Ginger Thompson's piece\u{a0}in the New York Times today:",
    "When violence spiked last year around Mexico’s industrial capital, Monterrey, Mr. Calderón’s government asked the United States for more access to sophisticated surveillance technology and expertise.",
    "After months of negotiations, the United States established an intelligence post on a northern Mexican military base, moving Washington beyond its traditional role of sharing information to being more directly involved in gathering it.",
    "American officials declined to provide details about the work being done by the American team of fewer than two dozen Drug Enforcement Administration agents, C.I.A. officials and retired military personnel members from the Pentagon’s Northern Command.",
    "For security reasons, they asked The New York Times not to disclose the location of the compound.",
    "But the officials said the compound had been modeled after “fusion intelligence centers” that the United States operates in Iraq and Afghanistan to monitor insurgent groups, and that the United States would strictly play a supporting role.",
    "“The Mexicans are in charge,\" said one American military official.",
    "“It’s their show.",
    "We’re all about technical support.”",
    "Earlier in the piece, Thompson suggests that the relationship is not merely about intelligence coordination, but also would include support in relation to operational planning:",
    "In recent weeks, small numbers of C.I.A. operatives and American civilian military employees have been posted at a Mexican military base, where, for the first time, security officials from both countries work side by side in collecting information about drug cartels and helping plan operations.",
    "This is interesting on many levels.",
    "First, note the interagency aspects insofar as this initiative involves DEA, CIA, and former Northern Command personnel (Mexican law, as I understand it, would preclude the stationing of active-duty US military personnel on Mexican soil, which might explain that last part about the former Northern Command folks).",
    "This is reminiscent of the \"jointness\" we see in the CT context with\u{a0}JSOC/CIA operational cooperation.",
    "Second, it is of course very significant that the project supposedly involves not merely sharing of intelligence but also cooperation in collection and operational planning.",
    "This ought to be a net positive insofar as it will enable the US to better integrate its SIGINT collection capacities with Mexico's comparative advantage in cartel-related HUMINT (I'm assuming Mexico has such an advantage...), which one hopes will in turn produce more targeted, efficient, and effective counter-cartel operations.",
    "Indeed, the whole thing is reminiscint of the integrated intelligence/targeting processes that have been developed over the years in Afghanistan and Iraq (the article notes that Mexico is quick to reject any comparisons to such failed state/COIN scenarios, yet the parallels are striking notwithstanding the relative health and history of the Mexican state).",
    "Third, the stakes are high in a couple of respects.",
    "Most obviously, the U.S. personnel involved of course are at risk.",
    "(Thompson notes that the Times did not disclose the name of the base where the personnel are working, but I can't help noting that the story nonetheless reveals that the US personnel are working out of a military base in Northern Mexico--a fact that surely adds nothing useful to the public's understanding of this story, yet does increase the risk to the US personnel involved).",
    "And from a big picture perspective, it is worth noting that\u{a0}every new element of direct US involvement in the cartel conflict carries with it a risk of further escalation.",
    "That is a serious consideration, though one should not jump to the conclusion that nothing further should be done by the U.S. lest we fall all the way down the slippery slope.",
    "Finally, note that Thompson also describes a separate initiative currently under consideration but not yet adopted: embedding contract personnel (former DEA and SOF) with a key Mexican countercartel unit, for hands-on training purposes:",
    "Several former D.E.A. officials said the two countries were considering a proposal to embed a group of private security contractors — including retired D.E.A. agents and former Special Forces officers — inside the unit to conduct an on-the-job training academy that would offer guidance in conducting operations so that suspects can be successfully taken to court.",
    "Mexican prosecutors would also work with the unit, the Americans said.",
    "This is surely going to get some observers quite concerned; the optics of \"contractors\" having anything like an embedded role with an operational unit\u{a0}will strike some as a major step down the road toward direct U.S. operational involvement.",
    "And that is a risk worth watching out for, to be sure.",
    "But note the \"positive\u{a0}lawfare\" thrust of the proposal described above.",
    "The idea, it seems, is to improve the\u{a0}capacity of the unit in question to conduct operations that result in arrests and successful prosecutions.",
    "This is certainly a laudable\u{a0}goal, and it should be possible for the embedded element to be structured in a manner that would keep the U.S. personnel strictly focused on training.",
    "The fact that Mexican domestic law and political pressures may require this to be done via contractors rather than active-duty\u{a0}U.S. government/military personnel should not\u{a0}stand in the way.",
];

#[test]
fn article_body_sentences() {
    // Paragraphs are separated by blank lines; the first four non-blank lines are the header
    // (section, title, byline, date).
    let mut header_lines = 4;
    let mut got = Vec::new();
    for paragraph in ARTICLE.split("\n\n") {
        let paragraph = paragraph.trim();
        if paragraph.is_empty() {
            continue;
        }
        if header_lines > 0 {
            header_lines -= paragraph.lines().count();
            continue;
        }
        got.extend(split(paragraph));
    }
    assert_eq!(got, ARTICLE_SENTENCES);
}

#[test]
fn whole_article_in_one_call() {
    // Blank lines separate even when the caller does not split paragraphs first. The header
    // lines hold no sentence punctuation: section and title come out alone, byline and date
    // (one block, and the whole text is no list of short lines) as one.
    let got = split(ARTICLE);
    assert_eq!(got[2], "By Robert Chesney\nSunday, August 7, 2011, 7:24 PM");
    assert_eq!(got.len(), 3 + ARTICLE_SENTENCES.len());
    assert_eq!(&got[3..], ARTICLE_SENTENCES);
}

#[test]
fn titles_never_end_a_sentence() {
    check!(
        "Mr. Smith met Mrs. Jones and Dr. Who.",
        ["Mr. Smith met Mrs. Jones and Dr. Who."]
    );
    check!(
        "Sen. Kerry and Rep. Paul spoke. Gen. Petraeus and Gov. Perry did not.",
        [
            "Sen. Kerry and Rep. Paul spoke.",
            "Gen. Petraeus and Gov. Perry did not."
        ]
    );
    check!(
        "He lives on St. Mark's Place.",
        ["He lives on St. Mark's Place."]
    );
}

#[test]
fn abbreviations_that_may_end_a_sentence() {
    check!(
        "John Smith Jr. was there. He works for Acme Inc. The company grew.",
        [
            "John Smith Jr. was there.",
            "He works for Acme Inc.",
            "The company grew."
        ]
    );
    check!(
        "Pitt & Co. at noon, Pitt & Co. Then lunch.",
        ["Pitt & Co. at noon, Pitt & Co.", "Then lunch."]
    );
    check!(
        "Apples, pears, etc. They are fruit.",
        ["Apples, pears, etc.", "They are fruit."]
    );
    check!(
        "Fruit, e.g. Apples, or i.e. Pears.",
        ["Fruit, e.g. Apples, or i.e. Pears."]
    );
    check!(
        "Kansas vs. Texas is tonight.",
        ["Kansas vs. Texas is tonight."]
    );
}

#[test]
fn number_abbreviations() {
    check!(
        "See No. 5 and p. 55. Then stop.",
        ["See No. 5 and p. 55.", "Then stop."]
    );
    check!("I said no. Then I left.", ["I said no.", "Then I left."]);
    check!(
        "It was Jan. 5 when he came. He left in Feb. The rest is history.",
        [
            "It was Jan. 5 when he came.",
            "He left in Feb.",
            "The rest is history."
        ]
    );
}

#[test]
fn multi_period_abbreviations() {
    check!(
        "I live in the U.S. How about you?",
        ["I live in the U.S.", "How about you?"]
    );
    check!(
        "I work for the U.S. Government in Virginia.",
        ["I work for the U.S. Government in Virginia."]
    );
    check!(
        "The C.I.A. Director met D.E.A. agents. The U.S. It is big.",
        [
            "The C.I.A. Director met D.E.A. agents.",
            "The U.S.",
            "It is big."
        ]
    );
    check!(
        "She moved to the U.K. in 2010.",
        ["She moved to the U.K. in 2010."]
    );
}

#[test]
fn initials() {
    check!("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]);
    check!(
        "George W. Bush met J. K. Rowling.",
        ["George W. Bush met J. K. Rowling."]
    );
    check!(
        "It was written by J. Smith in 1990.",
        ["It was written by J. Smith in 1990."]
    );
    check!(
        "We make a good team, you and I. Did you see Albert I. Jones?",
        [
            "We make a good team, you and I.",
            "Did you see Albert I. Jones?"
        ]
    );
    check!(
        "We chose Plan B. The rest failed.",
        ["We chose Plan B.", "The rest failed."]
    );
}

#[test]
fn times() {
    check!(
        "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went home.",
        [
            "At 5 a.m. Mr. Smith went to the bank.",
            "He left the bank at 6 P.M.",
            "Mr. Smith then went home."
        ]
    );
    check!(
        "The vote is at 9 a.m. Tuesday in the hall.",
        ["The vote is at 9 a.m. Tuesday in the hall."]
    );
    check!(
        "It was posted at 7:24 PM. Nobody replied.",
        ["It was posted at 7:24 PM.", "Nobody replied."]
    );
    check!(
        "We met at 10 a.m. and left at noon.",
        ["We met at 10 a.m. and left at noon."]
    );
}

#[test]
fn numbers_and_money() {
    check!(
        "She has $100.00 in her bag.",
        ["She has $100.00 in her bag."]
    );
    check!(
        "She has $100.00. It is in her bag.",
        ["She has $100.00.", "It is in her bag."]
    );
    check!(
        "He bought 1,000. That is a lot.",
        ["He bought 1,000.", "That is a lot."]
    );
    check!(
        "Growth was 3.5 percent in 2010. 2011 was worse.",
        ["Growth was 3.5 percent in 2010.", "2011 was worse."]
    );
    check!(
        "The rate is 1.5. Prices rose.",
        ["The rate is 1.5.", "Prices rose."]
    );
}

#[test]
fn ellipses() {
    check!(
        "I never meant that.... She left the store.",
        ["I never meant that....", "She left the store."]
    );
    check!(
        "He paused... Then he spoke.",
        ["He paused...", "Then he spoke."]
    );
    check!(
        "He paused… Then he spoke.",
        ["He paused…", "Then he spoke."]
    );
    check!(
        "It was . . . fine, I think.",
        ["It was . . . fine, I think."]
    );
    check!(
        "the thing is . . . I didn’t mean it.",
        ["the thing is . . . I didn’t mean it."]
    );
    check!(
        "a period . . . . Next sentence.",
        ["a period . . . .", "Next sentence."]
    );
    check!(
        "(I'm assuming it has such an advantage...), which helps.",
        ["(I'm assuming it has such an advantage...), which helps."]
    );
    check!(
        "\"Bohr [...] used [...]\" (Smith 55).",
        ["\"Bohr [...] used [...]\" (Smith 55)."]
    );
}

#[test]
fn quotations_and_parentheses() {
    check!(
        "She turned to him, \"This is great.\" she said.",
        ["She turned to him, \"This is great.\" she said."]
    );
    check!(
        "She turned to him, \"This is great.\" She held out the book.",
        [
            "She turned to him, \"This is great.\"",
            "She held out the book."
        ]
    );
    check!(
        "“Help!” she cried. “Now!” He ran.",
        ["“Help!” she cried.", "“Now!”", "He ran."]
    );
    check!(
        "He teaches science (He worked for 5 years as an engineer.) at the University.",
        ["He teaches science (He worked for 5 years as an engineer.) at the University."]
    );
    check!(
        "It is at risk.\u{a0}(The base was not named.)\u{a0}\u{a0}And the risk grows.",
        [
            "It is at risk.",
            "(The base was not named.)",
            "And the risk grows."
        ]
    );
    // A quotation holding two sentences is split at its inner boundary (see the module docs).
    check!(
        "“It’s their show. We’re all about support.” He left.",
        ["“It’s their show.", "We’re all about support.”", "He left."]
    );
}

#[test]
fn urls_and_email() {
    check!(
        "Her email is Jane.Doe@example.com. I sent her an email.",
        ["Her email is Jane.Doe@example.com.", "I sent her an email."]
    );
    check!(
        "See https://www.example.50.com/new-site/Awesome.Html?x=1. Please check it out.",
        [
            "See https://www.example.50.com/new-site/Awesome.Html?x=1.",
            "Please check it out."
        ]
    );
    check!(
        "Visit www.Example.Com today.",
        ["Visit www.Example.Com today."]
    );
}

#[test]
fn lists() {
    check!(
        "1. The first item 2. The second item",
        ["1. The first item", "2. The second item"]
    );
    check!(
        "1.) The first item. 2.) The second item.",
        ["1.) The first item.", "2.) The second item."]
    );
    check!(
        "a. The first item b. The second item",
        ["a. The first item", "b. The second item"]
    );
    check!(
        "• 9. The first item • 10. The second item",
        ["• 9. The first item", "• 10. The second item"]
    );
    check!(
        "Bring:\n- apples\n- pears and plums",
        ["Bring:", "- apples", "- pears and plums"]
    );
    check!("• one\n• two", ["• one", "• two"]);
    check!(
        "features\ncontact manager\nevents, activities\n",
        ["features", "contact manager", "events, activities"]
    );
}

#[test]
fn exclamations_and_questions() {
    check!(
        "Hello!! Long time no see.",
        ["Hello!!", "Long time no see."]
    );
    check!("Hello?! Is that you?", ["Hello?!", "Is that you?"]);
    check!(
        "She works at Yahoo! in the accounting department.",
        ["She works at Yahoo! in the accounting department."]
    );
    check!(
        "Is it 5? 6? Nobody knows.",
        ["Is it 5?", "6?", "Nobody knows."]
    );
}

#[test]
fn missing_space_after_full_stop() {
    check!(
        "Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
        [
            "Hello world.",
            "Today is Tuesday.",
            "Mr. Smith went to the store and bought 1,000.",
            "That is a lot."
        ]
    );
    check!(
        "I visited the U.S.A. last year.",
        ["I visited the U.S.A. last year."]
    );
}

#[test]
fn line_breaks() {
    // Hard-wrapped prose is one sentence per sentence, never one per line.
    let wrapped = "The officials said the compound had been modeled after fusion intelligence\n\
                   centers that the United States operates in Iraq and Afghanistan to monitor\n\
                   insurgent groups. The United States would strictly play a supporting role\n\
                   and nothing more";
    assert_eq!(split(wrapped).len(), 2);
    check!(
        "This is a sentence\ncut off in the middle because pdf.",
        ["This is a sentence\ncut off in the middle because pdf."]
    );
    check!(
        "It was a cold \nnight in the city.",
        ["It was a cold \nnight in the city."]
    );
    check!(
        "One paragraph\n\nand another",
        ["One paragraph", "and another"]
    );
    check!("Line one\r\n\r\nLine two.", ["Line one", "Line two."]);
}

#[test]
fn white_space_is_trimmed() {
    check!(
        "  \u{a0}Hello.\u{a0}\u{a0} World.\u{a0}\n",
        ["Hello.", "World."]
    );
    check!("", []);
    check!(" \n\u{a0}\t", []);
}

#[test]
fn odd_input_does_not_panic() {
    let inputs = [
        "....",
        ". . . . . .",
        "!?!?!?",
        "((((\"\"\"''''",
        "“unbalanced. quotes” ” “ ( ] .",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.",
        "\u{0}\u{1}.\u{7f} \u{2028}. \u{85}X",
        "é.É. ß. Ω. 中文。日本語！한국어? 🙂. 🙂 .",
        "1. 2. 3. 4. 5.",
        "Mr. Mrs. Dr. U.S. a.m. p.m. No. p.",
        "I. I. I. I.",
    ];
    for text in inputs {
        check_invariants(text);
    }
}

#[test]
fn long_inputs_stay_linear() {
    // A megabyte of dots, of spaced dots, one token full of dots and a 100,000-word sentence:
    // each must finish quickly (quadratic behaviour would take minutes here).
    check_invariants(&".".repeat(1 << 20));
    check_invariants(&". ".repeat(1 << 19));
    check_invariants(&"aB.Cd.".repeat(1 << 17));
    check_invariants(&"( . ".repeat(1 << 17));
    check_invariants(&"\n- a".repeat(1 << 17));
    assert_eq!(split(&"word ".repeat(100_000)).len(), 1);
    assert_eq!(split(&"It is. ".repeat(100_000)).len(), 100_000);
}

/// Checks the output contract of [`split_sentences`] on `text`: spans in order, not
/// overlapping, in bounds, on character boundaries, non-empty, trimmed, and with nothing but
/// white space between them.
fn check_invariants(text: &str) {
    let spans = split_sentences(text);
    let mut covered = 0;
    for span in &spans {
        assert!(
            span.start() >= covered,
            "spans out of order or overlapping: {spans:?}"
        );
        assert!(span.end() <= text.len());
        assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        let sentence = &text[*span];
        assert!(!sentence.is_empty());
        assert_eq!(sentence, sentence.trim(), "span not trimmed");
        assert!(
            text[covered..span.start()].trim().is_empty(),
            "lost text before {span:?}"
        );
        covered = span.end();
    }
    assert!(text[covered..].trim().is_empty(), "lost text at the end");
}

proptest! {
    #[test]
    fn spans_cover_all_text(text in any::<String>()) {
        check_invariants(&text);
    }

    #[test]
    fn spans_cover_all_prose_like_text(
        text in r"([A-Za-z]{1,8}|[ \n\u{a0}]|[.!?…]|[“”'’()\[\]]|[0-9]{1,3}|U\.S\.|Mr\.|a\.m\.|•|- )*"
    ) {
        check_invariants(&text);
    }
}

proptest! {
    #[test]
    fn the_eight_byte_scan_stops_where_the_byte_scan_does(
        text in r"([A-Za-z ]{0,20}|[.!?\n]|é|…|“|。|！|\u{a0})*",
        from in 0usize..64
    ) {
        let bytes = text.as_bytes();
        let naive = (from..bytes.len())
            .find(|&i| super::INTERESTING[usize::from(bytes[i])])
            .unwrap_or(bytes.len().max(from));
        prop_assert_eq!(super::next_interesting(bytes, from), naive);
    }
}
