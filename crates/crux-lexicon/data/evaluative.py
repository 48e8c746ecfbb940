#!/usr/bin/env python3
"""Builds data/evaluative.tsv: general evaluative words (harm and gain) for crux's lexicon.

Source: the VADER sentiment lexicon (vaderSentiment 3.3.2, C.J. Hutto, MIT licence), as the
vader-parity crate ships it (data/vader_lexicon.txt), plus the moral and affective judgements
listed in ADDED below (General Inquirer-style Negativ/Positiv words about harm, wrong and gain
that VADER lacks). Selection: single lower-case words of three letters or more with a mean
valence of at least 1.0 in absolute value, less STOP (function words, boosters and hedges that
crux reads otherwise, argument and stance vocabulary, words whose common news sense is not an
evaluation) and less any phrase data/risk_benefit.tsv already holds. Role: evaluative- for a negative
valence, evaluative+ for a positive one. Weight: 0.1 + 0.07 × |valence| (0.2 to 0.38), below
the risk and benefit terms proper (0.4 to 0.7).

Usage: python3 evaluative.py VADER_LEXICON risk_benefit.tsv > evaluative.tsv
"""
import re
import sys

STOP = set("""
like likes liked well sure certain certainly surely clearly truly pretty please thank thanks
thankful yes yeah okay lol haha hah god gods heaven hell damn christ jesus lord party parties
united supreme kind hand share shares interest interests interested original special play
plays playing played alone creation credit energy join joined fire fired firing cut cuts
drop dropped lower low lowest increase increased increases high higher highest huge great
greater greatest strong strongly critics critic argue argued argues arguing argument
arguments support supports supported supporting supporters supporter favor favors favored
agree agreed agrees agreeing agreement admits accept accepted accepts acceptance doubt doubts doubtful hope
hopes hoped hopeful hopefully wish wishes wished want wants wanted care cares cared careful
commit committed commits commitment determined guarantee guaranteed chance chances clear
clearer ready reach reached ha fun funny joke jokes joking matter
sentence sentenced charge charges charged fine fines heart hearts yeah mercy pardon
question questions questioned questioning demand demands demanded pray prayer prayers
grace church dear spirit spiritual worth worthy value values valued validate active
popular alive gun guns penalty penalties punishment punishments justice crime crimes
criminal criminals prison prisons prisoner prisoners weapon weapons cancer drug drugs
heroin cocaine abortion abortions embryo embryos death deaths die dies died dead dying
intelligence sharing interesting interestingly arrest arrests arrested respects pressure pressures
suspect suspects arguably unclear granted
""".split())

ADDED = {
    # wrongs and harms (negative)
    "unconstitutional": -2.5, "barbaric": -3.0, "barbarism": -3.0, "tyranny": -3.0,
    "tyrannies": -3.0, "tyrannical": -3.0, "inhumane": -3.0, "inhuman": -3.0,
    "unjust": -2.3, "injustice": -2.5, "injustices": -2.5, "unethical": -2.3,
    "discriminatory": -2.5, "discrimination": -2.3, "oppression": -2.8, "oppressive": -2.8,
    "exploitation": -2.3, "atrocity": -3.4, "atrocities": -3.4, "genocide": -3.8,
    "brutality": -3.0, "devastate": -2.8, "devastated": -2.8, "devastates": -2.8,
    "catastrophe": -3.0, "catastrophes": -3.0, "disastrous": -3.0, "deadly": -2.8,
    "lethal": -2.5, "fatal": -2.8, "wrongful": -2.3, "illegitimate": -2.0, "unlawful": -2.3,
    "reckless": -2.3, "irresponsible": -2.3, "incompetent": -2.3, "incompetence": -2.3,
    "destroys": -2.5, "destroyed": -2.5, "destroying": -2.5, "undermined": -2.0,
    "undermining": -2.0, "harmed": -2.3, "harming": -2.3, "endanger": -2.5,
    "endangers": -2.5, "endangered": -2.3, "erode": -1.8, "erodes": -1.8, "eroded": -1.8,
    "wasteful": -2.0, "squander": -2.0, "squandered": -2.0, "flawed": -1.8,
    "detrimental": -2.3, "disproportionate": -1.8, "coercion": -2.3, "coercive": -2.3,
    "unnecessary": -1.5, "inefficient": -1.8, "unaffordable": -1.8, "unsustainable": -2.0,
    "unsafe": -2.3, "inequitable": -2.0, "inequality": -2.0, "addictive": -2.0,
    "addiction": -2.3, "obesity": -2.0, "pollution": -2.3, "toxic": -2.5, "corrupt": -2.5,
    "counterproductive": -2.0, "misguided": -1.8, "unwise": -1.8, "unreasonable": -1.8,
    "sexist": -2.3, "discriminate": -2.0, "manipulative": -2.0, "manipulate": -1.8,
    "deceptive": -2.3, "unjustly": -2.3, "unfairly": -2.0, "exploitative": -2.3,
    # gains and goods (positive)
    "thrive": 2.3, "thrives": 2.3, "thriving": 2.3, "prosper": 2.3, "prosperity": 2.5,
    "flourish": 2.3, "flourishing": 2.3, "humane": 2.0, "saves": 2.2, "saved": 2.0,
    "saving": 1.8, "safeguard": 1.8, "safeguards": 1.8, "empower": 2.0, "empowers": 2.0,
    "fairness": 2.0, "beneficial": 2.3, "worthwhile": 2.0, "cure": 2.0, "cures": 2.0,
    "productive": 1.8, "legitimate": 1.5, "affordable": 1.5, "sustainable": 1.5,
    "equitable": 1.8, "prudent": 1.5, "sensible": 1.5, "reasonable": 1.3,
}


def main():
    vader, own = sys.argv[1], sys.argv[2]
    taken = set()
    for line in open(own, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if line:
            taken.add(line.split("\t")[0].strip().lower())
    words = {}
    for line in open(vader, encoding="utf-8"):
        word, valence = line.split("\t")[:2]
        valence = float(valence)
        if re.fullmatch(r"[a-z]{3,}", word) and abs(valence) >= 1.0:
            words[word] = valence
    words.update(ADDED)
    print(__doc__.strip().replace("\n", "\n# ").join(["# ", ""]))
    print("# Columns: phrase <TAB> role <TAB> weight, as in risk_benefit.tsv.")
    for word in sorted(words):
        if word in STOP or word in taken:
            continue
        valence = words[word]
        role = "evaluative-" if valence < 0 else "evaluative+"
        print(f"{word}\t{role}\t{round(0.1 + 0.07 * abs(valence), 2)}")


main()
