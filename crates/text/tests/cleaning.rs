//! Cleaning: fixture pages, and generated pages with every kind of furniture in
//! many spellings.

use serde::Deserialize;

use crate::support::{assert_unique, check_invariants, clean_text, fixture};

#[derive(Deserialize)]
struct Pages {
    case: Vec<Page>,
}

#[derive(Deserialize)]
struct Page {
    name: String,
    #[allow(dead_code)]
    note: String,
    text: String,
    title: Option<String>,
    dateline: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    doc_date: Option<String>,
    sentences: Vec<String>,
    removed: Vec<String>,
}

fn pages() -> Vec<Page> {
    let pages: Pages = toml::from_str(&fixture("pages.toml")).expect("pages.toml parses");
    pages.case
}

#[test]
fn page_names_are_unique() {
    let pages = pages();
    assert_unique(pages.iter().map(|p| p.name.as_str()));
}

#[test]
fn pages_clean_as_expected() {
    let mut failures = Vec::new();
    for p in pages() {
        let doc = clean_text(&p.name, &p.text);
        check_invariants(&doc);
        let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
        let removed: Vec<&str> = doc.removed.iter().map(|r| r.kind.as_str()).collect();
        let got = (
            doc.title.as_deref(),
            doc.dateline.as_deref(),
            doc.outlet.as_deref(),
            doc.author.as_deref(),
            doc.doc_date.map(|d| d.to_string()),
        );
        let want = (
            p.title.as_deref(),
            p.dateline.as_deref(),
            p.outlet.as_deref(),
            p.author.as_deref(),
            p.doc_date.clone(),
        );
        if got != want || sentences != p.sentences || removed != p.removed {
            failures.push(format!(
                "{}:\n  metadata want {want:?}\n           got  {got:?}\n  sentences want {:#?}\n            got  {sentences:#?}\n  removed want {:?}\n          got  {removed:?}",
                p.name, p.sentences, p.removed
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---- Generated variants -------------------------------------------------------------

const LEAD: &str =
    "Norway and Iceland signed a new fisheries agreement in Oslo on Monday, officials said.";
const MIDDLE: &str = "The deal sets quotas for mackerel and herring for the next three years.";
const QUOTE: &str =
    "\"This is a fair outcome for both sides,\" Iceland's fisheries minister told reporters.";

/// Puts `furniture` (one or more lines) between body paragraphs, separated by blank
/// lines, or glued to the paragraphs when `glued`; checks the furniture is gone, the
/// body is whole, and the removed kinds are `kinds`.
fn check_variant(furniture: &str, glued: bool, kinds: &[&str]) {
    let sep = if glued { "\n" } else { "\n\n" };
    let page = format!("{LEAD}\n\n{MIDDLE}{sep}{furniture}{sep}{QUOTE}\n");
    let doc = clean_text("variant", &page);
    check_invariants(&doc);
    let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        sentences,
        vec![LEAD, MIDDLE, QUOTE],
        "body changed by furniture {furniture:?}:\n{}",
        doc.text
    );
    let removed: Vec<&str> = doc.removed.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(removed, kinds, "kinds for {furniture:?}");
}

const AGENCIES: &[&str] = &[
    "AP Photo",
    "AFP",
    "REUTERS",
    "Reuters",
    "EPA-EFE",
    "Sputnik",
    "RIA Novosti",
    "TASS",
    "Xinhua",
    "Anadolu Agency",
    "Getty Images",
    "AFP Photo",
];
const PHOTOGRAPHERS: &[&str] = &["Jane Roe", "Li Wei", "Olu Adeyemi", "Maria Gonzalez-Ruiz"];

#[test]
fn generated_photo_credits() {
    for (i, agency) in AGENCIES.iter().enumerate() {
        let name = PHOTOGRAPHERS[i % PHOTOGRAPHERS.len()];
        for form in [
            format!("© {agency}/ {name}"),
            format!("{agency}/{name}"),
            format!("{agency} / {name}"),
            format!("©{agency}"),
        ] {
            if form == format!("{agency}/{name}")
                || form == format!("{agency} / {name}")
                || form.starts_with('©')
            {
                check_variant(&form, false, &["photo_credit"]);
            }
        }
    }
    for line in [
        "Photo: Ministry of Defence press service",
        "Photo credit: Jane Roe",
        "Image: EPA-EFE/ Str",
        "Photograph: Li Wei/AP",
        "Photo by Olu Adeyemi",
        "Getty Images",
        "AFP via Getty Images",
        "(Photo: Government press office)",
        "Credit: Shutterstock",
    ] {
        check_variant(line, false, &["photo_credit"]);
    }
}

#[test]
fn generated_captions_beside_credits() {
    let scenes = [
        "Soldiers patrol a street in central Bamako",
        "Delegates arrive for the summit in Addis Ababa",
        "A view of the damaged bridge near Kherson",
        "Protesters gather outside the parliament building in Tbilisi",
    ];
    for (i, scene) in scenes.iter().enumerate() {
        let credit = format!("© {}/ {}", AGENCIES[i], PHOTOGRAPHERS[i]);
        // Above the credit, glued to the body on both sides.
        check_variant(
            &format!("{scene}\n{credit}"),
            true,
            &["caption", "photo_credit"],
        );
        // Below the credit.
        check_variant(
            &format!("{credit}\n{scene}"),
            true,
            &["photo_credit", "caption"],
        );
        // Explicit caption forms, on their own.
        for form in [
            format!("{scene}. File photo"),
            format!("{scene} (File photo)"),
            format!("FILE PHOTO: {scene}"),
        ] {
            check_variant(&form, false, &["caption"]);
        }
    }
    for (who, place) in [
        ("The Kenyan embassy", "London"),
        ("Foreign ministers", "Vienna"),
        ("The presidential palace", "Lima"),
    ] {
        for date in [
            "Monday, March 26, 2018",
            "Friday, October 2, 2020",
            "July 4, 2019",
        ] {
            let verb = if who.ends_with('s') { "are" } else { "is" };
            check_variant(
                &format!("{who} {verb} pictured in {place}, {date}"),
                false,
                &["caption"],
            );
        }
    }
}

#[test]
fn generated_read_more_lines() {
    let headlines = [
        "Kenya Denies Troop Build-Up Near Border - Army Spokesman",
        "\"Talks Are Not Over\" — Norwegian Diplomat",
        "Oil Output Cut Extended Until June",
        "Is Peace in Yemen Finally Within Reach?",
    ];
    for header in [
        "READ MORE:",
        "Read more:",
        "ALSO READ:",
        "Also read:",
        "READ ALSO:",
        "See also:",
        "Related:",
        "RELATED:",
        "READ MORE -",
        "Read More »",
        "ALSO READ",
    ] {
        for h in headlines {
            check_variant(&format!("{header} {h}"), false, &["read_more"]);
            check_variant(&format!("{header}\u{a0}{h}"), false, &["read_more"]);
            check_variant(&format!("{header} {h}"), true, &["read_more"]);
        }
    }
}

#[test]
fn generated_teaser_lists() {
    let items = [
        "Chad Closes Border With Sudan",
        "Brazil's Foreign Minister Visits Luanda",
        "Why the Sahel Coups Worry Paris - Analysis",
        "Ghana Says It Will Repay Bondholders by 2026",
    ];
    for header in [
        "Next In World",
        "Next In Politics",
        "More From Europe",
        "More In Africa",
        "Related Articles",
        "Related Stories",
        "ALSO READ",
        "You May Also Like",
        "You might also like",
        "Most Read",
        "Recommended",
        "Trending Now",
        "Don't Miss",
        "Top Stories",
    ] {
        let list = format!("{header}\n{}\n{}\n{}", items[0], items[1], items[3]);
        check_variant(
            &list,
            false,
            &["read_more", "related", "related", "related"],
        );
        check_variant(&list, true, &["read_more", "related", "related", "related"]);
        let spaced = format!("{header}\n\n{}\n\n{}", items[2], items[1]);
        check_variant(&spaced, false, &["read_more", "related", "related"]);
    }
}

#[test]
fn generated_embedded_teaser_headlines() {
    for teaser in [
        "US 'Could Be Drawn Into Wider Conflict in the Gulf' - Analyst",
        "Kremlin Says No Plans for Putin-Erdogan Call - Peskov",
        "Egypt Rejects Ethiopian Dam Filling Plan - Foreign Ministry",
        "\"We Will Not Be Blackmailed\" — Lithuanian President",
        "EU Prepares Tenth Sanctions Package Against Minsk",
    ] {
        check_variant(teaser, false, &["teaser"]);
        check_variant(teaser, true, &["teaser"]);
    }
}

#[test]
fn generated_counters_sections_and_timestamps() {
    for counter in [
        "110",
        "2,481",
        "1.2K",
        "15 views",
        "Views: 3,210",
        "7 shares",
        "12 comments",
        "904",
    ] {
        check_variant(counter, false, &["counter"]);
    }
    let sections: Vec<&str> = include_str!("../data/sections.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert!(sections.len() > 20);
    for s in sections {
        check_variant(s, false, &["section"]);
    }
    for s in ["Diplomacy", "Asia-Pacific", "Defence"] {
        check_variant(s, true, &["section"]);
    }
    for t in [
        "10:05 GMT +203 March 2021",
        "Thu 02nd April 2020 | 12:15 PM",
        "date 2022-09-19",
        "Updated 2 hours ago",
        "Published: 5 May 2023 | 09:41",
        "2018-04-12T15:46:00Z",
        "Last updated: 11:20 am",
        "Monday, 6 June 2022",
    ] {
        check_variant(t, false, &["timestamp"]);
    }
}

#[test]
fn generated_blurbs_hashtags_and_handles() {
    let cases: &[(&str, &str)] = &[
        ("Subscribe to our newsletter", "subscribe"),
        ("Sign up for our morning briefing", "subscribe"),
        ("Follow us on Telegram", "subscribe"),
        ("Get the app", "subscribe"),
        ("Click here to read the full statement", "subscribe"),
        ("Join the discussion", "comments"),
        ("Join the conversation", "comments"),
        ("Comments", "comments"),
        ("Comments (14)", "comments"),
        ("Leave a comment", "comments"),
        ("Share", "share"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("ADVERTISEMENT", "advert"),
        ("Story continues below advertisement", "advert"),
        ("#Norway #Iceland #Fisheries", "hashtags"),
        ("#Diplomacy", "hashtags"),
        ("Tags: fisheries, Norway, Iceland", "tags"),
        ("Topics: Arctic, trade", "tags"),
        ("(@FishDeskNews)", "handle"),
        ("@FishDeskNews @OsloWire", "handle"),
        ("(Reporting by Nils Berg; Editing by Anna Holm)", "credits"),
        (
            "This article was originally published by the Oslo Times.",
            "footer",
        ),
        ("All rights reserved.", "footer"),
    ];
    for (line, kind) in cases {
        check_variant(line, false, &[kind]);
    }
}

#[test]
fn generated_bylines_set_the_author() {
    for (line, author) in [
        ("By Ingrid Solberg", "Ingrid Solberg"),
        ("By INGRID SOLBERG, Associated Press", "INGRID SOLBERG"),
        (
            "By Ana Paula de Souza and Tom Reed",
            "Ana Paula de Souza and Tom Reed",
        ),
        ("Author: Kwame Mensah", "Kwame Mensah"),
        ("Written by Sara Ali | Reuters", "Sara Ali"),
    ] {
        let page =
            format!("Norway and Iceland Sign Fisheries Pact\n\n{line}\n\n{LEAD}\n\n{MIDDLE}\n");
        let doc = clean_text("byline", &page);
        assert_eq!(doc.author.as_deref(), Some(author), "{line}");
        assert!(!doc.text.contains(line), "{line}");
    }
}

#[test]
fn generated_datelines() {
    let cities = [
        "OSLO",
        "REYKJAVIK",
        "ST. PETERSBURG",
        "N'DJAMENA",
        "RIO DE JANEIRO",
        "ADDIS ABABA",
    ];
    let outlets = [
        "Reuters",
        "AP",
        "AFP",
        "Sputnik",
        "Xinhua",
        "UrduPoint News / Sputnik",
    ];
    for (i, city) in cities.iter().enumerate() {
        let outlet = outlets[i % outlets.len()];
        let forms = [
            (format!("{city} ({outlet}) - "), Some(outlet), None),
            (format!("{city} ({outlet}) — "), Some(outlet), None),
            (
                format!("{city}, March {} ({outlet}) - ", i + 1),
                Some(outlet),
                None,
            ),
            (format!("{city} — "), None, None),
            (
                format!("{city} ({outlet} - 0{}th May, 2023) ", i + 4),
                Some(outlet),
                Some(format!("2023-05-0{}", i + 4)),
            ),
        ];
        for (prefix, want_outlet, want_date) in forms {
            let page = format!("{prefix}{LEAD}\n\n{MIDDLE}\n");
            let doc = clean_text("dateline", &page);
            assert_eq!(doc.dateline.as_deref(), Some(*city), "{prefix}");
            assert_eq!(doc.outlet.as_deref(), want_outlet, "{prefix}");
            assert_eq!(doc.doc_date.map(|d| d.to_string()), want_date, "{prefix}");
            assert_eq!(doc.sentences[0].text, LEAD, "{prefix}");
            assert_eq!(doc.removed[0].kind, "dateline");
        }
    }
}

#[test]
fn given_title_is_removed_from_the_body() {
    let raw = parley_text::RawArticle {
        id: "given".into(),
        text: format!("Norway and Iceland Sign Fisheries Pact\n\n{LEAD}\n"),
        title: Some("Norway and Iceland Sign Fisheries Pact".into()),
        ..Default::default()
    };
    let doc = parley_text::clean(&raw);
    assert_eq!(doc.text, LEAD);
    assert_eq!(doc.removed[0].kind, "title");
}
