#!/usr/bin/env python3
"""Write tests/data/rouge_pairs.jsonl: reference/candidate pairs with the
scores Google's rouge-score 0.1.2 gives them (use_stemmer=True).

Every sentence below was written for this project; no dataset text is used.
The pairs are deterministic (fixed seed), so re-running the script with the
same rouge-score and NLTK versions reproduces the file byte for byte.

    python3 -m venv /tmp/rouge-venv
    /tmp/rouge-venv/bin/pip install rouge-score==0.1.2 nltk
    /tmp/rouge-venv/bin/python crates/eval/scripts/make_rouge_fixture.py

The Rust test `tests/rouge_fixture.rs` compares attache-eval's scores with
these values to 1e-6.
"""

import json
import os
import random
import sys

from importlib.metadata import version

import nltk
from rouge_score import rouge_scorer

SENTENCES = [
    "The foreign ministers of France and Germany met in Berlin on Tuesday to discuss the crisis.",
    "Hopefully, the talks will resume next week, a spokesman for the ministry said.",
    "The United Nations Security Council voted 13-0 to extend the peacekeeping mission by six months.",
    "Russia and China abstained, citing concerns over the mission's mandate.",
    "Thousands of refugees were dying of cold as skies darkened over the border camps.",
    "The news from the front lines remained grim, with shelling reported overnight.",
    "U.S. Secretary of State met her Japanese counterpart in Tokyo on Feb. 3.",
    "“We will not accept any delay,” the envoy told reporters after the meeting.",
    "The European Union pledged €1.2bn in humanitarian aid, up from €800m last year.",
    "Negotiators agreed on a 72-hour ceasefire, which took effect at midnight local time.",
    "The agreement, signed in Geneva, calls for the exchange of 1,500 prisoners.",
    "Officials hopefully predicted that the deal would hold through the winter.",
    "Protesters gathered outside the embassy, chanting slogans against the government.",
    "The president's visit to Nairobi was the first by a sitting head of state since 2009.",
    "Analysts said the sanctions had cut the country's oil exports by 40 percent.",
    "The minister resigned on Friday, saying he had lost the confidence of his party.",
    "Talks between the two delegations broke down over the status of the disputed islands.",
    "A senior diplomat, speaking on condition of anonymity, described the mood as tense.",
    "The summit's final communiqué made no mention of the pipeline.",
    "Relief agencies warned that food stocks in the northern provinces were running out.",
    "The ambassador was summoned to the foreign ministry to explain the remarks.",
    "Voters in the referendum rejected the proposed constitution by a narrow margin.",
    "The skies over the capital were clear as the delegations arrived for the signing ceremony.",
    "Dying crops and rising prices have fuelled unrest across the region.",
    "The G7 leaders issued a joint statement condemning the missile tests.",
    "Inflation rose to 8.5% in October, the highest level in two decades.",
    "The central bank raised interest rates by 0.75 percentage points.",
    "Border crossings reopened on Monday after a week-long closure.",
    "The news agency reported that at least 12 people were killed in the blast.",
    "Mr. Okafor told the assembly that his government would honour its commitments.",
    "The coalition agreed to review the arms embargo at its next meeting in Brussels.",
    "Diplomats described the negotiations as difficult but constructive.",
    "Hopefully, both sides will return to the table, the mediator said on state television.",
    "Ukraine's grain exports through the Black Sea corridor fell sharply in September.",
    "The treaty, ratified by 45 countries, enters into force on Jan. 1, 2027.",
    "Security forces fired tear gas at demonstrators in the city's main square.",
    "The IMF approved a $3.1 billion loan, subject to reforms of the energy sector.",
    "Officials said the hostages were released unharmed late on Sunday.",
    "The opposition leader accused the ruling party of rigging the vote.",
    "Election observers from the OSCE reported widespread irregularities.",
    "A spokeswoman for the World Health Organization said cases were rising again.",
    "The foreign minister's remarks drew sharp criticism from neighbouring states.",
    "Shipping through the strait was disrupted for a third consecutive day.",
    "The government declared a state of emergency in three provinces.",
    "Naval patrols were stepped up after reports of drones over the harbour.",
    "Talks on the nuclear programme are expected to continue in Vienna.",
    "The defence ministers agreed to boost production of artillery shells.",
    "Skies cleared on Thursday, allowing aid flights to land at the airport.",
    "The cabinet approved a bill tightening rules on foreign investment.",
    "The envoy's visit was postponed, officials said, without giving a reason.",
    "Several countries recalled their ambassadors in protest.",
    "The agreement includes provisions on water sharing, trade and migration.",
    "Nearly 2.4 million people have fled their homes since the fighting began.",
    "The prime minister said the country would not be intimidated.",
    "Lawmakers voted 312 to 98 to approve the defence budget.",
    "The ceasefire appeared to be holding, though sporadic gunfire was heard.",
    "Trade ministers from ASEAN nations gathered in Jakarta for a two-day meeting.",
    "The dying embers of the old alliance were on display at the summit.",
    "Satellite images showed new construction at the disputed site.",
    "The news conference was cut short after the minister was asked about the leak.",
]

# Hand-written shorter "summaries" that paraphrase some of the sentences, so
# the pairs exercise partial overlap, reordering and stemming.
SUMMARIES = [
    "French and German foreign ministers met in Berlin.",
    "Talks hopefully resume next week.",
    "UN Security Council extends peacekeeping mission by six months.",
    "Refugees dying of cold at border camps.",
    "EU pledges 1.2bn euros in aid.",
    "72-hour ceasefire agreed, effective at midnight.",
    "Deal signed in Geneva for exchange of 1,500 prisoners.",
    "Minister resigns, citing lost confidence.",
    "Talks break down over disputed islands.",
    "Food stocks running out in northern provinces, agencies warn.",
    "Inflation hits 8.5 percent, highest in two decades.",
    "At least 12 killed in blast, news agency says.",
    "IMF approves $3.1bn loan tied to energy reforms.",
    "Hostages released unharmed on Sunday.",
    "Observers report widespread irregularities in the vote.",
    "State of emergency declared in three provinces.",
    "Nuclear talks to continue in Vienna.",
    "Aid flights land as skies clear.",
    "2.4m people have fled the fighting.",
    "Parliament approves defence budget, 312-98.",
]

# Cases written to hit the edges of the algorithm.
EDGE_CASES = [
    ("", "The talks resumed."),
    ("The talks resumed.", ""),
    ("", ""),
    ("!!! — …", "The talks resumed."),
    ("The talks resumed.", "?? ,, ;;"),
    ("the the the talks", "the talks the talks the"),
    ("a b a b a", "b a b a b"),
    ("Ceasefire holds.\n\nTalks resume.\n", "\nTalks resume.\nCeasefire holds."),
    ("ceasefire holds", "ceasefire holds\nceasefire holds today\nholds ceasefire"),
    ("The skies, the news, hopefully: dying!", "sky news hope die"),
    ("Generalization of organizations' nationalization policies", "generalizations organization nationalizing policy"),
    ("Zürich’s talks cost $1.2bn (≈ €1.1bn) — officials said.", "Zurich talks cost 1.2bn euros, officials said"),
    ("KELVIN \u212a sign and İstanbul", "k sign and istanbul"),
    ("1990s 2020s ties lies dies flies", "1990 2020 tie lie die fly"),
    ("Relational conditional rational operational", "relate condition ration operate"),
    ("agreed agreeing agreement agreements", "agree agreed agrees"),
    ("U.S.-China trade talks\nU.K. and E.U. officials", "us china trade\nuk eu official"),
    ("one two three four five six", "six five four three two one"),
    ("The minister said.\nThe minister said.\nThe minister said.", "The minister said."),
    ("The minister said.", "The minister said.\nThe minister said.\nThe minister said."),
]


def score_row(scorer, pid, ref, cand):
    s = scorer.score(ref, cand)
    row = {"id": pid, "reference": ref, "candidate": cand}
    for key in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        v = s[key]
        row[key] = {"p": v.precision, "r": v.recall, "f": v.fmeasure}
    return row


def main():
    if version("rouge-score") != "0.1.2":
        sys.exit(f"need rouge-score 0.1.2, found {version('rouge-score')}")
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "tests", "data", "rouge_pairs.jsonl")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer=True)
    rng = random.Random(20261127)
    rows = []
    for i, (ref, cand) in enumerate(EDGE_CASES):
        rows.append(score_row(scorer, f"edge-{i:02}", ref, cand))
    # Single sentences against each other (high and low overlap).
    for i in range(60):
        a, b = rng.sample(SENTENCES, 2)
        if i % 3 == 0:
            b = a.replace(",", "").replace("the ", "").upper() if i % 2 else a.lower()
        rows.append(score_row(scorer, f"single-{i:02}", a, b))
    # Multi-sentence summaries (Lsum) against multi-sentence extracts.
    for i in range(120):
        k = rng.randint(2, 5)
        ref = "\n".join(rng.sample(SUMMARIES, k) + ([rng.choice(SENTENCES)] if i % 4 == 0 else []))
        pool = rng.sample(SENTENCES, rng.randint(1, 5))
        if i % 2 == 0:
            # Include some of the sentences the summaries paraphrase.
            pool += [SENTENCES[j] for j in rng.sample(range(0, 40), 2)]
        rng.shuffle(pool)
        cand = "\n".join(pool)
        rows.append(score_row(scorer, f"multi-{i:03}", ref, cand))
    # Extracts scored against their own sentences in another order and subset.
    for i in range(40):
        picked = rng.sample(SENTENCES, rng.randint(3, 7))
        ref = "\n".join(picked)
        sub = rng.sample(picked, rng.randint(1, len(picked))) + rng.sample(SENTENCES, 1)
        cand = "\n".join(sub) if i % 2 else " ".join(sub)
        rows.append(score_row(scorer, f"extract-{i:02}", ref, cand))
    with open(out, "w", encoding="utf-8") as f:
        f.write(json.dumps({
            "generator": "crates/eval/scripts/make_rouge_fixture.py",
            "rouge_score": version("rouge-score"),
            "nltk": nltk.__version__,
            "python": sys.version.split()[0],
            "pairs": len(rows),
        }, ensure_ascii=False) + "\n")
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
