//! The mention model: the people and organisations an article names, so that "Mr Brown", "the
//! chancellor", "Gordon Brown" and "he" can be one speaker.
//!
//! One pass over the sentences collects every run of capitalised words outside quotations (a
//! word inside a quotation is the speaker's, never an antecedent). Each run is split into the
//! titles and roles before it ("CBI chief economist", "Mr") and the name; the name becomes a
//! *mention* of an *entity*: the entity of the same full name, or of the same last word ("Mr
//! Frost" → "David Frost"), or a new one. An entity is a person when a title, a role in front
//! or in an apposition ("Christine Rush, director of …") or its place as a speaker says so; an
//! organisation when a word of its name heads organisations' names ("Bank", "Council") or it is
//! an initialism ("IBM"). Lookups go through hash maps keyed by the full name, the last word and
//! the role noun, each holding mentions in text order, so every lookup is a hash probe and a
//! binary search: the model is linear in the text, however many names it holds.

use crate::lexicon::{Kind as Lex, SpeakerNoun, speaker_noun, speaker_noun_category};
use crate::span::Span;
use crate::words::{Token, capitalised};
use crux_lexicon::FxHashMap;

/// What a word says about the name it stands in or next to (`data/mention_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    TitleMale,
    TitleFemale,
    Title,
    Male,
    Female,
    Organisation,
    Function,
    /// A person noun of `speaker_nouns.tsv` ("economist", "director").
    Role,
}

/// The class of `word` (any case): its entry in `data/mention_words.tsv` (the last one
/// listed), else `Role` for a person noun of `data/speaker_nouns.tsv` written in lower case
/// (the capitalised ones, "Democrats", "Americans", are names to the mention model).
fn word_class(word: &str) -> Option<Word> {
    word_class_of(crate::lexicon::lookup(word)?)
}

/// [`word_class`] of a looked-up word.
fn word_class_of(w: &crate::lexicon::Word) -> Option<Word> {
    if w.single(Lex::MentionWord) {
        let e = w
            .of(Lex::MentionWord)
            .filter(|e| e.words.len() == 1)
            .last()?;
        return mention_class(e.category);
    }
    w.of(Lex::SpeakerNoun)
        .filter(|e| e.words.len() == 1 && e.is_folded())
        .last()
        .filter(|e| speaker_noun_category(e) == Some(SpeakerNoun::Person))
        .map(|_| Word::Role)
}

/// The class of a `mention_words.tsv` category; `None` for an unknown one (a test reads
/// them all).
fn mention_class(category: &str) -> Option<Word> {
    Some(match category {
        "title-male" => Word::TitleMale,
        "title-female" => Word::TitleFemale,
        "title" => Word::Title,
        "male" => Word::Male,
        "female" => Word::Female,
        "organisation" => Word::Organisation,
        "function" => Word::Function,
        _ => return None,
    })
}

/// `word` in ASCII lower case, in `buf`: the key of the maps of names, without allocating;
/// `None` when it is longer than the buffer.
fn lower<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).ok()
}

/// Whether a word names a role a person holds: a title or a person noun ("economist").
pub(crate) fn role_word(word: &str) -> bool {
    is_role(word_class(word))
}

fn is_role(class: Option<Word>) -> bool {
    matches!(
        class,
        Some(
            Word::Title
                | Word::TitleMale
                | Word::TitleFemale
                | Word::Male
                | Word::Female
                | Word::Role
        )
    )
}

/// The gender a word shows, if any.
fn gender_of(word: &str) -> Gender {
    gender_class(word_class(word))
}

fn gender_class(class: Option<Word>) -> Gender {
    match class {
        Some(Word::TitleMale | Word::Male) => Gender::Male,
        Some(Word::TitleFemale | Word::Female) => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A person: titled, given a role, or a speaker.
    Person,
    /// An organisation, a publication or a place.
    Organisation,
    /// A name of two or more words that nothing has yet shown to be either.
    Unknown,
}

/// The gender a pronoun or a title shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    pub(crate) fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// A person or organisation the article names.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The fullest name the article gives it.
    pub(crate) name: String,
    pub(crate) kind: Kind,
    pub(crate) gender: Gender,
    /// Whether it has been a speaker (set while speakers are resolved in text order).
    spoke: bool,
}

/// Longest run of capitalised words taken for a name (with its titles).
const MAX_NAME_WORDS: usize = 12;

/// Roles kept per entity: enough for any real article, and a bound on memory.
const MAX_ROLES: usize = 8;

/// How many mentions back a pronoun looks for its antecedent.
const PRONOUN_WINDOW: usize = 40;

/// Words of an apposition looked at for a role ("Christine Rush, director of …").
const APPOSITION_WORDS: usize = 8;

/// The people and organisations of an article, with where each is mentioned.
#[derive(Debug, Default)]
pub(crate) struct Mentions {
    entities: Vec<Entity>,
    /// Number of roles recorded per entity.
    roles: Vec<usize>,
    /// (where, entity, oblique) in text order; `oblique` when the name follows a lower-case
    /// word of its sentence (an object, a preposition's or a modifier's place: "in the Little
    /// Chell ward", "skilled Rover workers"), not a subject's.
    mentions: Vec<(usize, usize, bool)>,
    /// Lower-case full name → entity.
    by_name: FxHashMap<String, usize>,
    /// Lower-case last word of a name → (where, entity), in text order.
    by_last: FxHashMap<String, Vec<(usize, usize)>>,
    /// Lower-case role noun ("chancellor") → (where, entity), in text order.
    by_role: FxHashMap<String, Vec<(usize, usize)>>,
    /// Initials of a name of two or more capitalised words ("brc" for "British Retail
    /// Consortium") → (where, entity), in text order.
    by_initials: FxHashMap<String, Vec<(usize, usize)>>,
}

fn latest_before(list: &[(usize, usize)], at: usize) -> Option<usize> {
    let i = list.partition_point(|&(pos, _)| pos < at);
    i.checked_sub(1).map(|i| list[i].1)
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// Whether a token can stand in a name: a capitalised word without inner full stops, an
/// initial ("C."), or a title ("Mr.", "Sen.").
fn name_word(text: &str, t: &Token) -> bool {
    let w = &text[t.span];
    let initial = w.len() == 2 && w.ends_with('.');
    t.word
        && capitalised(w)
        && (!w.contains('.') || initial || t.lexicon(text).and_then(word_class_of).is_some())
}

/// Whether a word is capitalised only for opening a sentence: a preposition, a conjunction, a
/// determiner or a clause word (`data/mention_words.tsv`, `function`).
pub(crate) fn function_word(word: &str) -> bool {
    word_class(word) == Some(Word::Function)
}

/// [`function_word`] of a token's word, from its lookup.
pub(crate) fn token_function_word(text: &str, t: &Token) -> bool {
    t.lexicon(text).and_then(word_class_of) == Some(Word::Function)
}

pub(crate) fn is_determiner(word: &str) -> bool {
    crate::lexicon::is(word, crate::lexicon::Cue::MentionDeterminer)
}

fn initialism(word: &str) -> bool {
    word.len() >= 2 && word.len() <= 6 && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
}

impl Mentions {
    /// Collects the names of one sentence; `quoted` says whether a span lies inside a
    /// quotation (names there are the speaker's words, not the article's mentions).
    pub(crate) fn add_sentence(
        &mut self,
        text: &str,
        tokens: &[Token],
        quoted: &dyn Fn(Span) -> bool,
    ) {
        let mut i = 0;
        while i < tokens.len() {
            if !name_word(text, &tokens[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < tokens.len() && name_word(text, &tokens[i]) {
                i += 1;
            }
            if !quoted(tokens[start].span) {
                self.add_run(text, tokens, start, i);
            }
        }
    }

    fn add_run(&mut self, text: &str, tokens: &[Token], start: usize, end: usize) {
        // A run longer than any name is a headline or a title in capitals, not a mention.
        if end - start > MAX_NAME_WORDS {
            return;
        }
        let w = |i: usize| &text[tokens[i].span];
        // A name after a lower-case word of its sentence stands in an object's or an
        // oblique's place ("representing the Little Chell ward", "lose to Clinton"), where a
        // pronoun's antecedent is least likely (the salience order subject > object >
        // oblique of Lappin and Leass 1994). Lower-case roles before it are its own noun
        // phrase ("CBI chief economist Ian McCafferty"), and a reporting verb before it makes
        // it the subject of an inverted tag ("said Obama").
        let mut k = start;
        while k > 0 && tokens[k - 1].word && !capitalised(w(k - 1)) && {
            is_role(tokens[k - 1].lexicon(text).and_then(word_class_of))
        } {
            k -= 1;
        }
        let oblique = k.checked_sub(1).is_some_and(|k| {
            tokens[k].word
                && !capitalised(w(k))
                && crate::lexicon::token_cue_word(text, &tokens[k])
                    .is_none_or(|c| c.single.is_none())
        });
        // Each word's class, looked up once.
        let mut classes = [None; MAX_NAME_WORDS];
        for (k, class) in classes.iter_mut().enumerate().take(end - start) {
            *class = tokens[start + k].lexicon(text).and_then(word_class_of);
        }
        let class = |i: usize| classes[i - start];
        // "Although Republicans": a word capitalised for its place only.
        let mut first = start;
        while first < end && class(first) == Some(Word::Function) {
            first += 1;
        }
        // Titles and roles in the run ("Shadow Europe Minister", "Mr") end at the last role
        // word; the name follows it.
        let mut roles: Vec<usize> = Vec::new();
        let mut gender = Gender::Unknown;
        if let Some(k) = (first..end).rev().find(|&k| is_role(class(k))) {
            roles.extend(first..=k);
            first = k + 1;
        }
        if first >= end {
            return;
        }
        // "Iran's leader, Ali Khamenei": a role and a comma before the name.
        if start >= 2
            && &text[tokens[start - 1].span] == ","
            && tokens[start - 2].word
            && role_word(&text[tokens[start - 2].span])
        {
            roles.push(start - 2);
        }
        // Lower-case roles just before the run: "chief economist Ian McCafferty".
        let mut j = start;
        while j > 0 && start - j < 3 {
            let t = &tokens[j - 1];
            if !t.word
                || capitalised(&text[t.span])
                || !is_role(t.lexicon(text).and_then(word_class_of))
            {
                break;
            }
            j -= 1;
            roles.push(j);
        }
        // A role in the apposition after it: "Christine Rush, director of the market".
        let mut apposition_role = false;
        let mut apposition_roles: Vec<&str> = Vec::new();
        // The apposition opens with a role or a determiner ("…, the chancellor"), never with a
        // preposition or a clause ("over Christmas, with analysts …").
        let opens_apposition = |t: &Token| {
            let w = &text[t.span];
            role_word(w) || speaker_noun(w).is_some() || is_determiner(w)
        };
        if tokens.get(end).is_some_and(|t| &text[t.span] == ",")
            && tokens.get(end + 1).is_some_and(opens_apposition)
        {
            for t in tokens[end + 1..].iter().take(APPOSITION_WORDS) {
                let w = &text[t.span];
                if !t.word || (word_class(w) == Some(Word::Function) && !is_determiner(w)) {
                    break;
                }
                if role_word(&text[t.span]) {
                    apposition_role = true;
                    gender = merge(gender, gender_of(&text[t.span]));
                    apposition_roles.push(&text[t.span]);
                }
            }
        }
        for &r in &roles {
            let g = if r >= start {
                gender_class(class(r))
            } else {
                gender_of(w(r))
            };
            gender = merge(gender, g);
        }
        let last = end - 1;
        let last_word = strip_possessive(w(last));
        if last_word.is_empty() {
            return;
        }
        let span = tokens[first].span.cover(tokens[last].span);
        let full = &text[span];
        let full = strip_possessive(full);
        let organisation = (first..end).any(|k| class(k) == Some(Word::Organisation))
            || (first == last && roles.is_empty() && initialism(last_word));
        let person = !organisation && (!roles.is_empty() || apposition_role);
        // A lone capitalised word with nothing to show it a name ("Thailand", a sentence's
        // first word) only refers back to a name already seen: one lookup, no allocation.
        if first == last && !person && !organisation {
            let mut buf = [0u8; 64];
            let Some(e) = lower(last_word, &mut buf)
                .and_then(|key| latest_before(self.by_last.get(key)?, span.start()))
            else {
                return;
            };
            if gender != Gender::Unknown && self.entities[e].gender == Gender::Unknown {
                self.entities[e].gender = gender;
            }
            self.mentions.push((span.start(), e, oblique));
            if let Some(key) = lower(last_word, &mut buf)
                && let Some(list) = self.by_last.get_mut(key)
            {
                list.push((span.start(), e));
            }
            return;
        }
        // One lower-casing per name: the last word's key is its tail.
        let lower_full = full.to_ascii_lowercase();
        let key_start = lower_full.rfind(' ').map_or(0, |i| i + 1);
        let at = span.start();
        let entity = if let Some(&e) = self.by_name.get(&lower_full) {
            Some(e)
        } else if let Some(e) = self
            .by_last
            .get(&lower_full[key_start..])
            .and_then(|list| latest_before(list, at))
            .filter(|&e| first == last || self.entities[e].name.ends_with(full))
        {
            Some(e)
        } else if first < last || person || organisation {
            let kind = if organisation {
                Kind::Organisation
            } else if person {
                Kind::Person
            } else {
                Kind::Unknown
            };
            self.entities.push(Entity {
                name: full.to_owned(),
                kind,
                gender: Gender::Unknown,
                spoke: false,
            });
            self.roles.push(0);
            self.by_name
                .insert(lower_full.clone(), self.entities.len() - 1);
            // "the British Retail Consortium" … "the BRC": a name's initials name it too.
            let initials: String = full
                .split(' ')
                .filter(|w| capitalised(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            if initials.chars().count() >= 2 && first < last {
                self.by_initials
                    .entry(initials)
                    .or_default()
                    .push((at, self.entities.len() - 1));
            }
            Some(self.entities.len() - 1)
        } else {
            None
        };
        let Some(e) = entity else {
            return;
        };
        let entity = &mut self.entities[e];
        if person && entity.kind == Kind::Unknown {
            entity.kind = Kind::Person;
        }
        if entity.gender == Gender::Unknown {
            entity.gender = gender;
        }
        // A longer name for the same entity ("Brown" first, "Gordon Brown" later).
        if full.len() > entity.name.len() && full.ends_with(entity.name.as_str()) {
            full.clone_into(&mut entity.name);
        }
        self.mentions.push((at, e, oblique));
        let key = &lower_full[key_start..];
        if let Some(list) = self.by_last.get_mut(key) {
            list.push((at, e));
        } else {
            self.by_last.insert(key.to_owned(), vec![(at, e)]);
        }
        for r in roles {
            self.add_role(w(r), at, e);
        }
        for word in apposition_roles {
            self.add_role(word, at, e);
        }
    }

    fn add_role(&mut self, word: &str, at: usize, e: usize) {
        if self.roles[e] >= MAX_ROLES || !role_word(word) {
            return;
        }
        self.roles[e] += 1;
        self.by_role
            .entry(word.to_ascii_lowercase())
            .or_default()
            .push((at, e));
    }

    /// The entity a name phrase ("Thompson", "Mr Frost", "Gordon Brown") names, as the
    /// article last named it before `at` (or first, when it names it only later).
    pub(crate) fn named(&self, phrase: &str, at: usize) -> Option<usize> {
        let phrase = strip_possessive(phrase.trim());
        if let Some(&e) = self.by_name.get(&phrase.to_ascii_lowercase()) {
            return Some(e);
        }
        let last = strip_possessive(phrase.rsplit(' ').next()?);
        if !capitalised(last) {
            return None;
        }
        // An initialism ("the BRC") names the entity whose initials it is, named before it.
        if initialism(last)
            && let Some(e) = self
                .by_initials
                .get(&last.to_ascii_lowercase())
                .and_then(|list| latest_before(list, at))
        {
            return Some(e);
        }
        let list = self.by_last.get(&last.to_ascii_lowercase())?;
        latest_before(list, at).or_else(|| list.first().map(|&(_, e)| e))
    }

    pub(crate) fn entity(&self, e: usize) -> &Entity {
        &self.entities[e]
    }

    /// Notes that an entity spoke: a name nothing had shown to be a person's or an
    /// organisation's is a person's.
    pub(crate) fn is_speaker(&mut self, e: usize) {
        if self.entities[e].kind == Kind::Unknown {
            self.entities[e].kind = Kind::Person;
        }
        self.entities[e].spoke = true;
    }

    /// Whether an entity has spoken so far.
    pub(crate) fn spoke(&self, e: usize) -> bool {
        self.entities[e].spoke
    }

    /// Notes the gender a pronoun resolved to an entity shows.
    pub(crate) fn note_gender(&mut self, e: usize, gender: Gender) {
        if self.entities[e].gender == Gender::Unknown {
            self.entities[e].gender = gender;
        }
    }

    /// The antecedent of "he" or "she" at `at`: the nearest person of a fitting gender named
    /// before it, outside quotations; a name nothing has shown to be a person's only when no
    /// person is near.
    pub(crate) fn person_before(&self, at: usize, gender: Gender) -> Option<usize> {
        let i = self.mentions.partition_point(|&(pos, _, _)| pos < at);
        let window = &self.mentions[i.saturating_sub(PRONOUN_WINDOW)..i];
        let nearest = |fits: &dyn Fn(Kind, bool) -> bool| {
            window
                .iter()
                .rev()
                .find(|&&(_, e, oblique)| {
                    let entity = &self.entities[e];
                    entity.gender.fits(gender) && fits(entity.kind, oblique)
                })
                .map(|&(_, e, _)| e)
        };
        // The nearest person, or name not yet shown to be a person's (the last name is the
        // likeliest "he" even before it has spoken), named where a subject stands; one named
        // in an object's or an oblique's place ("a councillor for the Little Chell ward",
        // "called Trump and Clinton "crazy"") only when no subject is near: a person first.
        nearest(&|kind, oblique| !oblique && matches!(kind, Kind::Person | Kind::Unknown))
            .or_else(|| nearest(&|kind, _| kind == Kind::Person))
            .or_else(|| nearest(&|kind, _| kind == Kind::Unknown))
    }

    /// (where first named, entity): the one entity named in a subject's place in `span`, when
    /// it is no organisation and no other name stands in a subject's place there ("Jane Doe, 42, runs the
    /// bakery on Main Street." names Jane Doe; "Main Street" stands in an oblique place).
    /// At most [`PRONOUN_WINDOW`] mentions are looked at.
    pub(crate) fn only_subject_in(&self, span: Span) -> Option<(usize, usize)> {
        let from = self
            .mentions
            .partition_point(|&(pos, _, _)| pos < span.start());
        let to = self
            .mentions
            .partition_point(|&(pos, _, _)| pos < span.end());
        if to <= from || to - from > PRONOUN_WINDOW {
            return None;
        }
        let mut only: Option<(usize, usize)> = None;
        for &(at, e, oblique) in &self.mentions[from..to] {
            if oblique {
                continue;
            }
            if self.entities[e].kind == Kind::Organisation {
                return None;
            }
            match only {
                None => only = Some((at, e)),
                Some((_, o)) if o == e => {}
                Some(_) => return None,
            }
        }
        only
    }

    /// The nearest organisation named before `at` ("it said", "the company said").
    pub(crate) fn organisation_before(&self, at: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|&(pos, _, _)| pos < at);
        self.mentions[i.saturating_sub(PRONOUN_WINDOW)..i]
            .iter()
            .rev()
            .map(|&(_, e, _)| e)
            .find(|&e| self.entities[e].kind == Kind::Organisation)
    }

    /// The person last given the role `noun` before `at` ("the chancellor").
    pub(crate) fn with_role(&self, noun: &str, at: usize) -> Option<usize> {
        latest_before(self.by_role.get(&noun.to_ascii_lowercase())?, at)
    }
}

fn merge(a: Gender, b: Gender) -> Gender {
    if a == Gender::Unknown { b } else { a }
}

/// The gender a person noun shows ("actress", "spokesman").
pub(crate) fn noun_gender(word: &str) -> Gender {
    gender_of(word)
}

/// The gender a pronoun shows.
pub(crate) fn pronoun_gender(word: &str) -> Gender {
    if word.eq_ignore_ascii_case("he") {
        Gender::Male
    } else if word.eq_ignore_ascii_case("she") {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::tokens;

    fn build(text: &str) -> Mentions {
        let mut m = Mentions::default();
        let mut start = 0;
        for sentence in text.split_inclusive(". ") {
            let toks: Vec<Token> = tokens(text, Span::new(start, start + sentence.len())).collect();
            m.add_sentence(text, &toks, &|_| false);
            start += sentence.len();
        }
        m
    }

    #[test]
    fn titles_and_surnames_are_one_person() {
        let text =
            "Gordon Brown spoke first. Later Mr Brown left. The chancellor, Mr Brown, agreed.";
        let m = build(text);
        let e = m.named("Mr Brown", 40).unwrap();
        assert_eq!(m.entity(e).name, "Gordon Brown");
        assert_eq!(m.entity(e).kind, Kind::Person);
        assert_eq!(m.entity(e).gender, Gender::Male);
        assert_eq!(m.named("Brown", 60), Some(e));
        assert_eq!(m.with_role("chancellor", 80), Some(e));
    }

    /// Issue 10, item 4: looking a name up once scanned every earlier name, so a long document
    /// of many names took quadratic time. 100,000 names (half sharing one surname), looked up
    /// by surname and by a pronoun, finish in the test's normal run only if every lookup is
    /// an index probe (quadratic, this would be 10^10 comparisons).
    #[test]
    fn issue_10_many_names_stay_linear() {
        const N: usize = 50_000;
        let mut text = String::with_capacity(N * 32);
        for i in 0..N {
            text.push_str(&format!("Then Ann{i} Smith spoke and Mr Lee{i} left. "));
        }
        let m = build(&text);
        let mut found = 0;
        let mut at = 0;
        for i in (0..N).step_by(7) {
            at = text[at..].find(&format!("Lee{i} ")).map_or(at, |p| at + p);
            found += usize::from(m.named(&format!("Mr Lee{i}"), at + 1).is_some());
            found += usize::from(m.named("Smith", at).is_some());
            found += usize::from(m.person_before(at, Gender::Female).is_some());
        }
        assert_eq!(found, 3 * N.div_ceil(7));
    }

    #[test]
    fn pronouns_skip_organisations_and_genders() {
        let text = "We met Christine Rush, director of the Bangkok Film Market. Then Mr Lee of the Bank of England came.";
        let m = build(text);
        let she = m.person_before(text.len(), Gender::Female).unwrap();
        assert_eq!(m.entity(she).name, "Christine Rush");
        let he = m.person_before(text.len(), Gender::Male).unwrap();
        assert_eq!(m.entity(he).name, "Lee");
        let org = m.organisation_before(text.len()).unwrap();
        assert_eq!(m.entity(org).name, "Bank");
    }

    #[test]
    fn office_titles_make_people_and_oblique_names_do_not_displace_them() {
        let text =
            "North Dale MP Ann Hale, who represents the Upper Mill ward, spoke. Then she left.";
        let m = build(text);
        let e = m.named("Ann Hale", 0).unwrap();
        assert_eq!(m.entity(e).kind, Kind::Person);
        let she = m.person_before(text.len(), Gender::Female).unwrap();
        assert_eq!(m.entity(she).name, "Ann Hale");
        let m = build("Councillor Joe Park spoke. Then he left.");
        let e = m.named("Joe Park", 0).unwrap();
        assert_eq!(m.entity(e).kind, Kind::Person);
    }
}
